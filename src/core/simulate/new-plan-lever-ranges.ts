import { Dec, ZERO } from '../decimal.js';
import { toDouble } from '../demand/count.js';
import type { DemandInputs } from '../demand/inputs.js';
import { InternalError } from '../errors.js';
import type { AcademicYear } from '../period.js';
import { leverAdjustments } from '../scenario/levers.js';
import { profileFactor } from '../scenario/profile.js';
import type { Lever } from '../scenario/types.js';
import { joinerEntries, type JoinerEntries } from './joiner-entries.js';

/**
 * A draw's shares of each new-plan cell's plans when a scenario's new-plans lever has a range.
 * A new-plans lever multiplies the parts it matches by (1 + share × profile) and nothing else
 * (src/core/scenario/levers.ts), so a part's share is its share with the ranged levers left out,
 * times that multiplier for each ranged lever that matched it on its way. Which parts those are
 * is found once, by giving each ranged lever a share of 1 alone: the parts it matched change, the
 * others are the same bits. A lever without a range keeps its own share.
 */
export class NewPlanLeverRanges {
  /** By year index: the joiner entries with every ranged lever's share 0. */
  private readonly base: JoinerEntries[];
  /** By year index, for each ranged lever: its profile factor and the entries it multiplies. */
  private readonly reach: {
    readonly lever: number;
    readonly profile: number;
    readonly at: Int32Array;
  }[][];
  private readonly plans: Float64Array[];
  /** By year index: this draw's share of each entry. */
  private readonly drawn: Float64Array[];

  constructor(
    levers: readonly Lever[],
    ranged: readonly number[],
    inputs: DemandInputs,
    years: readonly AcademicYear[],
  ) {
    const entries = (one?: number): JoinerEntries[] =>
      joinerEntries(
        inputs,
        years,
        leverAdjustments(
          levers.map((lever, i) =>
            lever.kind === 'new-plans' && ranged.includes(i)
              ? { ...lever, share: i === one ? new Dec(1) : ZERO }
              : lever,
          ),
        ),
      );
    this.base = entries();
    const probes = ranged.map((i) => entries(i));
    this.reach = years.map((ay, y) => {
      const base = this.base[y]!.share;
      return ranged.flatMap((lever, r) => {
        const probe = probes[r]![y]!.share;
        if (probe.length !== base.length)
          throw new InternalError(`a new-plans lever's range changed the parts of ${ay}'s plans`);
        const at: number[] = [];
        probe.forEach((share, j) => {
          if (share !== base[j]) at.push(j);
        });
        const profile = levers[lever]!;
        const factor =
          profile.kind === 'new-plans' ? toDouble(profileFactor(profile.profile, ay)) : 0;
        return factor === 0 || at.length === 0
          ? []
          : [{ lever, profile: factor, at: Int32Array.from(at) }];
      });
    });
    this.plans = years.map((ay) => inputs.newPlans.counts.get(ay)!);
    this.drawn = this.base.map((entry) => new Float64Array(entry.share.length));
  }

  /** This draw's share of each entry, from each lever's share in this draw (`shares`, in lever order). */
  update(shares: Float64Array): void {
    this.drawn.forEach((out, y) => {
      out.set(this.base[y]!.share);
      for (const { lever, profile, at } of this.reach[y]!) {
        const multiplier = 1 + shares[lever]! * profile;
        for (const j of at) out[j]! *= multiplier;
      }
    });
  }

  /**
   * Year y's expected new plans by joiner entry: each cell's plans (with `delta`, the change an
   * uncertain new-plans row made to the cell this draw) times the entry's drawn share.
   */
  joining(y: number, delta: Float64Array, out: Float64Array): void {
    const { cell } = this.base[y]!;
    const share = this.drawn[y]!;
    const plans = this.plans[y]!;
    for (let j = 0; j < out.length; j += 1)
      out[j] = Math.max(0, (plans[cell[j]!]! + delta[cell[j]!]!) * share[j]!);
  }
}
