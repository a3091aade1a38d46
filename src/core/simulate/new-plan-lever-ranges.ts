import type { Adjustments } from '../adjustments.js';
import { toDouble } from '../demand/count.js';
import type { DemandInputs } from '../demand/inputs.js';
import type { AcademicYear } from '../period.js';
import { profileFactor } from '../scenario/profile.js';
import type { Lever, NewPlansLever, ShiftNewPlansLever } from '../scenario/types.js';
import { joinerEntries, type JoinerEntries } from './joiner-entries.js';

/**
 * A draw's shares of each new-plan cell's plans when a scenario's new-plans or shift-new-plans
 * lever has a range. Each joiner entry's share is the product of its lever steps, in lever order
 * (NewPlanShare.steps: 1 + f where a new-plans lever scaled it, 1 − f where a shift left it, f
 * where a shift sent it), as src/core/scenario/levers.ts makes it; a draw replays the product with
 * each ranged lever's f = drawn share × profile, and every other lever's f as the projection has it.
 * `adjustments` are the scenario's with every ranged lever at a share other than 0, so that the
 * entries include the parts a shift makes even when its own share is 0 (rangeProbe, src/core/simulate/lever-ranges.ts).
 */
export class NewPlanLeverRanges {
  private readonly entries: JoinerEntries[];
  /** By year index: the entries whose share levers made (the others are 1 in every draw). */
  private readonly stepped: Int32Array[];
  /** By year index, by lever: f as the projection has it (share × profile), and the profile factor. */
  private readonly factors: Float64Array[];
  private readonly profiles: Float64Array[];
  /** This draw's f by lever, for the year being replayed. */
  private readonly f: Float64Array;
  private readonly plans: Float64Array[];
  /** By year index: this draw's share of each entry. */
  private readonly drawn: Float64Array[];

  constructor(
    levers: readonly Lever[],
    private readonly ranged: readonly number[],
    inputs: DemandInputs,
    years: readonly AcademicYear[],
    adjustments: Adjustments,
  ) {
    this.entries = joinerEntries(inputs, years, adjustments);
    this.stepped = this.entries.map(({ steps }) =>
      Int32Array.from(steps.flatMap((list, j) => (list.length ? [j] : []))),
    );
    this.factors = years.map((ay) =>
      Float64Array.from(levers, (lever) =>
        isNewPlanLever(lever) ? toDouble(lever.share.times(profileFactor(lever.profile, ay))) : 0,
      ),
    );
    this.profiles = years.map((ay) =>
      Float64Array.from(levers, (lever) =>
        isNewPlanLever(lever) ? toDouble(profileFactor(lever.profile, ay)) : 0,
      ),
    );
    this.f = new Float64Array(levers.length);
    this.plans = years.map((ay) => inputs.newPlans.counts.get(ay)!);
    this.drawn = this.entries.map(({ share }) => new Float64Array(share.length).fill(1));
  }

  /** This draw's share of each entry, from each lever's share in this draw (`shares`, in lever order). */
  update(shares: Float64Array): void {
    this.entries.forEach(({ steps }, y) => {
      this.f.set(this.factors[y]!);
      for (const lever of this.ranged) this.f[lever] = shares[lever]! * this.profiles[y]![lever]!;
      const out = this.drawn[y]!;
      for (const j of this.stepped[y]!) {
        let share = 1;
        for (const { lever, role } of steps[j]!) {
          const f = this.f[lever]!;
          share *= role === 'scaled' ? 1 + f : role === 'stayed' ? 1 - f : f;
        }
        out[j] = share;
      }
    });
  }

  /**
   * Year y's expected new plans by joiner entry: each cell's plans (with `delta`, the change an
   * uncertain new-plans row made to the cell this draw) times the entry's drawn share.
   */
  joining(y: number, delta: Float64Array, out: Float64Array): void {
    const { cell } = this.entries[y]!;
    const share = this.drawn[y]!;
    const plans = this.plans[y]!;
    for (let j = 0; j < out.length; j += 1)
      out[j] = Math.max(0, (plans[cell[j]!]! + delta[cell[j]!]!) * share[j]!);
  }
}

const isNewPlanLever = (lever: Lever): lever is NewPlansLever | ShiftNewPlansLever =>
  lever.kind === 'new-plans' || lever.kind === 'shift-new-plans';
