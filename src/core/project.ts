import type { Decimal } from 'decimal.js';
import {
  bespokeBySetting,
  costAcademicYear,
  costLanes,
  type CostContext,
  type CostLanes,
  chargedSpans,
  pricedLanes,
} from './cost.js';
import type { CostTerm } from './cost-trace.js';
import { countDecimal, type CountDecimals } from './demand/count.js';
import { FLOW_NAMES } from './demand/flows.js';
import { ProjectionCache } from './demand/cache.js';
import { projectDemand, type Demand, type DemandYear } from './demand/run.js';
import { sumTerms, TWELVE, ZERO } from './decimal.js';
import { hasErrors, type Issue } from './issue.js';
import { incomeByYear } from './ledger.js';
import type { Adjustments } from './adjustments.js';
import type { Model } from './model.js';
import {
  type AcademicYear,
  type FinancialYear,
  financialYearMonths,
  firstProjectedFinancialYear,
} from './period.js';
import type {
  AcademicYearResult,
  FinancialYearResult,
  Flows,
  OtherSpendLine,
  Projection,
  ProjectionOutcome,
  SettingFlows,
  SettingYear,
} from './projection.js';
import type { SpanSum } from './rate-book.js';
import { applyWriteOff } from './write-off.js';
import { withFinancing } from './financing.js';
import { SpendSums } from './spend-sums.js';
import { otherSpendByYear } from './other-spend.js';
import { nilSpendWarning } from './nil-spend.js';
import { fundedByDfe } from './place-cost.js';
import { deductionsWithoutDfeSetting } from './deductions.js';
import { suspectFundersWithDeductions } from './place-funder-check.js';
import { dfePlaceFunding, movesPupils, placeFundingBefore } from './dfe-places.js';

/**
 * Projects an area's high-needs spend, income and DSG balance (docs/methodology.md).
 * Pure: no I/O, clock or randomness, so it is cheap to rerun for scenarios and goal-seek. A caller
 * that projects the same model many times passes one ProjectionCache to every run.
 */
export function project(
  model: Model,
  adjustments: Adjustments = {},
  cache = new ProjectionCache(),
  { trace, flows: withFlows = true }: ProjectOptions = {},
): ProjectionOutcome {
  const issues: Issue[] = [];
  const firstYear = firstProjectedFinancialYear(model.baseYear);
  const financialYears: FinancialYear[] = [];
  for (let fy = firstYear; fy <= model.horizon; fy += 1) financialYears.push(fy);
  const lastAcademicYear: AcademicYear = model.horizon; // FY horizon ends in the AY that starts in its first calendar year.
  const [windowStart] = financialYearMonths(firstYear);
  const [, windowEnd] = financialYearMonths(model.horizon);

  const rateBook = cache.rateBook(model.tariff, model.assumptions.tariffUplift);
  const counts = cache.counts();
  const context: CostContext = {
    rateBook,
    counts,
    settings: model.tariff.settings,
    givenPlaces: indexPlaces(model, (row) => row.places),
    importedPlaces: indexPlaces(model, (row) => row.imported),
    ...(adjustments.extraPlaces ? { extraPlaces: adjustments.extraPlaces } : {}),
    bespokeFrom: `${model.baseYear}-09-01`,
    issues,
    reported: new Set(),
    usedSums: new Set(),
    ...(trace ? { trace } : {}),
  };
  const demand = projectDemand(model, lastAcademicYear, adjustments, cache);
  issues.push(...demand.issues);
  const lanes = pricedLanes(costLanes(demand.plan.lanes, demand.plan.origins, rateBook), context);
  const spend = new SpendSums();
  const academicYears: AcademicYearResult[] = [];
  const anyOutOfArea = demand.plan.lanes.some((lane) => lane.outOfArea);
  let previous: ReadonlyMap<string, Decimal> | undefined;
  for (const year of demand.years) {
    const ay = year.academicYear;
    const { pupils, pupilsBySetting, inArea, bespoke } = cache.yearCounts(year.laneTotals, () =>
      yearCounts(demand, year, lanes, counts),
    );
    const placesBySetting = costAcademicYear(
      year.laneTotals,
      inArea,
      bespoke,
      lanes,
      ay,
      chargedSpans(ay, windowStart, windowEnd),
      context,
      spend,
      trace && anyOutOfArea ? difference(pupilsBySetting, inArea) : undefined,
    );
    const flows =
      withFlows && previous && year.flows
        ? flowsOf(demand, year, previous, pupilsBySetting)
        : undefined;
    academicYears.push({
      academicYear: ay,
      pupils,
      pupilsBySetting,
      placesBySetting,
      ...(flows ? { flows } : {}),
    });
    previous = pupilsBySetting;
  }

  const dfePlaces = dfePlaceFunding(model.tariff.settings, financialYears, spend, 'place');
  const leverPlaces = dfePlaceFunding(model.tariff.settings, financialYears, spend, 'extraPlace');
  const before = adjustments.before;
  const income = incomeByYear(
    model.funding,
    financialYears,
    model.assumptions.hnbGrowth,
    issues,
    dfePlaces,
    before && movesPupils(adjustments, model, before)
      ? (fy) =>
          placeFundingBefore(before, fy, {
            context,
            cache,
            lastAcademicYear,
            pupilsInArea: (d, year) => bySetting(d, year, counts, true),
          })
      : (fy) => dfePlaces.get(fy)!.minus(leverPlaces.get(fy)!),
  );
  const doubled = deductionsWithoutDfeSetting(model.funding, model.tariff, model.horizon);
  if (doubled) issues.push(doubled);
  issues.push(...suspectFundersWithDeductions(model.funding, model.tariff, model.horizon));
  if (hasErrors(issues)) return { issues };

  const openingBalance =
    model.funding.find((row) => row.line === 'opening_balance')?.amount ?? ZERO;
  const other = otherSpendByYear(
    model.spend ?? [],
    financialYears,
    model.assumptions.otherSpendGrowth,
  );
  const { years: balanced, writeOff } = applyWriteOff(
    rollUp(model, financialYears, spend, other, academicYears, income, openingBalance),
    openingBalance,
    model.writeOff,
    issues,
  );
  const years = withFinancing(balanced, openingBalance, model.deficitFinancing?.rate);
  const nil = nilSpendWarning(years, dfePlaces, model.tariff);
  if (nil) issues.push(nil);
  const projection: Projection = {
    area: model.area,
    baseYear: model.baseYear,
    firstYear,
    horizon: model.horizon,
    openingBalance,
    tariff: {
      id: model.tariff.id,
      title: model.tariff.title,
      references: model.tariff.references,
      ...(model.tariff.source ? { source: model.tariff.source } : {}),
      effectiveDatesUsed: datesCharged(context.usedSums),
    },
    years,
    academicYears,
    ...(writeOff ? { writeOff } : {}),
    ...(model.overrideEnd !== undefined ? { overrideEnd: model.overrideEnd } : {}),
    ...(model.deficitFinancing ? { financingRate: model.deficitFinancing.rate } : {}),
  };
  return { projection, issues };
}

