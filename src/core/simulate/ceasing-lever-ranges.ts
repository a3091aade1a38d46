import { toDouble } from '../demand/count.js';
import { SPAN } from '../demand/lanes.js';
import type { DemandPlan } from '../demand/plan.js';
import { NCY_MIN } from '../need.js';
import { matches } from '../scenario/filter.js';
import { profileFactor } from '../scenario/profile.js';
import type { Lever } from '../scenario/types.js';

/**
 * A draw's factors on the ceasing rates under a scenario's ceasing levers when one of them has a
 * range: by year, for each state, the product of (1 + share × profile) over the ceasing levers
 * whose filter it matches (src/core/scenario/levers.ts), with each ranged lever's drawn share.
 * The rate drawer applies them to the draw's rates, kept within 0–1, as a projection does.
 */
export class CeasingLeverRanges {
  /** By year index: each state's factor in this draw, or undefined where no ceasing lever acts that year. */
  readonly factors: (Float64Array | undefined)[];
  private readonly group: Int32Array;
  /** Each group's ceasing levers, as indices into the scenario's levers. */
  private readonly members: number[][];
  /** By year index, each lever's profile factor (0 for other kinds). */
  private readonly profile: Float64Array[];
  private readonly groupFactor: Float64Array;

  constructor(levers: readonly Lever[], plan: DemandPlan) {
    const ceasing = levers.flatMap((lever, i) => (lever.kind === 'ceasing' ? [i] : []));
    const numbered = new Map<string, number>([['', 0]]);
    this.members = [[]];
    this.group = new Int32Array(plan.size);
    const probe = { ncy: 0, need: '', setting: '', band: '' };
    plan.lanes.forEach((lane, l) => {
      Object.assign(probe, { need: lane.need, setting: lane.setting, band: lane.band });
      for (let offset = 0; offset < SPAN; offset += 1) {
        probe.ncy = offset + NCY_MIN;
        const set = ceasing.filter((i) => matches(levers[i]!.filter, probe));
        const key = set.join(',');
        let group = numbered.get(key);
        if (group === undefined) {
          group = this.members.push(set) - 1;
          numbered.set(key, group);
        }
        this.group[l * SPAN + offset] = group;
      }
    });
    // A plan's year y steps into its AY: its plans cease at the end of the AY before (src/core/demand/plan.ts).
    this.profile = plan.years.map((year) =>
      Float64Array.from(levers, (lever) =>
        lever.kind === 'ceasing'
          ? toDouble(profileFactor(lever.profile, year.academicYear - 1))
          : 0,
      ),
    );
    this.factors = this.profile.map((byLever) =>
      ceasing.some((i) => byLever[i] !== 0) ? new Float64Array(plan.size) : undefined,
    );
    this.groupFactor = new Float64Array(this.members.length);
  }

  /** This draw's factors, from each lever's share in this draw (`shares`, in lever order). */
  update(shares: Float64Array): void {
    this.factors.forEach((out, y) => {
      if (!out) return;
      const byLever = this.profile[y]!;
      this.members.forEach((set, g) => {
        let product = 1;
        for (const i of set) product *= 1 + shares[i]! * byLever[i]!;
        this.groupFactor[g] = product;
      });
      for (let s = 0; s < out.length; s += 1) out[s] = this.groupFactor[this.group[s]!]!;
    });
  }
}
