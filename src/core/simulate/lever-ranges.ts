import type { Adjustments } from '../adjustments.js';
import { toDouble } from '../demand/count.js';
import type { DemandInputs } from '../demand/inputs.js';
import type { DemandPlan } from '../demand/plan.js';
import type {
  CeasingLever,
  Lever,
  MovePlacementsLever,
  NewPlansLever,
  Scenario,
  ShiftNewPlansLever,
} from '../scenario/types.js';
import { CeasingLeverRanges } from './ceasing-lever-ranges.js';
import { rangeDraw } from './draw-range.js';
import { MoveLeverRanges } from './move-lever-ranges.js';
import { NewPlanLeverRanges } from './new-plan-lever-ranges.js';
import type { Uniform } from './stream.js';

/** A lever whose share simulate draws from a range. */
type RangedLever = (NewPlansLever | CeasingLever | ShiftNewPlansLever | MovePlacementsLever) &
  Required<Pick<NewPlansLever, 'range'>>;

/**
 * A scenario's levers whose share has a low/high range (docs/simulate.md, "Lever ranges"): each
 * is drawn once per draw, before the rates, and holds in every year and state the lever reaches
 * (a mitigation that works less well does so all along). `shares` is this draw's share of each
 * lever, in lever order (a lever without a range keeps its own); the ceasing and new-plan parts
 * turn them into the draw's ceasing factors and new plans.
 */
export class LeverRanges {
  readonly shares: Float64Array;
  readonly ceasing?: CeasingLeverRanges;
  readonly newPlans?: NewPlanLeverRanges;
  readonly moves?: MoveLeverRanges;
  private readonly draws: { readonly index: number; readonly draw: (u: Uniform) => number }[];

  private constructor(
    levers: readonly Lever[],
    plan: DemandPlan,
    inputs: DemandInputs,
    newPlanAdjustments: Adjustments,
  ) {
    this.shares = Float64Array.from(levers, (lever) =>
      'share' in lever && lever.share ? toDouble(lever.share) : 0,
    );
    this.draws = levers.flatMap((lever, index) =>
      isRanged(lever) ? [{ index, draw: rangeDraw(lever.range, this.shares[index]!) }] : [],
    );
    const ranged = (kind: Lever['kind']): boolean =>
      levers.some((lever) => lever.kind === kind && isRanged(lever));
    if (ranged('ceasing')) this.ceasing = new CeasingLeverRanges(levers, plan);
    if (ranged('new-plans') || ranged('shift-new-plans'))
      this.newPlans = new NewPlanLeverRanges(
        levers,
        levers.flatMap((lever, i) => (isNewPlanLever(lever) && isRanged(lever) ? [i] : [])),
        inputs,
        plan.years.map((year) => year.academicYear),
        newPlanAdjustments,
      );
    if (ranged('move-placements'))
      this.moves = new MoveLeverRanges(levers, new Set(this.draws.map(({ index }) => index)), plan);
  }

  /** Undefined when no lever has a range: the draws are then exactly those of a model without. */
  static of(
    levers: readonly Lever[],
    plan: DemandPlan,
    inputs: DemandInputs,
    /** The adjustments of the scenario as rangeProbe leaves it (the plan's own). */
    newPlanAdjustments: Adjustments,
  ): LeverRanges | undefined {
    return levers.some(isRanged)
      ? new LeverRanges(levers, plan, inputs, newPlanAdjustments)
      : undefined;
  }

  /** Draws this draw's shares (in lever order, one uniform each) and the factors that follow. */
  draw(u: Uniform): void {
    for (const { index, draw } of this.draws) this.shares[index] = draw(u);
    this.ceasing?.update(this.shares);
    this.newPlans?.update(this.shares);
    this.moves?.update(this.shares);
  }
}

/** A lever of pupils whose share has a range (a tariff lever's is drawn apart: tariff-range.ts; a places lever's places, places-range.ts). */
export function isRanged(lever: Lever): lever is RangedLever {
  return (
    (lever.kind === 'new-plans' ||
      lever.kind === 'ceasing' ||
      lever.kind === 'shift-new-plans' ||
      lever.kind === 'move-placements') &&
    lever.range !== undefined
  );
}

const isNewPlanLever = (lever: Lever): boolean =>
  lever.kind === 'new-plans' || lever.kind === 'shift-new-plans';

/**
 * The scenario with each ranged lever of pupils that makes parts or moves (new-plans,
 * shift-new-plans, move-placements) whose share is 0 at its `high` (or its `low`, when high is 0
 * too): a lever at 0 makes no parts, steps or moves (src/core/scenario/levers.ts), but one drawn
 * away from 0 must, so the simulation's plan is laid out from this; the projection still uses the
 * share, and a draw at 0 moves and shifts no one. Undefined when no lever needs it.
 */
export function rangeProbe(scenario: Scenario | undefined): Scenario | undefined {
  if (!scenario) return undefined;
  let probed = false;
  const levers = scenario.levers.map((lever) => {
    if (lever.kind === 'ceasing' || !isRanged(lever) || !lever.share.isZero()) return lever;
    const { low, high } = lever.range;
    const share = high.isZero() ? low : high;
    if (share.isZero()) return lever;
    probed = true;
    return { ...lever, share };
  });
  return probed ? { ...scenario, levers } : undefined;
}
