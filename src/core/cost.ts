import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from './decimal.js';
import { error, type Issue } from './issue.js';
import type { LaneTotal } from './cohort.js';
import { type AcademicYear, type FinancialYear, type MonthIndex, firstOfMonth, formatAcademicYear } from './period.js';
import type { RateBook, SpanSum } from './rate-book.js';
import type { TariffSetting } from './tariff.js';
import { ScaledSum } from './units.js';

/**
 * One setting's spend over the months of one FY that fall in one AY, as annual amounts
 * summed over those months (divide by 12 for money): Σ_m Σ_cells count × rate(m).
 */
export interface CostPart {
  readonly financialYear: FinancialYear;
  readonly setting: string;
  readonly topUpAnnualMonths: Decimal;
  readonly placeAnnualMonths: Decimal;
}

export interface AcademicYearCost {
  readonly parts: CostPart[];
  readonly pupilsBySetting: ReadonlyMap<string, Decimal>;
  readonly placesBySetting: Map<string, Decimal>;
}

/** The months of an AY that the projection charges, split by the FY they belong to. */
export interface MonthSpan {
  readonly financialYear: FinancialYear;
  readonly months: readonly MonthIndex[];
}

export interface CostContext {
  readonly rateBook: RateBook;
  readonly settings: readonly TariffSetting[];
  /** Commissioned places given in places.csv for (AY, setting). */
  readonly givenPlaces: (ay: AcademicYear, setting: string) => Decimal | undefined;
  /** Places a scenario adds to (or removes from) those given or defaulted. */
  readonly extraPlaces?: (ay: AcademicYear, setting: string) => Decimal | undefined;
  /** When a pupil row's annual_cost starts: 1 September of the base year. */
  readonly bespokeFrom: string;
  readonly issues: Issue[];
  readonly reported: Set<string>;
  /** Span sums charged by this projection: their tariff rows are the ones the provenance manifest lists. */
  readonly usedSums: Set<SpanSum>;
}

/**
 * Costs one AY's cohort (docs/methodology.md, "Cost"): month m costs Σ count × annual
 * top-up in force on the 1st of m ÷ 12, plus Σ place-funded settings places × placeValue ÷ 12.
 * Pupils come summed by lane, and lanes that read the same tariff series (say, every need
 * without rates of its own) are summed again, so that Σ_m count × rate(m) is taken once per
 * series and span as count × Σ_m rate(m): the same value, with far fewer multiplications.
 */
export function costAcademicYear(cohort: { readonly totals: readonly LaneTotal[]; readonly bySetting: ReadonlyMap<string, Decimal> }, ay: AcademicYear, spans: readonly MonthSpan[], context: CostContext): AcademicYearCost {
  const { series, bespokeBySetting } = group(cohort.totals, context.rateBook);
  const pupilsBySetting = cohort.bySetting;
  const placesBySetting = new Map<string, Decimal>();
  for (const setting of context.settings) {
    if (setting.placeValue.isZero()) continue;
    const places = context.givenPlaces(ay, setting.id) ?? pupilsBySetting.get(setting.id) ?? ZERO;
    const extra = context.extraPlaces?.(ay, setting.id);
    // Removing more places than there are leaves none, never a negative number of places.
    placesBySetting.set(setting.id, extra ? Dec.max(ZERO, places.plus(extra)) : places);
  }
  const parts: CostPart[] = [];
  for (const span of spans) {
    if (span.months.length === 0) continue;
    // Σ count × Σ_m rate(m) by setting, as exact integers: made a Decimal once per setting.
    const priced = new Map<string, ScaledSum>();
    for (const g of series) {
      const rateSum = sumRates(g, span.months, ay, context);
      if (!rateSum) continue;
      let sum = priced.get(g.setting);
      if (!sum) {
        sum = new ScaledSum();
        priced.set(g.setting, sum);
      }
      sum.addProduct(g.units, rateSum.factor);
    }
    const topUp = new Map<string, Decimal>();
    for (const [setting, sum] of priced) topUp.set(setting, sum.decimal());
    const factorSum = span.months.reduce((total, m) => total.plus(context.rateBook.bespokeFactor(context.bespokeFrom, m)), ZERO);
    for (const [setting, total] of bespokeBySetting) topUp.set(setting, (topUp.get(setting) ?? ZERO).plus(total.times(factorSum)));
    const monthCount = new Dec(span.months.length);
    for (const setting of context.settings) {
      const places = placesBySetting.get(setting.id);
      parts.push({
        financialYear: span.financialYear,
        setting: setting.id,
        topUpAnnualMonths: topUp.get(setting.id) ?? ZERO,
        // Place values are never uplifted, so every month of the span costs the same.
        placeAnnualMonths: places ? places.times(setting.placeValue).times(monthCount) : ZERO,
      });
    }
  }
  return { parts, pupilsBySetting, placesBySetting };
}

