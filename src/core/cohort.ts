import type { Decimal } from 'decimal.js';
import { ZERO } from './decimal.js';
import type { Location } from './issue.js';
import { type Joining, type Lane, type Lanes, SPAN } from './lanes.js';
import type { Cell } from './model.js';
import { NCY_MIN } from './need.js';
import { grown } from './typed-arrays.js';
import { addAligned, addExact, ScaledSum, toDecimal } from './units.js';

/** The `big` of a cohort without BigInt counts: empty, so every position reads undefined. Never written. */
const NO_BIG: (bigint | undefined)[] = [];

/**
 * One academic year's cohort: a count for each occupied slot (lane × NCY), in parallel arrays
 * in the order the slots were first filled, so that every sum over the cohort runs in that
 * order. A count is an exact integer number of 10^-places pupils, each slot with its own
 * places (src/core/units.ts): held in `small` as a number while it is below 2^53, which costs
 * no allocation, else in `big` as a BigInt. The projection's hot loop reads and writes by
 * position, with no keys to build and no object per cell; a typed index from slot to position
 * keeps the garbage collector out of it.
 */
export class Cohort {
  /** Occupied slots by position, the first `size` of them. */
  slots: Int32Array;
  /** Each slot's count × 10^places, where `big` has none. */
  small: Float64Array;
  /**
   * Each slot's count × 10^places, when it is too big for `small`. Most cohorts have none: the
   * array is made at the first (until then NO_BIG, where every position reads undefined).
   */
  big: (bigint | undefined)[] = NO_BIG;
  places: Int32Array;
  /** Σ of the annual costs of a bespoke slot's pupils. */
  bespoke: (Decimal | undefined)[];
  /** The input row that first brought pupils to the slot, for locating problems. */
  origins: (Location | undefined)[];
  /** How many slots are occupied. */
  size = 0;
  /**
   * Position + 1 of each slot, 0 where the slot is empty: needed only while the cohort is
   * filled. It is as long as every slot of every lane (tens of kilobytes for a national set of
   * lanes), so one is borrowed from the lanes and given back, cleared, by `done()`.
   */
  private where: Int32Array | undefined;

  /**
   * `capacity`: about how many slots the cohort will hold (a step's guess: its slots and the
   * joining plans), so that the arrays are made near that long at once; they grow if need be.
   */
  constructor(readonly lanes: Lanes, capacity = 16) {
    this.where = lanes.borrowIndex();
    this.slots = new Int32Array(capacity);
    this.small = new Float64Array(capacity);
    this.places = new Int32Array(capacity);
    this.bespoke = new Array<Decimal | undefined>(capacity);
    this.origins = new Array<Location | undefined>(capacity);
  }

  /**
   * Adds pupils to a slot: `small` × 10^-places, or `big` × 10^-places when `big` is given.
   * Where the slot has pupils already, the two are brought to the larger places and added,
   * as numbers while that stays exact.
   */
  add(slot: number, small: number, big: bigint | undefined, places: number, bespoke: Decimal | undefined, origin: Location | undefined): void {
    let where = this.where ?? this.index();
    if (slot >= where.length) where = this.grow(where, slot);
    const at = where[slot]!;
    if (at === 0) {
      const i = this.size;
      if (i === this.slots.length) this.growSlots();
      this.slots[i] = slot;
      if (big === undefined) this.small[i] = small;
      else this.setBig(i, big);
      this.places[i] = places;
      this.bespoke[i] = bespoke;
      this.origins[i] = origin;
      this.size = i + 1;
      where[slot] = this.size;
      return;
    }
    const i = at - 1;
    if (bespoke !== undefined) this.bespoke[i] = (this.bespoke[i] ?? ZERO).plus(bespoke);
    const held = this.places[i]!;
    if (big === undefined && this.big[i] === undefined) {
      const sum = addExact(this.small[i]!, held, small, places);
      if (!Number.isNaN(sum)) {
        this.small[i] = sum;
        if (places > held) this.places[i] = places;
        return;
      }
    }
    this.setBig(i, addAligned(this.units(i), held, big ?? BigInt(small), places));
    if (places > held) this.places[i] = places;
  }

  private setBig(i: number, value: bigint): void {
    if (this.big === NO_BIG) this.big = new Array<bigint | undefined>(this.slots.length);
    this.big[i] = value;
  }

  /** A slot's count × 10^places as a BigInt. */
  units(i: number): bigint {
    return this.big[i] ?? BigInt(this.small[i]!);
  }

  /** A cohort of cells, each count at the places it needs. */
  static of(lanes: Lanes, cells: readonly Cell[]): Cohort {
    const list = lanes.listOf(cells);
    const cohort = new Cohort(lanes, cells.length);
    cells.forEach((cell, i) => cohort.addJoining(list, i, cell));
    return cohort.done();
  }

