import type { Decimal } from 'decimal.js';
import { ONE, ZERO } from './decimal.js';
import type { Location } from './issue.js';
import { recountedFrom } from './cells.js';
import type { Cell, CeasingRow, Model, TransitionRow } from './model.js';
import { NCY_MAX, NCY_MIN, type Need } from './need.js';
import type { RateBook } from './rate-book.js';
import { CeasingRules, TransitionRules } from './rules.js';
import { NestedMap } from './nested-map.js';
import { PairMemo } from './pair-memo.js';
import { grown } from './typed-arrays.js';
import { asNumber, complement, pow10, type Scaled, ScaledSum, scaledOf, smallScaledOf, toDecimal } from './units.js';

/** The NCYs a lane can hold (−3 … 20). A cohort slot is lane index × SPAN + (NCY − NCY_MIN). */
export const SPAN = NCY_MAX - NCY_MIN + 1;

/**
 * A list of cells (a year's new plans) placed, position by position in typed arrays (no object
 * per cell): each cell's slot in a cohort and its count as an integer at `places` places, a
 * number below 2^53, else a BigInt in `bigs`; and their pupils in all.
 */
export interface Joining {
  readonly slots: Int32Array;
  readonly numbers: Float64Array;
  readonly places: Int32Array;
  /** Counts too big for a number, by position; undefined when there are none. */
  readonly bigs: (bigint | undefined)[] | undefined;
  readonly total: Decimal;
}

/** A transition out of one lane at one NCY, resolved to the lane its pupils join. */
export interface Move {
  readonly lane: Lane;
  readonly rate: Decimal;
  readonly origin?: Location;
}

/**
 * Pupils who share everything but their NCY: need, setting, band, and whether they are priced
 * by their own annual costs (bespoke) or by the tariff. Ageing keeps a pupil in their lane, so
 * the rules that step a lane are looked up once per NCY and kept here.
 */
export class Lane {
  /** Transitions out of the lane, by NCY offset. */
  readonly splits: (Split | undefined)[] = [];
  /** Where the lane's pupils go in a step under the model's own rates, by NCY offset. */
  readonly outflows: (Outflow | undefined)[] = [];
  /**
   * The tariff series that prices the lane, by rate book (src/core/cost.ts). Weak: lanes are
   * shared by every model with the same rules, and must not keep every tariff they met alive
   * (only the last, below).
   */
  private readonly series = new WeakMap<RateBook, string>();
  /**
   * The last rate book asked about, and its answer: a projection asks for the same book every
   * year. Held strongly: one book per lane at most, so it cannot keep many tariffs alive.
   */
  private lastBook: RateBook | undefined;
  private lastSeries = '';

  /** The series that prices the lane in `book`. */
  seriesIn(book: RateBook): string {
    if (this.lastBook === book) return this.lastSeries;
    let series = this.series.get(book);
    if (series === undefined) {
      series = book.seriesFor(this.setting, this.band, this.need);
      this.series.set(book, series);
    }
    this.lastBook = book;
    this.lastSeries = series;
    return series;
  }

  constructor(
    readonly index: number,
    readonly need: Need,
    readonly setting: string,
    readonly band: string,
    readonly bespoke: boolean,
    /** Ceasing rates by NCY offset, shared by every lane of the same need and setting (they do not depend on band). */
    readonly ceasing: (Decimal | undefined)[],
    /** 1 − ceasing rate, likewise; ONE itself when the rate is zero. */
    readonly survival: (Decimal | undefined)[],
  ) {}
}

/**
 * The lanes of a model, numbered in the order they are first met, with the ceasing and
 * transition rules memoised per lane and NCY. Shared by every projection of one set of rules
 * (lanesFor): numbering does not matter to the results, since sums run in cohort order.
 */
export class Lanes {
  readonly all: Lane[] = [];
  private readonly byNeed = new NestedMap<[Lane | undefined, Lane | undefined]>();

  constructor(
    private readonly ceasingRules: CeasingRules,
    private readonly transitionRules: TransitionRules,
  ) {}

  lane(need: Need, setting: string, band: string, bespoke: boolean): Lane {
    // Nested maps (NestedMap), not one key string built per call: this runs for every new plan and moved pupil.
    const byBand = this.byNeed.under(need, setting);
    let pair = byBand.get(band);
    if (!pair) {
      pair = [undefined, undefined];
      byBand.set(band, pair);
    }
    return (pair[bespoke ? 1 : 0] ??= this.create(need, setting, band, bespoke, byBand));
  }

