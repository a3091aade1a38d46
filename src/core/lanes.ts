import type { Decimal } from 'decimal.js';
import { ONE, ZERO } from './decimal.js';
import type { Location } from './issue.js';
import type { Cell, CeasingRow, Model, TransitionRow } from './model.js';
import { NCY_MAX, NCY_MIN, type Need } from './need.js';
import type { RateBook } from './rate-book.js';
import { CeasingRules, TransitionRules } from './rules.js';
import { atScale, complement, pow10, type Scaled, scaledOf, toDecimal } from './units.js';

/** The NCYs a lane can hold (−3 … 20). A cohort slot is lane index × SPAN + (NCY − NCY_MIN). */
export const SPAN = NCY_MAX - NCY_MIN + 1;

/** A cell's slot in a cohort, and its count as a scaled integer. */
export interface Placed {
  readonly slot: number;
  readonly count: Scaled;
}

/** A list of cells (a year's new plans) placed: the most places of their counts, and their pupils in all. */
export interface Joining {
  readonly placed: readonly Placed[];
  readonly places: number;
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
   * shared by every model with the same rules, and must not keep their tariffs alive.
   */
  readonly series = new WeakMap<RateBook, string>();

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
  private readonly byNeed = new Map<Need, Map<string, Map<string, [Lane | undefined, Lane | undefined]>>>();

  constructor(
    private readonly ceasingRules: CeasingRules,
    private readonly transitionRules: TransitionRules,
  ) {}

