import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import { countDecimal } from '../demand/count.js';
import type { DemandPlan } from '../demand/plan.js';
import { Dec, TWELVE, ZERO } from '../decimal.js';
import { InputError, InternalError } from '../errors.js';
import { error } from '../issue.js';
import type { Model } from '../model.js';
import { otherSpendByYear } from '../other-spend.js';
import { type FinancialYear, firstOfMonth, firstProjectedFinancialYear } from '../period.js';
import type { RateBook } from '../rate-book.js';
import { CHANNELS, PLACE_DFE, SPEND, placeMoney, spendTerms, type Term } from './spend-terms.js';

/** Whole-number arithmetic in doubles is exact below this; a draw whose sums reach it is redone in Decimal. */
const SAFE = Number.MAX_SAFE_INTEGER;
/** Digits per limb: pupils (< 10^6) × a limb (< 10^6) × a few thousand terms stays far below 2^53. */
const LIMB = 1_000_000n;
const LIMB_DIGITS = 6;

/** A draw's money by projected FY: spend (top-ups, places the LA funds, other lines), and the place funding of "dfe" settings. */
export interface DrawMoney {
  readonly spend: Decimal[];
  /** project's placeDfe: what the HNB deductions follow (src/core/ledger.ts); empty when not asked for. */
  readonly placeDfe: Decimal[];
}

/**
 * The money of a projection as terms in its lanes' pupils, made once (docs/simulate.md, "Money";
 * src/core/simulate/spend-terms.ts). Every linear coefficient is a Decimal with finitely many
 * decimal places, so × 10^places it is a whole number, held in base-10^6 digits ("limbs"). A
 * draw's pupils are whole numbers, so Σ pupils × limb is exact in doubles (far below 2^53), digit
 * by digit, and the digits are carried into one exact BigInt per year and channel, made a Decimal
 * once. A fractional count (rare: capacity's shares) and a place term that is not linear go
 * through Decimal, and so does a whole draw whose digits' sums pass 2^53 (billions of pupils, as a
 * count mistyped with extra zeros gives). The figures are those `project` charges for the same pupils
 * (test/core/simulate/spend.test.ts).
 */
export class SpendPlan {
  readonly financialYears: readonly FinancialYear[];
  /** The terms, flat: term t reads AY `termYear[t]`, adds to slot `termSlot[t]`, sums lanes laneAt[laneStart[t] … laneStart[t + 1]) and has limbs limbAt/limbValue[limbStart[t] … limbStart[t + 1]). */
  private readonly termYear: Int32Array;
  private readonly termSlot: Int32Array;
  private readonly laneStart: Int32Array;
  private readonly laneAt: Int32Array;
  private readonly limbStart: Int32Array;
  private readonly limbAt: Int32Array;
  private readonly limbValue: Float64Array;
  /** 1 for a term charged in Decimal whatever its pupils (a place term, a missing rate). */
  private readonly isSpecial: Uint8Array;
  private readonly terms: readonly Term[];
  /** Annual money × months by slot that does not depend on the pupils. */
  private readonly constants: Decimal[];
  /** spend.csv's lines by FY: money, added after the division by 12. */
  private readonly other: readonly Decimal[];
  /** Decimal places of the linear coefficients, by channel: each × 10^places is whole. */
  private readonly places: readonly number[];
  private readonly limbCount: number;
  private readonly limbSums: Float64Array;
  /** Place terms' money by their pupils (placeMoneyOf), by term. */
  private readonly placeMemo = new Map<number, Map<number, Decimal>>();

