import type { Decimal } from 'decimal.js';
import type { ProjectionCache } from '../core/demand/cache.js';
import type { AreaIntervals } from '../core/simulate/area-intervals.js';
import { toPence } from '../core/rounding.js';
import { InputError } from '../core/errors.js';
import { hasErrors, type Issue } from '../core/issue.js';
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
    return {
      id,
      financialYears: years,
      rows: intervalRows(model.area.code, id, years, draws[i]!, keys).map(toWireIntervalRow),
      figures,
    };
  });
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