/**
 * What a year's costing reads of its lane totals alone, so that the scenarios sharing a demand
 * (a tariff, funding or places lever) share it (ProjectionCache.yearCounts).
 */
export interface YearCounts {
  readonly pupils: Decimal;
  readonly pupilsBySetting: ReadonlyMap<string, Decimal>;
  /** The pupils placed in the area's providers: they fill the area's places, and the rest none. */
  readonly inArea: ReadonlyMap<string, Decimal>;
  /** The annual cost of the pupils priced by their own annual_cost (bespokeBySetting). */
  readonly bespoke: ReadonlyMap<string, Decimal>;
}

function yearCounts(
  demand: Demand,
  year: DemandYear,
  lanes: CostLanes,
  counts: CountDecimals,
): YearCounts {
  const pupilsBySetting = bySetting(demand, year, counts);
  const anyOutOfArea = lanes.lanes.some((lane) => lane.outOfArea);
  return {
    pupils: sumTerms([...pupilsBySetting.values()], (p) => p),
    pupilsBySetting,
    inArea: anyOutOfArea ? bySetting(demand, year, counts, true) : pupilsBySetting,
    bespoke: bespokeBySetting(year.laneTotals, lanes.lanes, lanes.bespoke, counts),
  };
}

export interface ProjectOptions {
  /** Receives every cost term as the costing adds it (src/core/cost-trace.ts; `highneeds explain`). */
  readonly trace?: CostTerm[];
  /**
   * false: leave out each AY's flows by setting (AcademicYearResult.flows), which only a detailed
   * table, JSON or a report prints: a caller that reads the money alone (a batch, a goal-seek)
   * skips making some forty Decimals per year.
   */
  readonly flows?: boolean;
}