/** Tariff-priced lanes that read one series, with their pupils summed exactly. */
interface SeriesGroup {
  readonly setting: string;
  readonly members: LaneTotal[];
  readonly units: ScaledSum;
}

/** Σ over the span's months of the series' rate in force on each 1st; undefined (and an issue per lane with pupils) if a month has none. */
function sumRates(g: SeriesGroup, months: readonly MonthIndex[], ay: AcademicYear, context: CostContext): SpanSum | undefined {
  const { lane } = g.members[0]!;
  const sum = context.rateBook.topUpSum(lane.setting, lane.band, lane.need, months);
  if (typeof sum === 'number') {
    for (const member of g.members) if (!member.count.isZero()) reportMissing(member, sum, ay, context);
    return undefined;
  }
  context.usedSums.add(sum);
  return sum;
}

function reportMissing({ lane: g, origin }: LaneTotal, month: MonthIndex, ay: AcademicYear, context: CostContext): void {
  const bandKnown = context.rateBook.hasBand(g.setting, g.band);
  const key = bandKnown ? `${g.setting}\u0000${g.band}\u0000${g.need}` : `${g.setting}\u0000${g.band}`;
  if (context.reported.has(key)) return;
  context.reported.add(key);
  if (bandKnown) {
    const what = `no rate in force on ${firstOfMonth(month)} for setting "${g.setting}", band "${g.band}", need ${g.need} (AY ${formatAcademicYear(ay)})`;
    context.issues.push(error('NO_RATE_IN_FORCE', what, origin, 'add a rate with an earlier effectiveFrom, or one for need "*"'));
  } else {
    const what = `pupils reach setting "${g.setting}" in band "${g.band}", which the tariff does not price for that setting (AY ${formatAcademicYear(ay)})`;
    context.issues.push(error('UNKNOWN_BAND', what, origin, 'a transition without to_band keeps the pupil\'s band: give to_band, or add rates for the band'));
  }
}

/**
 * Tariff-priced lanes grouped by the series that prices them (in first-met order), their units
 * summed; and the bespoke lanes' costs by setting.
 */
function group(totals: readonly LaneTotal[], book: RateBook): { series: SeriesGroup[]; bespokeBySetting: Map<string, Decimal> } {
  const bySeries = new Map<string, SeriesGroup>();
  const bespokeBySetting = new Map<string, Decimal>();
  for (const total of totals) {
    const { lane } = total;
    if (lane.bespoke) {
      bespokeBySetting.set(lane.setting, (bespokeBySetting.get(lane.setting) ?? ZERO).plus(total.bespokeAnnual ?? ZERO));
      continue;
    }
    const key = lane.seriesIn(book);
    let summing = bySeries.get(key);
    if (!summing) {
      summing = { setting: lane.setting, members: [], units: new ScaledSum() };
      bySeries.set(key, summing);
    }
    summing.members.push(total);
    summing.units.addSum(total.count);
  }
  return { series: [...bySeries.values()], bespokeBySetting };
}