  private create(need: Need, setting: string, band: string, bespoke: boolean, sameNeedAndSetting: Map<string, [Lane | undefined, Lane | undefined]>): Lane {
    // Ceasing rates depend on need and setting only: share them with any lane of both.
    const sibling = [...sameNeedAndSetting.values()].flat().find((lane) => lane !== undefined);
    const lane = new Lane(this.all.length, need, setting, band, bespoke, sibling?.ceasing ?? [], sibling?.survival ?? []);
    this.all.push(lane);
    return lane;
  }

  ofCell(cell: Pick<Cell, 'need' | 'setting' | 'band' | 'bespokeAnnual'>): Lane {
    return this.lane(cell.need, cell.setting, cell.band, cell.bespokeAnnual !== undefined);
  }

  private readonly lists = new WeakMap<readonly Cell[], Joining>();

  /**
   * A list of cells placed, memoised by the list: each year's new plans are one list. A list
   * recounted from another (src/core/cells.ts: the years' new plans, a lever's) takes each
   * cell's slot from the other's, and the other's whole placement where the cell is the same.
   */
  listOf(cells: readonly Cell[]): Joining {
    let list = this.lists.get(cells);
    if (!list) {
      const from = recountedFrom(cells);
      list = from ? this.recount(cells, from, this.listOf(from)) : this.place(cells);
      this.lists.set(cells, list);
    }
    return list;
  }

  private place(cells: readonly Cell[]): Joining {
    const placing = new Placing(cells.length);
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i]!;
      placing.set(i, this.ofCell(cell).index * SPAN + (cell.ncy - NCY_MIN), cell.count);
    }
    return placing.done();
  }

  private recount(cells: readonly Cell[], from: readonly Cell[], template: Joining): Joining {
    const placing = new Placing(cells.length);
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i]!;
      if (cell === from[i]) placing.copy(i, template);
      else placing.set(i, template.slots[i]!, cell.count);
    }
    return placing.done();
  }

  /** The ceasing rate at the end of a year in `lane` at NCY offset `offset`. */
  ceasing(lane: Lane, offset: number): Decimal {
    return (lane.ceasing[offset] ??= this.ceasingRules.rate(offset + NCY_MIN, lane.need, lane.setting));
  }

  survival(lane: Lane, offset: number): Decimal {
    return (lane.survival[offset] ??= this.survivalAt(this.ceasing(lane, offset)));
  }

  private readonly survivals = new Map<Decimal, Decimal>();

  /** 1 − rate, exactly, one Decimal per distinct rate (a few dozen), shared by every lane. */
  private survivalAt(rate: Decimal): Decimal {
    let survival = this.survivals.get(rate);
    if (survival === undefined) {
      survival = rate.isZero() ? ONE : exactly(complement([scaledOf(rate)]));
      this.survivals.set(rate, survival);
    }
    return survival;
  }

  /** Transitions out of `lane` at NCY offset `offset`. Moved pupils are priced by the tariff: a bespoke cost stays behind. */
  split(lane: Lane, offset: number): Split {
    let split = lane.splits[offset];
    if (split === undefined) {
      const rules = this.transitionRules.from(offset + NCY_MIN, lane.setting);
      // Most slots have no transition: they share one split, so a scenario's outflows can be shared by them too.
      split = rules.length === 0 ? NO_MOVES : new Split(rules.map((rule) => ({
        lane: this.lane(lane.need, rule.toSetting, rule.toBand ?? lane.band, false),
        rate: rule.rate,
        ...(rule.origin ? { origin: rule.origin } : {}),
      })));
      lane.splits[offset] = split;
    }
    return split;
  }

  /** Where the pupils of `lane` at NCY offset `offset` go in a step, under the model's own ceasing rates. */
  outflow(lane: Lane, offset: number): Outflow {
    let outflow = lane.outflows[offset];
    if (!outflow) {
      outflow = new Outflow(this.survival(lane, offset), this.split(lane, offset), offset === SPAN - 1);
      lane.outflows[offset] = outflow;
      this.flatten(lane.index * SPAN + offset, outflow);
    }
    return outflow;
  }

  /**
   * The hot loop's view of each slot's own outflow, by slot (lane × SPAN + offset), in typed
   * arrays so that a step reads a number rather than chasing three objects: SIMPLE where pupils
   * only cease (no transition, not past NCY 20, a stay factor exact as a number), with that
   * factor and its places; OTHER where the step must take the Outflow; 0 where none is made yet.
   */
  kinds = new Uint8Array(0);
  simpleStay = new Float64Array(0);
  simplePlaces = new Int32Array(0);

  /** A cleared slot index no cohort is filling with (src/core/cohort.ts), if there is one. */
  private spareIndex: Int32Array | undefined;

  /** A slot index for a cohort to fill: all zero, as long as every slot of the lanes so far. */
  borrowIndex(): Int32Array {
    const spare = this.spareIndex;
    this.spareIndex = undefined;
    return spare && spare.length >= this.all.length * SPAN ? spare : new Int32Array((this.all.length + 8) * SPAN);
  }

  /** Gives back a slot index, every entry zero again. */
  giveBackIndex(index: Int32Array): void {
    this.spareIndex = index;
  }

  private flatten(slot: number, outflow: Outflow): void {
    if (slot >= this.kinds.length) {
      const length = Math.max(slot + 1, (this.all.length + 8) * SPAN);
      this.kinds = grown(this.kinds, length);
      this.simpleStay = grown(this.simpleStay, length);
      this.simplePlaces = grown(this.simplePlaces, length);
    }
    const simple = !outflow.agesOut && outflow.split.moves.length === 0 && outflow.stayNumber !== Number.POSITIVE_INFINITY;
    this.kinds[slot] = simple ? SIMPLE : OTHER;
    this.simpleStay[slot] = simple ? outflow.stayNumber : 0;
    this.simplePlaces[slot] = outflow.places;
  }
}

