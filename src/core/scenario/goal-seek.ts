import type { Decimal } from 'decimal.js';
import { Dec } from '../decimal.js';
import type { FinancialYear } from '../period.js';
import type { Projection } from '../projection.js';
import { shortestAnswer } from './shortest-answer.js';
import { underlyingInYearBalance } from '../underlying-balance.js';

export type Metric = 'in-year-balance' | 'cumulative-balance' | 'spend-total';

/** A target such as `in-year-balance>=0@2028-29`. */
export interface Target {
  readonly metric: Metric;
  readonly comparison: '>=' | '<=';
  readonly threshold: Decimal;
  readonly year: FinancialYear;
}

/**
 * The figure a target is about. The in-year balance is the underlying one, before Safety Valve
 * payments and the write-off grant, which domain brief §2.5 adds to the cumulative balance only:
 * the basis of the Safety Valve's in-year target and of the headline (core/underlying-balance.ts),
 * so that goal-seeking an agreement's target is not met by the agreement's own instalments.
 */
export function metricOf(projection: Projection, target: Target): Decimal | undefined {
  const year = projection.years.find((y) => y.financialYear === target.year);
  if (!year) return undefined;
  return target.metric === 'in-year-balance'
    ? underlyingInYearBalance(year)
    : target.metric === 'cumulative-balance'
      ? year.cumulativeBalance
      : year.spendTotal;
}

/** How far a projection is inside the target: ≥ 0 when it holds. */
function margin(projection: Projection, target: Target): Decimal | undefined {
  const value = metricOf(projection, target);
  if (value === undefined) return undefined;
  return target.comparison === '>=' ? value.minus(target.threshold) : target.threshold.minus(value);
}

export type SolveResult =
  | {
      readonly kind: 'solved';
      readonly value: Decimal;
      readonly projection: Projection;
      readonly runs: number;
    }
  | {
      readonly kind: 'already-met';
      readonly value: Decimal;
      readonly projection: Projection;
      readonly runs: number;
    }
  | {
      readonly kind: 'unreachable';
      readonly runs: number;
      readonly best: Decimal;
      readonly bestMargin: Decimal;
    }
  | {
      readonly kind: 'not-monotone';
      readonly runs: number;
      readonly samples: readonly { readonly value: Decimal; readonly margin: Decimal }[];
    };

/**
 * Goal-seek by bisection (docs/scenarios.md, "solve"): the parameter value nearest the
 * failing side of the range at which the target holds, to within `tolerance`, with as few decimal
 * places as that tolerance justifies (src/core/scenario/shortest-answer.ts). The margin is
 * sampled at five evenly spaced points first; if it is not monotone there, no answer is given.
 * `run` projects the model with the parameter at a value (undefined if that cannot project).
 */
export function solve(
  run: (value: Decimal) => Projection | undefined,
  target: Target,
  low: Decimal,
  high: Decimal,
  tolerance: Decimal,
): SolveResult {
  let runs = 0;
  const evaluate = (value: Decimal): { projection: Projection; margin: Decimal } => {
    runs += 1;
    const projection = run(value);
    const m = projection ? margin(projection, target) : undefined;
    if (!projection || m === undefined)
      throw new RangeError(
        `the model cannot be projected with the parameter at ${value.toString()}`,
      );
    return { projection, margin: m };
  };
  const points = [0, 1, 2, 3, 4].map((k) => low.plus(high.minus(low).times(k).div(4)));
  const samples = points.map((value) => ({ value, ...evaluate(value) }));
  const margins = samples.map((s) => s.margin);
  const rising = margins.every((m, i) => i === 0 || m.greaterThanOrEqualTo(margins[i - 1]!));
  const falling = margins.every((m, i) => i === 0 || m.lessThanOrEqualTo(margins[i - 1]!));
  if (!rising && !falling)
    return {
      kind: 'not-monotone',
      runs,
      samples: samples.map(({ value, margin: m }) => ({ value, margin: m })),
    };
  // Walk from the failing end towards the meeting end.
  const [failEnd, meetEnd] = rising ? [samples[0]!, samples[4]!] : [samples[4]!, samples[0]!];
  if (!failEnd.margin.isNegative())
    return { kind: 'already-met', value: failEnd.value, projection: failEnd.projection, runs };
  if (meetEnd.margin.isNegative())
    return { kind: 'unreachable', runs, best: meetEnd.value, bestMargin: meetEnd.margin };
  // Narrow to the pair of samples that brackets the boundary, then bisect.
  const ordered = rising ? samples : [...samples].reverse();
  let failing = ordered[0]!;
  let meeting = ordered[ordered.length - 1]!;
  for (let i = 1; i < ordered.length; i += 1)
    if (!ordered[i]!.margin.isNegative()) {
      failing = ordered[i - 1]!;
      meeting = ordered[i]!;
      break;
    }
  let fail = failing.value;
  let meet = meeting.value;
  let meetProjection = meeting.projection;
  while (meet.minus(fail).abs().greaterThan(tolerance)) {
    const mid = fail.plus(meet).div(2);
    const probe = evaluate(mid);
    if (probe.margin.isNegative()) fail = mid;
    else {
      meet = mid;
      meetProjection = probe.projection;
    }
  }
  // As few decimal places as the tolerance justifies, if that value meets the target too.
  const short = shortestAnswer(fail, meet, tolerance, rising ? high : low);
  if (!short.equals(meet)) {
    const probe = evaluate(short);
    if (!probe.margin.isNegative())
      return { kind: 'solved', value: short, projection: probe.projection, runs };
  }
  return { kind: 'solved', value: meet, projection: meetProjection, runs };
}

export const DEFAULT_TOLERANCE = new Dec('0.000001');
