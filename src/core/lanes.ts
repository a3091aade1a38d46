import type { Decimal } from 'decimal.js';
import { ONE, ZERO } from './decimal.js';
import type { Location } from './issue.js';
import type { Cell, CeasingRow, Model, TransitionRow } from './model.js';
import { NCY_MAX, NCY_MIN, type Need } from './need.js';
import type { RateBook } from './rate-book.js';
import { CeasingRules, TransitionRules } from './rules.js';

/** The NCYs a lane can hold (−3 … 20). A cohort slot is lane index × SPAN + (NCY − NCY_MIN). */
export const SPAN = NCY_MAX - NCY_MIN + 1;

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
  readonly moves: (readonly Move[] | undefined)[] = [];
  /** The tariff series that prices the lane, by rate book (src/core/cost.ts). */
  readonly series = new Map<RateBook, string>();

  constructor(
    readonly index: number,
    readonly need: Need,
    readonly setting: string,
    readonly band: string,
    readonly bespoke: boolean,
    /** Ceasing rates by NCY offset, shared by every lane of the same need and setting (they do not depend on band). */
    readonly ceasing: (Decimal | undefined)[],
    /** 1 − ceasing rate, likewise; ONE itself when the rate is zero, so stepping can skip the multiplication. */
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

  private readonly cellSlots = new WeakMap<Cell, number>();

  /** A cell's slot, memoised by the cell: the same new-plan cells join in every projection. */
  slotOf(cell: Cell): number {
    let slot = this.cellSlots.get(cell);
    if (slot === undefined) {
      slot = this.ofCell(cell).index * SPAN + (cell.ncy - NCY_MIN);
      this.cellSlots.set(cell, slot);
    }
    return slot;
  }

  private readonly lists = new WeakMap<readonly Cell[], { readonly slots: readonly number[]; readonly total: Decimal }>();

  /** The slots of a list of cells and its pupils in all, memoised by the list: each year's new plans are one list. */
  listOf(cells: readonly Cell[]): { readonly slots: readonly number[]; readonly total: Decimal } {
    let list = this.lists.get(cells);
    if (!list) {
      let total = ZERO;
      for (const cell of cells) total = total.plus(cell.count);
      list = { slots: cells.map((cell) => this.slotOf(cell)), total };
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

  /** 1 − rate, one Decimal per distinct rate (a few dozen), shared by every lane. */
  private survivalAt(rate: Decimal): Decimal {
    let survival = this.survivals.get(rate);
    if (survival === undefined) {
      survival = rate.isZero() ? ONE : ONE.minus(rate);
      this.survivals.set(rate, survival);
    }
    return survival;
  }

  /** Transitions out of `lane` at NCY offset `offset`. Moved pupils are priced by the tariff: a bespoke cost stays behind. */
  moves(lane: Lane, offset: number): readonly Move[] {
    let moves = lane.moves[offset];
    if (moves === undefined) {
      moves = this.transitionRules.from(offset + NCY_MIN, lane.setting).map((rule) => ({
        lane: this.lane(lane.need, rule.toSetting, rule.toBand ?? lane.band, false),
        rate: rule.rate,
        ...(rule.origin ? { origin: rule.origin } : {}),
      }));
      lane.moves[offset] = moves;
    }
    return moves;
  }
}

const SHARED = new WeakMap<readonly CeasingRow[], WeakMap<readonly TransitionRow[], Lanes>>();

/** The lanes for a model's rules, memoised by the identity of its (never mutated) rule arrays. */
export function lanesFor(model: Pick<Model, 'ceasing' | 'transitions'>): Lanes {
  let byTransitions = SHARED.get(model.ceasing);
  if (!byTransitions) {
    byTransitions = new WeakMap();
    SHARED.set(model.ceasing, byTransitions);
  }
  let lanes = byTransitions.get(model.transitions);
  if (!lanes) {
    lanes = new Lanes(new CeasingRules(model.ceasing), new TransitionRules(model.transitions));
    byTransitions.set(model.transitions, lanes);
  }
  return lanes;
}

/**
 * 1 − rate × a scenario's factor, the product kept within 0–1 (no more than all plans can
 * cease). Memoised by the rate and factor objects, for one projection: a scenario hands out one
 * factor object per year and set of matching levers, so this is a multiplication per distinct
 * pair, not per slot.
 */
export class AdjustedSurvival {
  private readonly memo = new Map<Decimal, Map<Decimal, Decimal>>();

  of(rate: Decimal, factor: Decimal): Decimal {
    if (rate.isZero()) return ONE;
    let byFactor = this.memo.get(rate);
    if (!byFactor) {
      byFactor = new Map();
      this.memo.set(rate, byFactor);
    }
    let survival = byFactor.get(factor);
    if (survival === undefined) {
      const product = rate.times(factor);
      const clamped = product.isNegative() ? ZERO : product.greaterThan(ONE) ? ONE : product;
      survival = clamped.isZero() ? ONE : ONE.minus(clamped);
      byFactor.set(factor, survival);
    }
    return survival;
  }
}