/** Lanes.kinds: pupils only cease; anything else. */
export const SIMPLE = 1;
const OTHER = 2;

/**
 * What happens to a lane's pupils at one NCY besides ceasing: the shares that move on
 * (transitions), and the share that stays, 1 − Σ shares, each as an exact scaled integer.
 */
export class Split {
  /** 1 − Σ shares: what stays, and a bespoke cost's share that stays behind with them. */
  readonly kept: Decimal;
  readonly keep: Scaled;
  readonly shares: readonly Scaled[];
  /** The most places of keep and shares (keep's). */
  readonly places: number;

  /** Each move's first slot (its lane × SPAN), so that a step need not look at the lane. */
  readonly targets: Int32Array;

  constructor(readonly moves: readonly Move[]) {
    this.targets = Int32Array.from(moves, (move) => move.lane.index * SPAN);
    this.shares = moves.map((move) => scaledOf(move.rate));
    this.keep = complement(this.shares);
    this.kept = moves.length ? exactly(this.keep) : ONE;
    // complement() works at the most places of the shares, so keep has at least as many as any share.
    this.places = this.keep.places;
  }
}

/** A Joining as it is filled, position by position, its total summed as it goes. */
class Placing {
  private readonly slots: Int32Array;
  private readonly numbers: Float64Array;
  private readonly places: Int32Array;
  private bigs: (bigint | undefined)[] | undefined;
  private readonly total = new ScaledSum();

  constructor(private readonly length: number) {
    this.slots = new Int32Array(length);
    this.numbers = new Float64Array(length);
    this.places = new Int32Array(length);
  }

  /** A count at a slot, as a scaled integer. */
  set(i: number, slot: number, count: Decimal): void {
    this.slots[i] = slot;
    const small = smallScaledOf(count);
    if (small) this.number(i, small.number, small.places);
    else {
      const { int, places } = scaledOf(count);
      this.big(i, int, places);
    }
  }

  /** Position i of another list, as it is. */
  copy(i: number, from: Joining): void {
    this.slots[i] = from.slots[i]!;
    const big = from.bigs?.[i];
    if (big === undefined) this.number(i, from.numbers[i]!, from.places[i]!);
    else this.big(i, big, from.places[i]!);
  }

  done(): Joining {
    return { slots: this.slots, numbers: this.numbers, places: this.places, bigs: this.bigs, total: this.total.decimal() };
  }

  private number(i: number, n: number, places: number): void {
    this.numbers[i] = n;
    this.places[i] = places;
    this.total.addNumber(n, places);
  }

  private big(i: number, int: bigint, places: number): void {
    (this.bigs ??= new Array<bigint | undefined>(this.length).fill(undefined))[i] = int;
    this.places[i] = places;
    this.total.add(int, places);
  }
}

/** The split of every slot without a transition. */
const NO_MOVES = new Split([]);

/**
 * One step's factors for the pupils of one slot: survival (1 − ceasing rate) times the split,
 * as integers to multiply a count by, all at `places` places, so a slot's pupils go from p
 * places to p + `places` (src/core/step.ts). Each factor is kept as a BigInt and, for the
 * cohort's number fast path, as a number (Infinity when it is too big to be exact).
 */
export class Outflow {
  /** The places of every factor: the survival's and the split's. */
  readonly places: number;
  /** Pupils who stay in the lane (or, past NCY 20, who age out) per pupil, × 10^places. */
  readonly stay: bigint;
  readonly stayNumber: number;
  /** Pupils who move with each of the split's moves per pupil, × 10^places. */
  readonly shares: readonly bigint[];
  readonly shareNumbers: readonly number[];
  private stayDecimal?: Decimal;

