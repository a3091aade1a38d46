import type { Decimal } from 'decimal.js';
import { ZERO } from './decimal.js';
import { error, type Issue } from './issue.js';
import type { Cell } from './model.js';
import { type AcademicYear, type MonthIndex, firstOfMonth, formatAcademicYear } from './period.js';
import type { RateBook } from './rate-book.js';
import type { TariffSetting } from './tariff.js';

/** One month's spend in one setting, as annual rates summed over pupils (divide by 12 for the month). */
export interface SettingMonthCost {
  readonly month: MonthIndex;
  readonly setting: string;
  readonly topUpAnnual: Decimal;
  readonly placeAnnual: Decimal;
}

export interface AcademicYearCost {
  readonly months: SettingMonthCost[];
  readonly pupilsBySetting: Map<string, Decimal>;
  readonly placesBySetting: Map<string, Decimal>;
}

interface PriceGroup {
  readonly setting: string;
  readonly band: string;
  readonly need: Cell['need'];
  readonly annualCost?: Decimal;
  count: Decimal;
  readonly origin?: Cell['origin'];
}

export interface CostContext {
  readonly rateBook: RateBook;
  readonly settings: readonly TariffSetting[];
  /** Commissioned places given in places.csv for (AY, setting). */
  readonly givenPlaces: (ay: AcademicYear, setting: string) => Decimal | undefined;
  /** When a pupil row's annual_cost starts: 1 September of the base year. */
  readonly bespokeFrom: string;
  readonly issues: Issue[];
  readonly reported: Set<string>;
}

/**
 * Costs one AY's cohort month by month over `months` (docs/methodology.md, "Cost"):
 * month m costs Σ count × annual top-up in force on the 1st of m ÷ 12, plus
 * Σ place-funded settings places × placeValue ÷ 12.
 */
export function costAcademicYear(cells: readonly Cell[], ay: AcademicYear, months: readonly MonthIndex[], context: CostContext): AcademicYearCost {
  const groups = groupByPrice(cells);
  const pupilsBySetting = new Map<string, Decimal>();
  for (const group of groups) pupilsBySetting.set(group.setting, (pupilsBySetting.get(group.setting) ?? ZERO).plus(group.count));
  const placesBySetting = new Map<string, Decimal>();
  for (const setting of context.settings) {
    if (setting.placeValue.isZero()) continue;
    placesBySetting.set(setting.id, context.givenPlaces(ay, setting.id) ?? pupilsBySetting.get(setting.id) ?? ZERO);
  }
  const result: SettingMonthCost[] = [];
  for (const month of months) {
    const topUp = new Map<string, Decimal>();
    for (const group of groups) {
      const rate = priceOf(group, month, ay, context);
      if (rate) topUp.set(group.setting, (topUp.get(group.setting) ?? ZERO).plus(group.count.times(rate)));
    }
    for (const setting of context.settings) {
      const places = placesBySetting.get(setting.id);
      const placeAnnual = places ? places.times(setting.placeValue) : ZERO;
      const topUpAnnual = topUp.get(setting.id) ?? ZERO;
      result.push({ month, setting: setting.id, topUpAnnual, placeAnnual });
    }
  }
  return { months: result, pupilsBySetting, placesBySetting };
}

function priceOf(group: PriceGroup, month: MonthIndex, ay: AcademicYear, context: CostContext): Decimal | undefined {
  if (group.annualCost) return context.rateBook.bespoke(group.annualCost, context.bespokeFrom, month).annualTopUp;
  const charged = context.rateBook.topUp(group.setting, group.band, group.need, month);
  if (charged) return charged.annualTopUp;
  if (group.count.isZero()) return undefined;
  const bandKnown = context.rateBook.hasBand(group.setting, group.band);
  const key = bandKnown ? `${group.setting}\u0000${group.band}\u0000${group.need}` : `${group.setting}\u0000${group.band}`;
  if (context.reported.has(key)) return undefined;
  context.reported.add(key);
  if (bandKnown) {
    const what = `no rate in force on ${firstOfMonth(month)} for setting "${group.setting}", band "${group.band}", need ${group.need} (AY ${formatAcademicYear(ay)})`;
    context.issues.push(error('NO_RATE_IN_FORCE', what, group.origin, 'add a rate with an earlier effectiveFrom, or one for need "*"'));
  } else {
    const what = `pupils reach setting "${group.setting}" in band "${group.band}", which the tariff does not price for that setting (AY ${formatAcademicYear(ay)})`;
    context.issues.push(error('UNKNOWN_BAND', what, group.origin, 'a transition without to_band keeps the pupil\'s band: give to_band, or add rates for the band'));
  }
  return undefined;
}

function groupByPrice(cells: readonly Cell[]): PriceGroup[] {
  const groups = new Map<string, PriceGroup>();
  for (const cell of cells) {
    const key = `${cell.setting}\u0000${cell.band}\u0000${cell.need}\u0000${cell.annualCost?.toString() ?? ''}`;
    const group = groups.get(key);
    if (group) group.count = group.count.plus(cell.count);
    else groups.set(key, { setting: cell.setting, band: cell.band, need: cell.need, count: cell.count, ...(cell.annualCost ? { annualCost: cell.annualCost } : {}), ...(cell.origin ? { origin: cell.origin } : {}) });
  }
  return [...groups.values()];
}