  /** Adds the cell at position i of a list placed by Lanes.listOf. */
  addJoining(list: Joining, i: number, cell: Cell): void {
    this.add(list.slots[i]!, list.numbers[i]!, list.bigs?.[i], list.places[i]!, cell.bespokeAnnual, cell.origin);
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
        count: toDecimal(this.units(i), this.places[i]!),
        ...(bespoke !== undefined ? { bespokeAnnual: bespoke } : {}),
        ...(origin !== undefined ? { origin } : {}),
      };
    });
  }

  private growSlots(): void {
    const capacity = Math.max(16, this.slots.length * 2);
    this.slots = grown(this.slots, capacity);
    this.small = grown(this.small, capacity);
    this.places = grown(this.places, capacity);
  }

  /** The slot index made long enough to hold `slot`, as the cohort's own. */
  private grow(where: Int32Array, slot: number): Int32Array {
    this.where = grown(where, Math.max(slot + 1, where.length * 2));
    return this.where;
  }

  /** Filled: gives the slot index back to the lanes, cleared, for the next cohort. Adding again borrows one again. */
  done(): this {
    const where = this.where;
    if (where) {
      for (let i = 0; i < this.size; i += 1) where[this.slots[i]!] = 0;
      this.where = undefined;
      this.lanes.giveBackIndex(where);
    }
    return this;
  }

  /** The slot index again, for a cohort added to after done(). */
  private index(): Int32Array {
    let where = this.lanes.borrowIndex();
    let highest = -1;
    for (let i = 0; i < this.size; i += 1) highest = Math.max(highest, this.slots[i]!);
    // A typed array drops writes past its end: the index must reach every slot the cohort holds.
    if (highest >= where.length) where = this.grow(where, highest);
    for (let i = 0; i < this.size; i += 1) where[this.slots[i]!] = i + 1;
    this.where = where;
    return where;
  }
}

/**
 * A lane's pupils summed over its NCYs: what the cost of a year needs, since the tariff does
 * not depend on NCY. The count stays exact until it is summed with the other lanes priced by the
 * same series (src/core/cost.ts).
 */
export interface LaneTotal {
  readonly lane: Lane;
  readonly count: ScaledSum;
  /** Σ of the annual costs of a bespoke lane's pupils. */
  readonly bespokeAnnual?: Decimal;
  /** The origin of the lane's first slot. */
  readonly origin?: Location;
}

export interface CohortTotals {
  /** By lane, in the order the lanes are first met in the cohort's slots. */
  readonly totals: readonly LaneTotal[];
  /** By setting, in the same order. */
  readonly bySetting: ReadonlyMap<string, Decimal>;
  readonly pupils: Decimal;
}

const TOTALS = new WeakMap<Cohort, CohortTotals>();

/**
 * Sums a cohort by lane, then by setting, then in all: an exact addition per slot (as numbers
 * while they fit), then a few. Once per cohort: a scenario whose first year changes nothing
 * starts from the base cohort itself.
 */
export function laneTotals(cohort: Cohort): CohortTotals {
  let totals = TOTALS.get(cohort);
  if (!totals) {
    totals = sumLanes(cohort);
    TOTALS.set(cohort, totals);
  }
  return totals;
}

/** A lane's pupils as they are summed: the sum itself, so that a lane costs one object, not two. */
class LaneSum extends ScaledSum implements LaneTotal {
  bespokeAnnual: Decimal | undefined = undefined;

  constructor(readonly lane: Lane, readonly origin: Location | undefined) {
    super();
  }

  get count(): ScaledSum {
    return this;
  }
}

/**
 * Each lane's sum while a cohort is summed, by lane index; undefined again after. One array
 * for every call (sumLanes does not call itself), filled from the start so that it stays a
 * fast array (written at a high index first, an empty one may become a slow dictionary).
 */
let byLane: (LaneSum | undefined)[] = [];

function sumLanes(cohort: Cohort): CohortTotals {
  const { slots, small, big, places, bespoke, origins, lanes, size } = cohort;
  if (byLane.length < lanes.all.length) byLane = new Array<LaneSum | undefined>(lanes.all.length + 64).fill(undefined);
  const totals: LaneSum[] = [];
  try {
    for (let i = 0; i < size; i += 1) {
      const index = Math.floor(slots[i]! / SPAN);
      let total = byLane[index];
      if (total === undefined) {
        total = new LaneSum(lanes.all[index]!, origins[i]);
        byLane[index] = total;
        totals.push(total);
      }
      if (bespoke[i] !== undefined) total.bespokeAnnual = (total.bespokeAnnual ?? ZERO).plus(bespoke[i]!);
      const b = big[i];
      if (b === undefined) total.addNumber(small[i]!, places[i]!);
      else total.add(b, places[i]!);
    }
  } finally {
    for (const total of totals) byLane[total.lane.index] = undefined;
  }
  const bySettingSums = new Map<string, ScaledSum>();
  const pupils = new ScaledSum();
  for (const total of totals) {
    const { lane } = total;
    let sum = bySettingSums.get(lane.setting);
    if (!sum) {
      sum = new ScaledSum();
      bySettingSums.set(lane.setting, sum);
    }
    sum.addSum(total);
  }
  const bySetting = new Map<string, Decimal>();
  for (const [setting, sum] of bySettingSums) {
    bySetting.set(setting, sum.decimal());
    // Σ by setting rather than by lane: exact either way, and a few additions rather than one a lane.
    pupils.addSum(sum);
  }
  return { totals, bySetting, pupils: pupils.decimal() };
}