  constructor(plan: DemandPlan, model: Model, adjustments: Adjustments, rateBook: RateBook) {
    const first = firstProjectedFinancialYear(model.baseYear);
    const years: FinancialYear[] = [];
    for (let fy = first; fy <= model.horizon; fy += 1) years.push(fy);
    this.financialYears = years;
    this.constants = Array.from({ length: years.length * CHANNELS }, () => ZERO);
    const terms = spendTerms(plan, model, adjustments, rateBook, this.constants);
    this.terms = terms;
    const other = otherSpendByYear(model.spend ?? [], years, model.assumptions.otherSpendGrowth);
    this.other = years.map((fy) =>
      other.get(fy)!.reduce((total, line) => total.plus(line.amount), ZERO),
    );
    const linear = (term: Term) => !term.missing && !term.place;
    // By channel: the "dfe" places' coefficients (whole pounds, mostly) stay short numbers.
    const places = [0, 0];
    for (const term of terms)
      if (linear(term)) {
        const channel = term.slot % CHANNELS;
        places[channel] = Math.max(places[channel]!, term.coefficient.decimalPlaces());
      }
    this.places = places;
    this.termYear = Int32Array.from(terms, (term) => term.year);
    this.termSlot = Int32Array.from(terms, (term) => term.slot);
    this.laneStart = starts(terms.map((term) => term.lanes.length));
    this.laneAt = new Int32Array(this.laneStart[terms.length]!);
    terms.forEach((term, t) => this.laneAt.set(term.lanes, this.laneStart[t]!));
    // Each linear coefficient's digits at its channel's places: its text to that many places
    // (exact, as no coefficient has more), the point taken out.
    const limbAt: number[] = [];
    const limbValue: number[] = [];
    this.limbStart = new Int32Array(terms.length + 1);
    terms.forEach((term, t) => {
      if (linear(term)) limbsOf(term.coefficient, places[term.slot % CHANNELS]!, limbAt, limbValue);
      this.limbStart[t + 1] = limbAt.length;
    });
    this.limbAt = new Int32Array(limbAt);
    this.limbValue = new Float64Array(limbValue);
    this.isSpecial = Uint8Array.from(terms, (term) => Number(!linear(term)));
    this.limbCount = this.limbAt.reduce((most, j) => Math.max(most, j), 1) + 1;
    this.limbSums = new Float64Array(this.constants.length * this.limbCount);
  }

  /**
   * Money by projected FY for a draw's pupils by lane, one array per AY of the plan (base year
   * first). `withPlaceDfe` false leaves placeDfe empty: a model with no "dfe" setting does not
   * need it, and carrying its digits is a third of the costing's time.
   */
  money(laneTotals: readonly Float64Array[], withPlaceDfe = true): DrawMoney {
    // Pupils by the hundred million (a count mistyped with extra zeros) take the digits past 2^53.
    const exact = this.summed(laneTotals, false) ?? this.summed(laneTotals, true)!;
    const spend: Decimal[] = [];
    const placeDfe: Decimal[] = [];
    for (let fy = 0; fy < this.financialYears.length; fy += 1) {
      spend.push(this.annual(exact, fy * CHANNELS + SPEND).plus(this.other[fy]!));
      if (withPlaceDfe) placeDfe.push(this.annual(exact, fy * CHANNELS + PLACE_DFE));
    }
    return { spend, placeDfe };
  }

  /**
   * Each slot's exact sum, the whole pupils' digits left in limbSums; or undefined when a digit's
   * sum passed 2^53 (its products and partial sums only grow, so none below it was rounded). With
   * `inDecimal`, every term is charged in Decimal and limbSums left at 0.
   */
  private summed(laneTotals: readonly Float64Array[], inDecimal: boolean): Decimal[] | undefined {
    const { limbSums, limbCount, laneStart, laneAt, limbStart, limbAt, limbValue, isSpecial } =
      this;
    limbSums.fill(0);
    const exact = [...this.constants];
    for (let t = 0; t < this.termYear.length; t += 1) {
      const totals = laneTotals[this.termYear[t]!]!;
      let pupils = 0;
      for (let i = laneStart[t]!; i < laneStart[t + 1]!; i += 1) pupils += totals[laneAt[i]!]!;
      const slot = this.termSlot[t]!;
      if (isSpecial[t]) {
        const term = this.terms[t]!;
        if (term.missing) {
          if (pupils !== 0) throw missingRate(term.missing, term.lanes, totals);
        } else exact[slot] = exact[slot]!.plus(this.placeMoneyOf(t, pupils));
        continue;
      }
      if (pupils === 0) continue;
      if (inDecimal || !Number.isInteger(pupils)) {
        exact[slot] = exact[slot]!.plus(countDecimal(pupils).times(this.terms[t]!.coefficient));
        continue;
      }
      const at = slot * limbCount;
      for (let i = limbStart[t]!; i < limbStart[t + 1]!; i += 1)
        limbSums[at + limbAt[i]!]! += pupils * limbValue[i]!;
    }
    return limbSums.some((digit) => digit > SAFE) ? undefined : exact;
  }

