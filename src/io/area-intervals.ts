import type { Decimal } from 'decimal.js';
import type { ProjectionCache } from '../core/demand/cache.js';
import type { AreaIntervals } from '../core/simulate/area-intervals.js';
import { toCount2dp, toPence } from '../core/rounding.js';
import { InputError } from '../core/errors.js';
import { error, hasErrors, type Issue } from '../core/issue.js';
import { poundsText } from '../core/money-text.js';
import { formatFinancialYear, type FinancialYear } from '../core/period.js';
import { withThousands } from '../core/thousands.js';
import type { Model } from '../core/model.js';
import type { ProjectionOutcome } from '../core/projection.js';
import {
  intervalRows,
  MEASURES,
  type OrderKeys,
  toWireIntervalRow,
} from '../core/simulate/intervals.js';
import { AreaSimulation, type DrawFigures } from '../core/simulate/simulate-area.js';
import type { Scenario } from '../core/scenario/types.js';

/** How many draws, from which seed (batch --draws --seed). */
export interface DrawSpec {
  readonly count: number;
  readonly seed: number;
}

/**
 * Draws an area under each scenario (or as given) and summarises it; issues if a projection
 * fails. Scenarios that draw the same pupils (AreaSimulation.drawsSamePupilsAs: a tariff,
 * funding or places lever leaves pupils alone) share each draw's pupils, which are stepped once
 * and costed under each: the figures are those of drawing each scenario on its own.
 */
export function areaIntervals(
  model: Model,
  scenarios: readonly (Scenario | undefined)[],
  cache: ProjectionCache,
  spec: DrawSpec,
  /** Each scenario's deterministic projection, when the caller has made it (the batch): not made again. */
  projected?: readonly ProjectionOutcome[],
): { intervals: AreaIntervals[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const ready: { id: string; simulation: AreaSimulation }[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    const prepared = AreaSimulation.prepare(model, scenario, cache, projected?.[i]);
    // Its warnings too (RANGE_UNPRICED: a draw may stop where it says).
    issues.push(...prepared.issues);
    if (prepared.simulation && !hasErrors(prepared.issues))
      ready.push({ id: scenario?.id ?? '', simulation: prepared.simulation });
  }
  try {
    return { intervals: drawn(model, ready, spec), issues };
  } catch (cause) {
    // A draw that puts pupils where no rate is in force fails the area, with what was said before it.
    if (cause instanceof InputError) return { intervals: [], issues: [...issues, ...cause.issues] };
    throw cause;
  }
}

/** Each ready scenario's draws and intervals, scenarios that draw the same pupils sharing them. */
function drawn(
  model: Model,
  ready: readonly { id: string; simulation: AreaSimulation }[],
  spec: DrawSpec,
): AreaIntervals[] {
  const draws = ready.map((): DrawFigures[] => []);
  const done = new Set<number>();
  ready.forEach(({ simulation: leader }, i) => {
    if (done.has(i)) return;
    const group = ready.flatMap(({ simulation }, j) =>
      j === i || (!done.has(j) && leader.drawsSamePupilsAs(simulation)) ? [j] : [],
    );
    for (const j of group) done.add(j);
    for (let d = 0; d < spec.count; d += 1) {
      leader.drawPupils(spec.seed, d);
      for (const j of group)
        draws[j]!.push(
          ready[j]!.simulation.figuresOf(leader.pupils, { seed: spec.seed, index: d }),
        );
    }
  });
  return ready.map(({ id, simulation }, i): AreaIntervals => {
    const years = simulation.financialYears;
    const figures = Float64Array.from(draws[i]!.flatMap(printedFigures));
    // The printed figures order the draws for the intervals too (rounding is monotone).
    const keys: OrderKeys = {
      key: printedFigure,
      of: (k, f) =>
        Float64Array.from(
          { length: draws[i]!.length },
          (_, d) => figures[(d * MEASURES.length + k) * years.length + f]!,
        ),
    };
    refuseUnsummable(model.area.code, id, years, figures, draws[i]!);
    return {
      id,
      financialYears: years,
      rows: intervalRows(model.area.code, id, years, draws[i]!, keys).map(toWireIntervalRow),
      figures,
    };
  });
}

/**
 * The largest figure, in pence or hundredths of a pupil, that an area's draw may have: £100
 * billion. The national totals add the areas' figures as whole numbers in doubles, exact only
 * below 2^53 (about £90 trillion); at most £100 billion an area keeps the sum of 900 areas below
 * it. No authority's high-needs figures come near (the whole of England's high-needs block was
 * about £12 billion in 2025-26): a figure past it comes from an amount or count typed with extra digits, whose
 * national totals would otherwise have been rounded to the nearest 64 pence or worse, silently
 * (found by a review: an annual_cost of 999,999,999,999,999 was accepted).
 */
const SUMMABLE = 10_000_000_000_000;

/**
 * Fails the area (an InputError, as a draw that puts pupils where no rate is in force does) if a
 * figure is past SUMMABLE: found by its printed figure, said from the draw's own exact value.
 */
function refuseUnsummable(
  area: string,
  scenario: string,
  years: readonly FinancialYear[],
  figures: Float64Array,
  draws: readonly DrawFigures[],
): void {
  const at = figures.findIndex((figure) => Math.abs(figure) > SUMMABLE);
  if (at < 0) return;
  const f = at % years.length;
  const k = Math.floor(at / years.length) % MEASURES.length;
  const draw = Math.floor(at / years.length / MEASURES.length);
  const { pupils, spend, inYear, cumulative } = draws[draw]!;
  const value = [pupils, spend, inYear, cumulative][k]![f]!;
  const shown = k === 0 ? `${withThousands(toCount2dp(value))} pupils` : poundsText(value);
  throw new InputError([
    {
      ...error(
        'DRAWN_FIGURE_TOO_LARGE',
        `area "${area}"${scenario ? ` under scenario "${scenario}"` : ''}: draw ${draw + 1}'s ${MEASURES[k]} in ${formatFinancialYear(years[f]!)} is about ${shown}, past the ${k === 0 ? '100,000,000,000 pupils' : '£100,000,000,000'} an area's figures may reach for batch --draws to add them into national totals exactly`,
        undefined,
        "no authority's figures come near: look for an amount or count typed with extra digits (cohort.csv's annual_cost, the tariff's top-ups and place values, funding.csv); `project` shows the area's figures",
      ),
      area,
    },
  ]);
}

/** A draw's figures as printed (printedFigure), measure by measure (MEASURES order), each by FY. */
function printedFigures(draw: DrawFigures): number[] {
  return [draw.pupils, draw.spend, draw.inYear, draw.cumulative].flatMap((values) =>
    values.map(printedFigure),
  );
}

/**
 * A figure as printed, in hundredths of a pupil or pence: a whole number. The value rounded at the
 * named rounding point (toPence; toCount2dp rounds pupils by the same rule), its point taken out,
 * is the value × 100 rounded to a whole number, without the multiplication.
 */
function printedFigure(value: Decimal): number {
  return Number(toPence(value).replace('.', ''));
}
