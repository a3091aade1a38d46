import type { Decimal } from 'decimal.js';
import { ZERO } from './decimal.js';
import type { Location } from './issue.js';
import { type Lane, type Lanes, SPAN } from './lanes.js';
import type { Cell } from './model.js';
import { NCY_MIN } from './need.js';
import { atScale, toDecimal } from './units.js';

/**
 * One academic year's cohort: a count for each occupied slot (lane × NCY), in parallel arrays
 * in the order the slots were first filled, so that every sum over the cohort runs in that
 * order. Counts are exact integers of 10^-scale pupils, one scale for the whole cohort
 * (src/core/units.ts). The projection's hot loop reads and writes by position, with no keys
 * to build and no object per cell; a typed index from slot to position keeps the garbage
 * collector out of it.
 */
export class Cohort {
  /** Occupied slots by position, the first `size` of them. */
  slots: Int32Array;
  /** Pupils in each slot, × 10^scale. */
  readonly counts: bigint[];
  /** Σ of the annual costs of a bespoke slot's pupils. */
  readonly bespoke: (Decimal | undefined)[];
  /** The input row that first brought pupils to the slot, for locating problems. */
  readonly origins: (Location | undefined)[];
  /** How many slots are occupied. */
  size = 0;
  /** Position + 1 of each slot; 0 where the slot is empty. */
  private where: Int32Array;

  /**
   * `capacity`: how many slots the cohort may come to hold, when the caller knows (a step does):
   * the arrays are made that long at once rather than grown, which halves what a step allocates.
   */
  constructor(readonly lanes: Lanes, readonly scale: number, capacity = 16) {
    this.where = new Int32Array((lanes.all.length + 8) * SPAN);
    this.slots = new Int32Array(capacity);
    this.counts = new Array<bigint>(capacity);
    this.bespoke = new Array<Decimal | undefined>(capacity);
    this.origins = new Array<Location | undefined>(capacity);
  }

  /** Adds `units` (× 10^scale) pupils to a slot. */
  add(slot: number, units: bigint, bespoke: Decimal | undefined, origin: Location | undefined): void {
    if (slot >= this.where.length) this.grow(slot);
    const at = this.where[slot]!;
    if (at === 0) {
      const position = this.size;
      if (position === this.slots.length) this.growSlots();
      this.slots[position] = slot;
      this.counts[position] = units;
      this.bespoke[position] = bespoke;
      this.origins[position] = origin;
      this.size = position + 1;
      this.where[slot] = this.size;
      return;
    }
    this.counts[at - 1]! += units;
    if (bespoke !== undefined) this.bespoke[at - 1] = (this.bespoke[at - 1] ?? ZERO).plus(bespoke);
  }

  /** A cohort of cells, at the fewest places that hold every count exactly. */
  static of(lanes: Lanes, cells: readonly Cell[]): Cohort {
    const { placed, places } = lanes.listOf(cells);
    const cohort = new Cohort(lanes, places, cells.length);
    cells.forEach((cell, i) => cohort.add(placed[i]!.slot, atScale(placed[i]!.count, places), cell.bespokeAnnual, cell.origin));
    return cohort;
  }

  /** The cohort as cells, in slot order: for tests, not the hot loop. */
  cells(): Cell[] {
    return [...this.slots.subarray(0, this.size)].map((slot, i) => {
      const lane = this.lanes.all[Math.floor(slot / SPAN)]!;
      const bespoke = this.bespoke[i];
      const origin = this.origins[i];
      return {
        ncy: (slot % SPAN) + NCY_MIN,
        need: lane.need,
        setting: lane.setting,
        band: lane.band,
        count: toDecimal(this.counts[i]!, this.scale),
        ...(bespoke !== undefined ? { bespokeAnnual: bespoke } : {}),
        ...(origin !== undefined ? { origin } : {}),
      };
    });
  }

  private growSlots(): void {
    const slots = new Int32Array(Math.max(16, this.slots.length * 2));
    slots.set(this.slots);
    this.slots = slots;
  }

  private grow(slot: number): void {
    const where = new Int32Array(Math.max(slot + 1, this.where.length * 2));
    where.set(this.where);
    this.where = where;
  }
}

/**
 * A lane's pupils summed over its NCYs: what the cost of a year needs, since the tariff does
 * not depend on NCY. The count stays a scaled integer (at the cohort's scale) until it is
 * summed with the other lanes priced by the same series (src/core/cost.ts).
 */
export interface LaneTotal {
  readonly lane: Lane;
  /** Pupils × 10^scale of the year. */
  readonly units: bigint;
  /** Σ of the annual costs of a bespoke lane's pupils. */
  readonly bespokeAnnual?: Decimal;
  /** The origin of the lane's first slot. */
  readonly origin?: Location;
}

export interface CohortTotals {
  /** By lane, in the order the lanes are first met in the cohort's slots. */
  readonly totals: LaneTotal[];
  /** The places of every lane total's units. */
  readonly scale: number;
  /** By setting, in the same order. */
  readonly bySetting: Map<string, Decimal>;
  readonly pupils: Decimal;
}

/** Sums a cohort by lane, then by setting, then in all: an integer addition per slot, then a few. */
export function laneTotals(cohort: Cohort): CohortTotals {
  type Total = { lane: Lane; units: bigint; bespokeAnnual?: Decimal; origin?: Location };
  const byLane: (Total | undefined)[] = [];
  const totals: Total[] = [];
  const { slots, counts, bespoke, origins, lanes, size } = cohort;
  for (let i = 0; i < size; i += 1) {
    const index = Math.floor(slots[i]! / SPAN);
    const total = byLane[index];
    if (total === undefined) {
      const created: Total = { lane: lanes.all[index]!, units: counts[i]! };
      if (bespoke[i] !== undefined) created.bespokeAnnual = bespoke[i];
      if (origins[i] !== undefined) created.origin = origins[i];
      byLane[index] = created;
      totals.push(created);
      continue;
    }
    total.units += counts[i]!;
    if (bespoke[i] !== undefined) total.bespokeAnnual = (total.bespokeAnnual ?? ZERO).plus(bespoke[i]!);
  }
  const units = new Map<string, bigint>();
  for (const { lane, units: count } of totals) units.set(lane.setting, (units.get(lane.setting) ?? 0n) + count);
  const bySetting = new Map<string, Decimal>();
  let pupils = 0n;
  for (const [setting, sum] of units) {
    bySetting.set(setting, toDecimal(sum, cohort.scale));
    pupils += sum;
  }
  return { totals, scale: cohort.scale, bySetting, pupils: toDecimal(pupils, cohort.scale) };
}