  /** A slot's money for the year: its exact sum and its carried digits, over the 12 months the terms count in. */
  private annual(exact: readonly Decimal[], slot: number): Decimal {
    const carried = this.carried(exact[slot]!, slot);
    return carried.isZero() ? ZERO : carried.div(TWELVE);
  }

  /**
   * A place term's money for its pupils, each distinct whole count costed once (placeMoney) and
   * kept: it depends on nothing else, and draws repeat the same few counts.
   */
  private placeMoneyOf(t: number, pupils: number): Decimal {
    // A fractional count (capacity's shares) is rarely met twice: costed, not kept.
    if (!Number.isInteger(pupils)) return placeMoney(this.terms[t]!.place!, countDecimal(pupils));
    let known = this.placeMemo.get(t);
    if (!known) {
      known = new Map();
      this.placeMemo.set(t, known);
    }
    let money = known.get(pupils);
    if (money === undefined) {
      money = placeMoney(this.terms[t]!.place!, countDecimal(pupils));
      known.set(pupils, money);
    }
    return money;
  }

  /** A slot's exact sum plus its limbs carried into one whole number ÷ 10^places (the slot's channel's). */
  private carried(sum: Decimal, slot: number): Decimal {
    const { limbSums, limbCount } = this;
    const from = slot * limbCount;
    let any = false;
    for (let j = from; j < from + limbCount; j += 1) if (limbSums[j] !== 0) any = true;
    if (!any) return sum;
    let whole = 0n;
    for (let j = limbCount - 1; j >= 0; j -= 1) {
      const digit = limbSums[slot * limbCount + j]!;
      // Each product and partial sum is a whole number; below 2^53 none was rounded (summed).
      if (digit > SAFE) throw new InternalError('a simulated spend sum reached 2^53');
      whole = whole * LIMB + BigInt(digit);
    }
    // whole × 10^−places, written as such: the same value as whole ÷ 10^places, without a division.
    return sum.plus(new Dec(`${whole}e-${this.places[slot % CHANNELS]!}`));
  }
}

/** Where each of a list of runs starts, and where the last ends. */
function starts(lengths: readonly number[]): Int32Array {
  const at = new Int32Array(lengths.length + 1);
  lengths.forEach((length, i) => {
    at[i + 1] = at[i]! + length;
  });
  return at;
}

/**
 * A non-negative Decimal × 10^places (a whole number: it has no more places) as its base-10^6
 * digits, low first, zeros left out: each digit's index and value, pushed to `at` and `value`.
 */
function limbsOf(coefficient: Decimal, places: number, at: number[], value: number[]): void {
  if (coefficient.isNegative())
    throw new InternalError(`a cost coefficient is negative: ${coefficient.toString()}`);
  const digits = coefficient.toFixed(places).replace('.', '');
  for (let end = digits.length, j = 0; end > 0; end -= LIMB_DIGITS, j += 1) {
    const limb = Number(digits.slice(Math.max(0, end - LIMB_DIGITS), end));
    if (limb !== 0) {
      at.push(j);
      value.push(limb);
    }
  }
}

/** NO_RATE_IN_FORCE at the first of a series' lanes the draw put pupils in (lanes of other needs may share a "*" series). */
function missingRate(
  { lanes, origins, month }: NonNullable<Term['missing']>,
  termLanes: Int32Array,
  totals: Float64Array,
): InputError {
  const lane = lanes[termLanes.find((l) => totals[l] !== 0)!]!;
  return new InputError([
    error(
      'NO_RATE_IN_FORCE',
      `a draw puts pupils in setting "${lane.setting}", band "${lane.band}", need ${lane.need}, which has no rate in force on ${firstOfMonth(month)}`,
      origins.get(lane),
      'add a rate with an earlier effectiveFrom, or one for need "*"',
    ),
  ]);
}
