import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import { costLanes } from '../cost.js';
import { ProjectionCache } from '../demand/cache.js';
import { countDecimal } from '../demand/count.js';
import { type Lane, SPAN } from '../demand/lanes.js';
import { projectDemand } from '../demand/run.js';
import { TWELVE, ZERO } from '../decimal.js';
import type { Model } from '../model.js';
import { NCY_MIN, NEED_CODES } from '../need.js';
import { type FinancialYear, financialYearMonths, firstProjectedFinancialYear } from '../period.js';
import { chargedSpans } from '../cost.js';
import { applyScenario } from '../scenario/apply.js';
import { scenarioArgument } from '../scenario/scenario-argument.js';
import type { Scenario } from '../scenario/types.js';
import { AGE_GROUPS, ageGroupOf } from './age-group.js';

/** One category's EHCPs in the FY's January and top-up spend in the FY. */
export interface CategoryYear {
  readonly key: string;
  readonly pupilsJanuary: Decimal;
  readonly spendTopUp: Decimal;
}

/**
 * A FY's EHCPs and top-up spend by primary need and by age group. Place funding is paid per
 * commissioned place, not per pupil, so it belongs to no need or age: the projection's
 * spendPlace (by setting) is the rest of the year's spend, and Σ categories' top-up +
 * spendPlace = spendTotal.
 */
export interface BreakdownYear {
  readonly financialYear: FinancialYear;
  readonly byNeed: readonly CategoryYear[];
  readonly byAgeGroup: readonly CategoryYear[];
}

interface Dimension {
  readonly keys: readonly string[];
  /** The category of a lane's pupils at an NCY, as an index into keys. */
  readonly of: (lane: Lane, ncy: number) => number;
}

const NEED_INDEX = new Map<string, number>(NEED_CODES.map((need, i) => [need, i]));
const BY_NEED: Dimension = { keys: NEED_CODES, of: (lane) => NEED_INDEX.get(lane.need)! };
const BY_AGE: Dimension = {
  keys: AGE_GROUPS,
  of: (_lane, ncy) => AGE_GROUPS.indexOf(ageGroupOf(ncy)),
};

/**
 * The projection's pupils and top-up spend split by need and by age group: the same cohort
 * (projectDemand, found again in the cache) priced the same way as src/core/project.ts prices
 * it — each tariff series' pupils in a category × Σ of its rates over the months charged, each
 * bespoke lane's pupils × its fee × the uplift factors — so the categories add up to the
 * projection's spendTopUp and pupilsJanuary (to far below a penny: only the order in which
 * expected counts are added differs). Needs with no pupils in any year are left out.
 */
export function breakdown(
  model: Model,
  adjustments: Adjustments = {},
  cache = new ProjectionCache(),
): BreakdownYear[] {
  const demand = projectDemand(model, model.horizon, adjustments, cache);
  const rateBook = cache.rateBook(model.tariff, model.assumptions.tariffUplift);
  const { plan } = demand;
  const lanes = costLanes(plan.lanes, plan.origins, rateBook);
  const firstYear = firstProjectedFinancialYear(model.baseYear);
  const [windowStart] = financialYearMonths(firstYear);
  const [, windowEnd] = financialYearMonths(model.horizon);
  const bespokeFrom = `${model.baseYear}-09-01`;

  const tallies = [BY_NEED, BY_AGE].map((dimension) => {
    const k = dimension.keys.length;
    const pupils = new Map<FinancialYear, Decimal[]>();
    const annualMonths = new Map<FinancialYear, Decimal[]>();
    for (const year of demand.years) {
      // Pupils by lane and category, summed over NCY in NCY order (as laneTotals are).
      const perLane = new Float64Array(plan.lanes.length * k);
      plan.lanes.forEach((lane, l) => {
        for (let s = 0; s < SPAN; s += 1) {
          const count = year.counts[l * SPAN + s]!;
          if (count === 0) continue;
          const at = l * k + dimension.of(lane, s + NCY_MIN);
          perLane[at] = perLane[at]! + count;
        }
      });
      if (year.academicYear >= firstYear && year.academicYear <= model.horizon) {
        const january = new Float64Array(k);
        for (let l = 0; l < plan.lanes.length; l += 1)
          for (let c = 0; c < k; c += 1) january[c] = january[c]! + perLane[l * k + c]!;
        pupils.set(year.academicYear, [...january].map(countDecimal));
      }
      for (const span of chargedSpans(year.academicYear, windowStart, windowEnd)) {
        if (span.months.length === 0) continue;
        const spend = annualMonths.get(span.financialYear) ?? dimension.keys.map(() => ZERO);
        for (const group of lanes.series) {
          const first = plan.lanes[group.lanes[0]!]!;
          const sum = rateBook.topUpSum(first.setting, first.band, first.need, span.months);
          if (typeof sum === 'number') continue; // a missing rate stops the projection itself
          for (let c = 0; c < k; c += 1) {
            let inCategory = 0;
            for (const l of group.lanes) inCategory += perLane[l * k + c]!;
            if (inCategory !== 0)
              spend[c] = spend[c]!.plus(countDecimal(inCategory).times(sum.total));
          }
        }
        const factorSum = span.months.reduce(
          (total, m) => total.plus(rateBook.bespokeFactor(bespokeFrom, m)),
          ZERO,
        );
        for (const l of lanes.bespoke)
          for (let c = 0; c < k; c += 1) {
            const count = perLane[l * k + c]!;
            if (count !== 0)
              spend[c] = spend[c]!.plus(
                countDecimal(count).times(plan.lanes[l]!.fee!).times(factorSum),
              );
          }
        annualMonths.set(span.financialYear, spend);
      }
    }
    return { dimension, pupils, annualMonths };
  });

  const years: FinancialYear[] = [];
  for (let fy = firstYear; fy <= model.horizon; fy += 1) years.push(fy);
  const [need, age] = tallies.map(({ dimension, pupils, annualMonths }) => {
    const rows = years.map((fy) =>
      dimension.keys.map((key, c) => ({
        key,
        pupilsJanuary: pupils.get(fy)?.[c] ?? ZERO,
        spendTopUp: (annualMonths.get(fy)?.[c] ?? ZERO).div(TWELVE),
      })),
    );
    return { dimension, rows };
  });
  const needsHeld = new Set(
    need!.rows.flatMap((row) =>
      row.filter((c) => !c.pupilsJanuary.isZero() || !c.spendTopUp.isZero()).map((c) => c.key),
    ),
  );
  return years.map((financialYear, i) => ({
    financialYear,
    byNeed: need!.rows[i]!.filter((c) => needsHeld.has(c.key)),
    byAgeGroup: age!.rows[i]!,
  }));
}

/** A scenario's breakdown: the scenario applied as projectScenario applies it. */
export function breakdownScenario(
  model: Model,
  scenario: Scenario,
  cache = new ProjectionCache(),
): BreakdownYear[] {
  const applied = applyScenario(model, scenarioArgument(scenario, 'breakdownScenario'), undefined, {
    cache,
  });
  return breakdown(applied.model, applied.adjustments, cache);
}
