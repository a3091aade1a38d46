import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import { countDecimal, toDouble } from '../demand/count.js';
import type { DemandPlan } from '../demand/plan.js';
import { Dec, ONE, TWELVE, ZERO } from '../decimal.js';
import type { Model } from '../model.js';
import { firstProjectedFinancialYear } from '../period.js';
import type { RateBook } from '../rate-book.js';
import { leverAdjustments } from '../scenario/levers.js';
import type { PlacesLever, Scenario } from '../scenario/types.js';
import { rangeDraw } from './draw-range.js';
import type { DrawMoney } from './spend-plan.js';
import { CHANNELS, PLACE_DFE, placeMoney, SPEND, spendTerms, type Term } from './spend-terms.js';
import { drawStream, type Uniform } from './stream.js';

/** A place term of a setting whose places a draw changes. */
type PlaceTermOf = Term & { readonly place: NonNullable<Term['place']> };

/**
 * One AY's place terms of one setting: the same pupils, places given and extra places in each of
 * its month spans, so its annual money (`place`, with months 1) is costed once a draw and spread
 * over the spans' slots by their months.
 */
interface PlaceYear {
  readonly year: number;
  readonly lanes: Int32Array;
  readonly place: PlaceTermOf['place'];
  readonly spans: readonly { readonly slot: number; readonly months: Decimal }[];
}

/** The place terms of an AY and setting, together (PlaceYear). */
function byYear(terms: readonly PlaceTermOf[]): PlaceYear[] {
  const years = new Map<string, PlaceYear & { spans: { slot: number; months: Decimal }[] }>();
  for (const term of terms) {
    const key = `${term.year}\u0000${term.place.setting.id}`;
    let year = years.get(key);
    if (!year) {
      year = {
        year: term.year,
        lanes: term.lanes,
        place: { ...term.place, months: ONE },
        spans: [],
      };
      years.set(key, year);
    }
    year.spans.push({ slot: term.slot, months: term.place.months });
  }
  return [...years.values()];
}

/**
 * A scenario's places levers with a range (docs/simulate.md, "Lever ranges"): "40 new special
 * places from September 2027", anywhere from 20 to 40 as capital projects slip. A places lever
 * changes money alone (the setting's charged places, max(0, places + extra), and so its unoccupied
 * places: src/core/cost.ts), never pupils, so a draw's pupils are those of the scenario without
 * the range. A draw's money is the scenario's (SpendPlan, at the levers' own places) plus, in each
 * span of a ranged lever's setting, the place money at the drawn places less that at the own, each
 * by the function `project` uses (placeMoney) with the extra places `project` would add
 * (leverAdjustments). Each lever's places come from a stream of its own (seed, area, draw index,
 * "places" and the lever's id), so no other draw's numbers move.
 */
export class PlacesRange {
  /** ownMoney's, by PlaceYear and pupils. */
  private readonly ownMemo = new Map<string, Decimal>();

  private constructor(
    private readonly area: string,
    /** The scenario's places levers, in lever order (those without a range keep their places). */
    private readonly levers: readonly PlacesLever[],
    /** How each ranged lever's places are drawn, by its index in `levers`. */
    private readonly drawers: ReadonlyMap<number, (u: Uniform) => number>,
    private readonly years: readonly PlaceYear[],
    private readonly baseYear: number,
    private readonly financialYears: number,
  ) {}

  /** Undefined when no places lever of `scenario` has a range. */
  static of(
    scenario: Scenario | undefined,
    plan: DemandPlan,
    /** The model and adjustments with the scenario applied, as the draw's SpendPlan has them. */
    model: Model,
    adjustments: Adjustments,
    rateBook: RateBook,
  ): PlacesRange | undefined {
    const levers = (scenario?.levers ?? []).filter((l): l is PlacesLever => l.kind === 'places');
    const drawers = new Map(
      levers.flatMap((lever, i) =>
        lever.range ? [[i, rangeDraw(lever.range, toDouble(lever.places))] as const] : [],
      ),
    );
    if (drawers.size === 0) return undefined;
    const settings = new Set([...drawers.keys()].map((i) => levers[i]!.setting));
    const years = model.horizon - firstProjectedFinancialYear(model.baseYear) + 1;
    // The other settings' constant place money is the SpendPlan's: here it is thrown away.
    const constants = Array.from({ length: years * CHANNELS }, () => ZERO);
    const terms = spendTerms(plan, model, adjustments, rateBook, constants, settings);
    return new PlacesRange(
      model.area.code,
      levers,
      drawers,
      byYear(terms.filter((t): t is PlaceTermOf => !!t.place && settings.has(t.place.setting.id))),
      plan.baseYear,
      years,
    );
  }

  /** Draw `index`'s places of each ranged lever under `seed`, by lever id, each a decimal from its shortest text. */
  places(seed: number, index: number): Map<string, Decimal> {
    const drawn = new Map<string, Decimal>();
    for (const [i, draw] of this.drawers) {
      const lever = this.levers[i]!;
      const u = drawStream(seed, `${this.area}\u0000places\u0000${lever.id}`, index);
      drawn.set(lever.id, new Dec(String(draw(u))));
    }
    return drawn;
  }

  /**
   * A draw's money (`own`: SpendPlan.money, or TariffRange.money, for these pupils by lane) with
   * each ranged places lever at its places in draw `index` under `seed`.
   */
  money(
    own: DrawMoney,
    laneTotals: readonly Float64Array[],
    draw: { readonly seed: number; readonly index: number },
  ): DrawMoney {
    const drawn = this.places(draw.seed, draw.index);
    const levers = this.levers.map((lever) => {
      const places = drawn.get(lever.id);
      return places ? { ...lever, places } : lever;
    });
    const extraPlaces = leverAdjustments(levers).extraPlaces!;
    const change = Array.from({ length: this.financialYears * CHANNELS }, () => ZERO);
    this.years.forEach(({ year, lanes, place, spans }, y) => {
      const totals = laneTotals[year]!;
      let pupils = 0;
      for (const l of lanes) pupils += totals[l]!;
      const counted = countDecimal(pupils);
      // A ranged lever's setting always has extra places (none before its profile starts).
      const extra = extraPlaces(this.baseYear + year, place.setting.id) ?? ZERO;
      const annual = placeMoney({ ...place, extra }, counted).minus(
        this.ownMoney(y, pupils, counted),
      );
      if (annual.isZero()) return;
      for (const { slot, months } of spans) change[slot] = change[slot]!.plus(annual.times(months));
    });
    const moved = (money: readonly Decimal[], channel: number): Decimal[] =>
      money.map((value, fy) => {
        const by = change[fy * CHANNELS + channel]!;
        return by.isZero() ? value : value.plus(by.div(TWELVE));
      });
    return {
      spend: moved(own.spend, SPEND),
      // The deductions follow the levers' "dfe" places as they follow pupils (balances.ts).
      placeDfe: moved(own.placeDfe, PLACE_DFE),
    };
  }

  /** PlaceYear y's annual money at the levers' own places, kept by its pupils: draws repeat the same few counts. */
  private ownMoney(y: number, pupils: number, counted: Decimal): Decimal {
    // A fractional count (capacity's shares) is rarely met twice: costed, not kept.
    if (!Number.isInteger(pupils)) return placeMoney(this.years[y]!.place, counted);
    const key = `${y}\u0000${pupils}`;
    let money = this.ownMemo.get(key);
    if (money === undefined) {
      money = placeMoney(this.years[y]!.place, counted);
      this.ownMemo.set(key, money);
    }
    return money;
  }
}
