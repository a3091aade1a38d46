import { toDouble } from '../demand/count.js';
import type { DemandInputs } from '../demand/inputs.js';
import type { DemandPlan } from '../demand/plan.js';
import type { CeasingLever, Lever, MovePlacementsLever, NewPlansLever } from '../scenario/types.js';
import { CeasingLeverRanges } from './ceasing-lever-ranges.js';
import { rangeDraw } from './draw-range.js';
import { MoveLeverRanges } from './move-lever-ranges.js';
import { NewPlanLeverRanges } from './new-plan-lever-ranges.js';
import type { Uniform } from './stream.js';

/** A lever whose share simulate draws from a range. */
type RangedLever = (NewPlansLever | CeasingLever | MovePlacementsLever) &
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

  private constructor(levers: readonly Lever[], plan: DemandPlan, inputs: DemandInputs) {
    this.shares = Float64Array.from(levers, (lever) =>
      'share' in lever && lever.share ? toDouble(lever.share) : 0,
    );
    this.draws = levers.flatMap((lever, index) =>
      isRanged(lever) ? [{ index, draw: rangeDraw(lever.range, this.shares[index]!) }] : [],
    );
    const ranged = (kind: Lever['kind']): boolean =>
      levers.some((lever) => lever.kind === kind && isRanged(lever));
    if (ranged('ceasing')) this.ceasing = new CeasingLeverRanges(levers, plan);
    if (ranged('new-plans'))
      this.newPlans = new NewPlanLeverRanges(
        levers,
        levers.flatMap((lever, i) => (lever.kind === 'new-plans' && isRanged(lever) ? [i] : [])),
        inputs,
        plan.years.map((year) => year.academicYear),
      );
    if (ranged('move-placements'))
      this.moves = new MoveLeverRanges(levers, new Set(this.draws.map(({ index }) => index)), plan);
  }

  /** Undefined when no lever has a range: the draws are then exactly those of a model without. */
  static of(
    levers: readonly Lever[],
    plan: DemandPlan,
    inputs: DemandInputs,
  ): LeverRanges | undefined {
    return levers.some(isRanged) ? new LeverRanges(levers, plan, inputs) : undefined;
  }

  /** Draws this draw's shares (in lever order, one uniform each) and the factors that follow. */
  draw(u: Uniform): void {
    for (const { index, draw } of this.draws) this.shares[index] = draw(u);
    this.ceasing?.update(this.shares);
    this.newPlans?.update(this.shares);
    this.moves?.update(this.shares);
  }
}

function isRanged(lever: Lever): lever is RangedLever {
  return (
    (lever.kind === 'new-plans' || lever.kind === 'ceasing' || lever.kind === 'move-placements') &&
    lever.range !== undefined
  );
}