function rollUp(
  model: Model,
  financialYears: readonly FinancialYear[],
  spend: SpendSums,
  other: ReadonlyMap<FinancialYear, readonly OtherSpendLine[]>,
  academicYears: readonly AcademicYearResult[],
  income: ReturnType<typeof incomeByYear>,
  openingBalance: Decimal,
): FinancialYearResult[] {
  const byAcademicYear = new Map(academicYears.map((ay) => [ay.academicYear, ay]));
  let cumulative = openingBalance;
  return financialYears.map((fy) => {
    const january = byAcademicYear.get(fy)!;
    const settings: SettingYear[] = model.tariff.settings.map((setting, s) => {
      // Σ over months of annual rate ÷ 12, divided once: identical in value, fewer roundings.
      const place = spend.of(fy, s, 'place').div(TWELVE);
      const dfe = fundedByDfe(setting);
      return {
        setting: setting.id,
        pupilsJanuary: january.pupilsBySetting.get(setting.id) ?? ZERO,
        spendTopUp: spend.of(fy, s, 'topUp').div(TWELVE),
        spendPlace: dfe ? ZERO : place,
        placeDfe: dfe ? place : ZERO,
      };
    });
    const spendTopUp = sumTerms(settings, (s) => s.spendTopUp);
    const spendPlace = sumTerms(settings, (s) => s.spendPlace);
    const otherSpend = other.get(fy) ?? [];
    const spendOther = sumOf(otherSpend, (line) => line.amount);
    const spendTotal = spendTopUp.plus(spendPlace).plus(spendOther);
    const yearIncome = income.get(fy)!;
    const inYearBalance = yearIncome.total.minus(spendTotal);
    cumulative = cumulative.plus(inYearBalance);
    return {
      financialYear: fy,
      pupilsJanuary: january.pupils,
      spendTopUp,
      spendPlace,
      spendOther,
      otherSpend,
      spendTotal,
      placeDfe: sumTerms(settings, (s) => s.placeDfe),
      income: yearIncome,
      inYearBalance,
      cumulativeBalance: cumulative,
      generalFundFinancing: ZERO,
      settings,
    };
  });
}

/**
 * Pupils by setting, every setting of the plan: the lanes' totals summed in lane order, then made
 * Decimals; with `inAreaOnly`, those of the lanes placed in the area's providers.
 */
function bySetting(
  { plan }: Demand,
  year: DemandYear,
  counts: CountDecimals,
  inAreaOnly = false,
): Map<string, Decimal> {
  const totals = new Float64Array(plan.settings.length);
  plan.laneSetting.forEach((setting, lane) => {
    if (inAreaOnly && plan.lanes[lane]!.outOfArea) return;
    totals[setting]! += year.laneTotals[lane]!;
  });
  return new Map(plan.settings.map((id, i) => [id, counts.decimal(totals[i]!)]));
}

/** `all` less `part`, setting by setting. */
const difference = (
  all: ReadonlyMap<string, Decimal>,
  part: ReadonlyMap<string, Decimal>,
): Map<string, Decimal> =>
  new Map([...all].map(([setting, pupils]) => [setting, pupils.minus(part.get(setting) ?? ZERO)]));

/** A year's flows by setting and in total, as Decimals: opening is last year's closing, closing this year's pupils. */
function flowsOf(
  { plan }: Demand,
  year: DemandYear,
  opening: ReadonlyMap<string, Decimal>,
  closing: ReadonlyMap<string, Decimal>,
): Flows {
  const settings = new Map<string, SettingFlows>();
  plan.settings.forEach((id, i) => {
    const counted = Object.fromEntries(
      FLOW_NAMES.map((name) => [name, countDecimal(year.flows![name][i]!)]),
    ) as Record<(typeof FLOW_NAMES)[number], Decimal>;
    settings.set(id, {
      opening: opening.get(id) ?? ZERO,
      ...counted,
      closing: closing.get(id) ?? ZERO,
    });
  });
  const all = [...settings.values()];
  const total = (pick: (f: SettingFlows) => Decimal): Decimal => sumOf(all, pick);
  return {
    opening: total((f) => f.opening),
    newPlans: total((f) => f.newPlans),
    ceased: total((f) => f.ceased),
    agedOut: total((f) => f.agedOut),
    moved: total((f) => f.movedOut),
    overflowed: total((f) => f.overflowOut),
    closing: total((f) => f.closing),
    bySetting: settings,
  };
}

function indexPlaces(
  model: Model,
  pick: (row: Model['places'][number]) => Decimal | undefined,
): CostContext['givenPlaces'] {
  // By setting, then AY: found without building a key for each setting of each year.
  const index = new Map<string, Map<AcademicYear, Decimal>>();
  for (const row of model.places) {
    const value = pick(row);
    if (!value) continue;
    let byYear = index.get(row.setting);
    if (!byYear) {
      byYear = new Map();
      index.set(row.setting, byYear);
    }
    byYear.set(row.academicYear, value);
  }
  return (ay, setting) => index.get(setting)?.get(ay);
}

/** The effective dates of the tariff rows behind the span sums a projection charged, sorted. */
function datesCharged(sums: ReadonlySet<SpanSum>): string[] {
  // Span sums share their lists of dates (RateBook): a few distinct lists among hundreds of sums.
  const lists = new Set<readonly string[]>();
  for (const sum of sums) lists.add(sum.dates);
  const dates = new Set<string>();
  for (const list of lists) for (const date of list) dates.add(date);
  return [...dates].sort();
}

const sumOf = <T>(items: readonly T[], pick: (item: T) => Decimal): Decimal =>
  items.reduce((total, item) => total.plus(pick(item)), ZERO);