  lane(need: Need, setting: string, band: string, bespoke: boolean): Lane {
    // Nested maps keyed by the strings as they are, rather than one key built per call: this
    // runs for every new plan and moved pupil, and building a key string costs more than the lookups.
    let bySetting = this.byNeed.get(need);
    if (!bySetting) {
      bySetting = new Map();
      this.byNeed.set(need, bySetting);
    }
    let byBand = bySetting.get(setting);
    if (!byBand) {
      byBand = new Map();
      bySetting.set(setting, byBand);
    }
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

  /** A cell's slot and its count as a scaled integer. */
  place(cell: Cell): Placed {
    return { slot: this.ofCell(cell).index * SPAN + (cell.ncy - NCY_MIN), count: scaledOf(cell.count) };
  }

  private readonly lists = new WeakMap<readonly Cell[], Joining>();

  /** A list of cells placed, memoised by the list: each year's new plans are one list. */
  listOf(cells: readonly Cell[]): Joining {
    let list = this.lists.get(cells);
    if (!list) {
      const placed = cells.map((cell) => this.place(cell));
      let places = 0;
      for (const { count } of placed) if (count.places > places) places = count.places;
      let total = 0n;
      for (const { count } of placed) total += atScale(count, places);
      list = { placed, places, total: toDecimal(total, places) };
      this.lists.set(cells, list);
    }
    return list;
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
      split = new Split(this.transitionRules.from(offset + NCY_MIN, lane.setting).map((rule) => ({
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
    return (lane.outflows[offset] ??= new Outflow(this.survival(lane, offset), this.split(lane, offset), offset === SPAN - 1));
  }
}

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

  constructor(readonly moves: readonly Move[]) {
    this.shares = moves.map((move) => scaledOf(move.rate));
    this.keep = complement(this.shares);
    this.kept = moves.length ? exactly(this.keep) : ONE;
    // complement() works at the most places of the shares, so keep has at least as many as any share.
    this.places = this.keep.places;
  }
}

/**
 * One step's factors for the pupils of one slot: survival (1 − ceasing rate) times the split,
 * as integers to multiply a count by. A cohort at scale s steps to scale s + p, p being the
 * most places any occupied slot's factors need (see step.ts), so every factor is made at the
 * step's p; `at` remembers the last p, which rarely changes from one year to the next.
 */
export class Outflow {
  /** The places the factors need: the survival's and the split's. */
  readonly places: number;
  private readonly survivalScaled: Scaled;
  private scale = -1;
  /** Pupils who stay in the lane (or, past NCY 20, who age out) per pupil, × 10^scale. */
  stay = 0n;
  /** Pupils who move with each of the split's moves per pupil, × 10^scale. */
  shares: bigint[] = [];
  private stayDecimal?: Decimal;

  constructor(readonly survival: Decimal, readonly split: Split, readonly agesOut: boolean) {
    this.survivalScaled = scaledOf(survival);
    this.places = this.survivalScaled.places + (agesOut ? 0 : split.places);
  }

  /**
   * Sets stay and shares for a step at `scale` places (at least `places`). Outflows are shared
   * by every projection of the same rules, so the caller reads them at once, before the next
   * `at` (src/core/step.ts does, slot by slot).
   */
  at(scale: number): this {
    if (scale === this.scale) return this;
    const { int, places } = this.survivalScaled;
    if (this.agesOut) this.stay = int * pow10(scale - places);
    else {
      const { keep, shares } = this.split;
      this.stay = int * keep.int * pow10(scale - places - keep.places);
      this.shares = shares.map((share) => int * share.int * pow10(scale - places - share.places));
    }
    this.scale = scale;
    return this;
  }

  /** The share of a bespoke cost that stays with the pupils who stay: survival × (1 − Σ moved). */
  bespokeShare(): Decimal {
    return (this.stayDecimal ??= this.agesOut || this.split.moves.length === 0 ? this.survival : this.survival.times(this.split.kept));
  }
}

const SHARED = new WeakMap<readonly CeasingRow[], WeakMap<readonly TransitionRow[], Lanes>>();
const BY_CONTENT = new Map<string, Lanes>();
/** Distinct rule sets kept by content: a national batch has one or a few; the bound keeps a long-lived process from growing. */
const BY_CONTENT_LIMIT = 32;

/**
 * The lanes for a model's rules, memoised by the identity of its (never mutated) rule arrays,
 * and then by their content: the areas of a national model read the same rows into arrays of
 * their own, and should not each rebuild the same lanes and outflows.
 */
export function lanesFor(model: Pick<Model, 'ceasing' | 'transitions'>): Lanes {
  let byTransitions = SHARED.get(model.ceasing);
  if (!byTransitions) {
    byTransitions = new WeakMap();
    SHARED.set(model.ceasing, byTransitions);
  }
  let lanes = byTransitions.get(model.transitions);
  if (!lanes) {
    const key = rulesKey(model.ceasing, model.transitions);
    lanes = BY_CONTENT.get(key);
    if (!lanes) {
      lanes = new Lanes(new CeasingRules(model.ceasing), new TransitionRules(model.transitions));
      BY_CONTENT.set(key, lanes);
      if (BY_CONTENT.size > BY_CONTENT_LIMIT) BY_CONTENT.delete(BY_CONTENT.keys().next().value!);
    }
    byTransitions.set(model.transitions, lanes);
  }
  return lanes;
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
 * cease). Memoised by the rate and factor objects, for one projection: a scenario hands out one
 * factor object per year and set of matching levers, so this is a multiplication per distinct
 * pair, not per slot.
 */
export class AdjustedSurvival {
  private readonly memo = new Map<Decimal, Map<Decimal, Decimal>>();
  private readonly outflows = new Map<Decimal, Map<number, Outflow>>();

  /** Where the pupils of `lane` at `offset` go with a scenario's factor on the ceasing rate; the model's own outflow where the factor is one. */
  outflow(lanes: Lanes, lane: Lane, offset: number, factor: Decimal): Outflow {
    if (factor === ONE) return lanes.outflow(lane, offset);
    const survival = this.of(lanes.ceasing(lane, offset), factor);
    let bySlot = this.outflows.get(survival);
    if (!bySlot) {
      bySlot = new Map();
      this.outflows.set(survival, bySlot);
    }
    const slot = lane.index * SPAN + offset;
    let outflow = bySlot.get(slot);
    if (!outflow) {
      outflow = new Outflow(survival, lanes.split(lane, offset), offset === SPAN - 1);
      bySlot.set(slot, outflow);
    }
    return outflow;
  }

  of(rate: Decimal, factor: Decimal): Decimal {
    if (rate.isZero()) return ONE;
    let byFactor = this.memo.get(rate);
    if (!byFactor) {
      byFactor = new Map();
      this.memo.set(rate, byFactor);
    }
    let survival = byFactor.get(factor);
    if (survival === undefined) {
      // rate × factor and 1 − that as integers: decimal.js would round a product with a share such as 1/3 to 40 digits.
      const r = scaledOf(rate);
      const f = scaledOf(factor);
      const product: Scaled = { int: r.int * f.int, places: r.places + f.places };
      survival = product.int <= 0n ? ONE : product.int >= pow10(product.places) ? ZERO : exactly(complement([product]));
      byFactor.set(factor, survival);
    }
    return survival;
  }

}

/** A scaled value as a Decimal, as made: no rounding. */
function exactly(value: Scaled): Decimal {
  return toDecimal(value.int, value.places);
}