  constructor(readonly survival: Decimal, readonly split: Split, readonly agesOut: boolean) {
    const { int, places } = scaledOf(survival);
    if (agesOut) {
      this.places = places;
      this.stay = int;
      this.shares = [];
    } else {
      // complement() gives keep the most places of the split, so each share is padded to them.
      const { keep, shares } = split;
      this.places = places + keep.places;
      this.stay = int * keep.int;
      this.shares = shares.map((share) => int * share.int * pow10(keep.places - share.places));
    }
    this.stayNumber = asNumber(this.stay);
    this.shareNumbers = this.shares.map(asNumber);
  }

  /** The share of a bespoke cost that stays with the pupils who stay: survival × (1 − Σ moved). */
  bespokeShare(): Decimal {
    return (this.stayDecimal ??= this.agesOut || this.split.moves.length === 0 ? this.survival : this.survival.times(this.split.kept));
  }
}

const SHARED = new PairMemo<readonly CeasingRow[], readonly TransitionRow[], Lanes>();
const BY_CONTENT = new Map<string, Lanes>();
/** Distinct rule sets kept by content: a national batch has one or a few; the bound keeps a long-lived process from growing. */
const BY_CONTENT_LIMIT = 32;

/**
 * The lanes for a model's rules, memoised by the identity of its (never mutated) rule arrays,
 * and then by their content: the areas of a national model read the same rows into arrays of
 * their own, and should not each rebuild the same lanes and outflows.
 */
export function lanesFor(model: Pick<Model, 'ceasing' | 'transitions'>): Lanes {
  return SHARED.get(model.ceasing, model.transitions, () => {
    const key = rulesKey(model.ceasing, model.transitions);
    let lanes = BY_CONTENT.get(key);
    if (!lanes) {
      lanes = new Lanes(new CeasingRules(model.ceasing), new TransitionRules(model.transitions));
      BY_CONTENT.set(key, lanes);
      if (BY_CONTENT.size > BY_CONTENT_LIMIT) BY_CONTENT.delete(BY_CONTENT.keys().next().value!);
    }
    return lanes;
  });
}

/** Everything the lanes take from the rules, origins included (they locate problems), as one unambiguous string. */
function rulesKey(ceasing: readonly CeasingRow[], transitions: readonly TransitionRow[]): string {
  return JSON.stringify([
    ceasing.map((r) => [r.ncy, r.need ?? null, r.setting ?? null, r.rate.toString(), r.origin ?? null]),
    transitions.map((r) => [r.fromNcy, r.fromSetting, r.toSetting, r.toBand ?? null, r.rate.toString(), r.origin ?? null]),
  ]);
}

/**
 * 1 − rate × a scenario's factor, the product kept within 0–1 (no more than all plans can
 * cease). Memoised by the rate and factor objects, for as long as the scenario's outflows are
 * kept (src/core/scenario-ceasing.ts: one projection, or every projection with the same lanes for
 * a lever's factor): a scenario hands out one factor object per year and set of matching levers,
 * so this is a multiplication per distinct pair, not per slot.
 */
export class AdjustedSurvival {
  private readonly memo = new PairMemo<Decimal, Decimal, Decimal>();
  /** By survival, then split (null: past NCY 20, where the split does not matter): slots without a transition share NO_MOVES, so most share an outflow. */
  private readonly outflows = new Map<Decimal, Map<Split | null, Outflow>>();

  /** Where the pupils of `lane` at `offset` go with a scenario's factor on the ceasing rate (not ONE: the step takes the model's own outflow then). */
  outflow(lanes: Lanes, lane: Lane, offset: number, factor: Decimal): Outflow {
    const survival = this.of(lanes.ceasing(lane, offset), factor);
    let bySplit = this.outflows.get(survival);
    if (!bySplit) {
      bySplit = new Map();
      this.outflows.set(survival, bySplit);
    }
    const agesOut = offset === SPAN - 1;
    const split = lanes.split(lane, offset);
    let outflow = bySplit.get(agesOut ? null : split);
    if (!outflow) {
      outflow = new Outflow(survival, split, agesOut);
      bySplit.set(agesOut ? null : split, outflow);
    }
    return outflow;
  }

  of(rate: Decimal, factor: Decimal): Decimal {
    if (rate.isZero()) return ONE;
    return this.memo.get(rate, factor, () => {
      // rate × factor and 1 − that as integers: decimal.js would round a product with a share such as 1/3 to 40 digits.
      const r = scaledOf(rate);
      const f = scaledOf(factor);
      const product: Scaled = { int: r.int * f.int, places: r.places + f.places };
      return product.int <= 0n ? ONE : product.int >= pow10(product.places) ? ZERO : exactly(complement([product]));
    });
  }
}

/** A scaled value as a Decimal, as made: no rounding. */
function exactly(value: Scaled): Decimal {
  return toDecimal(value.int, value.places);
}
