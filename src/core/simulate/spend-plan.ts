import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import { costLanes } from '../cost.js';
import { countDecimal } from '../demand/count.js';
import type { Lane } from '../demand/lanes.js';
import type { DemandPlan } from '../demand/plan.js';
import { Dec, TWELVE, ZERO } from '../decimal.js';
import { InputError, InternalError } from '../errors.js';
import { error, type Location } from '../issue.js';
import type { Model } from '../model.js';
import { type FinancialYear, firstOfMonth, financialYearMonths } from '../period.js';
import { chargedSpans } from '../project.js';
import type { RateBook } from '../rate-book.js';

/** Pupils of some lanes (summed in lane order) × a coefficient: annual money × months of a span. */
interface Term {
  readonly lanes: Int32Array;
  readonly coefficient: Decimal;
  /** The coefficient × 10^places in base-10^6 digits, low first, as [digit index, digit] pairs (zeros left out). */
  readonly limbs: Int32Array;
  /** Places a scenario adds to a setting's pupils (never below 0 places): the term is then not linear. */
  readonly extra?: Decimal;
  /** Where the lanes' pupils came from, for a rate that is missing (coefficient NaN). */
  readonly missing?: { readonly lane: Lane; readonly origin?: Location; readonly month: number };
}

/** Whole-number arithmetic in doubles is exact below this; a draw whose sums reach it is redone in Decimal. */
const SAFE = Number.MAX_SAFE_INTEGER;
/** Digits per limb: pupils (< 10^6) × a limb (< 10^6) × a few thousand terms stays far below 2^53. */
const LIMB = 1_000_000n;
const LIMB_DIGITS = 6;

/**
 * The spend of a projection as linear terms in its lanes' pupils, made once (docs/simulate.md,
 * "Money"): for the months of each FY in each AY, each tariff series' summed rates, each bespoke
 * lane's fee × its uplift factors, each place-funded setting's place value × months (or, with
 * places.csv rows, a constant), as src/core/cost.ts charges them. Every coefficient is a Decimal
 * with finitely many decimal places, so × 10^places it is a whole number, held in base-10^6 digits
 * ("limbs"). A draw's pupils are whole numbers, so Σ pupils × limb is exact in doubles (far below
 * 2^53), digit by digit, and the digits are carried into one exact BigInt a year, made a Decimal
 * once. A fractional count (rare: capacity's shares) goes through Decimal. The figure is the spend
 * that `project` charges for the same pupils, exactly (test/core/simulate-spend.test.ts).
 */
export class SpendPlan {
  readonly financialYears: readonly FinancialYear[];
  /** The terms, flat: term t reads AY `termYear[t]`, adds to FY `termFy[t]`, sums lanes laneAt[laneStart[t] … laneStart[t + 1]) and has limbs limbAt/limbValue[limbStart[t] … limbStart[t + 1]). */
  private readonly termYear: Int32Array;
  private readonly termFy: Int32Array;
  private readonly laneStart: Int32Array;
  private readonly laneAt: Int32Array;
  private readonly limbStart: Int32Array;
  private readonly limbAt: Int32Array;
  private readonly limbValue: Float64Array;
  /** Terms charged in Decimal (a scenario's extra places) or with no rate, by term. */
  private readonly special: ReadonlyMap<number, Omit<Term, 'limbs'>>;
  private readonly coefficients: readonly Decimal[];
  private readonly constants: Decimal[];
  private readonly divisor: Decimal;
  private readonly limbCount: number;
  private readonly limbSums: Float64Array;

  constructor(
    plan: DemandPlan,
    model: Model,
    adjustments: Adjustments,
    rateBook: RateBook,
    seriesOf: (lane: Lane) => string,
  ) {
    const first = plan.baseYear + 1;
    const years: FinancialYear[] = [];
    for (let fy = first; fy <= model.horizon; fy += 1) years.push(fy);
    this.financialYears = years;
    this.constants = years.map(() => ZERO);
    const spans = this.rawTerms(plan, model, adjustments, rateBook, seriesOf);
    const terms = spans.flatMap((span) => span.terms.map((term) => ({ span, term })));
    const places = Math.max(
      0,
      ...terms
        .filter(({ term }) => !term.missing)
        .map(({ term }) => term.coefficient.decimalPlaces()),
    );
    this.divisor = new Dec(10).pow(places);
    const limbs = terms.map(({ term }) =>
      term.missing ? new Int32Array(0) : limbsOf(term.coefficient.times(this.divisor)),
    );
    this.termYear = Int32Array.from(terms, ({ span }) => span.year);
    this.termFy = Int32Array.from(terms, ({ span }) => span.financialYear);
    this.laneStart = starts(terms.map(({ term }) => term.lanes.length));
    this.laneAt = Int32Array.from(terms.flatMap(({ term }) => [...term.lanes]));
    this.limbStart = starts(limbs.map((pairs) => pairs.length / 2));
    this.limbAt = Int32Array.from(
      limbs.flatMap((pairs) => [...pairs.filter((_, i) => i % 2 === 0)]),
    );
    this.limbValue = Float64Array.from(
      limbs.flatMap((pairs) => [...pairs.filter((_, i) => i % 2 === 1)]),
    );
    this.special = new Map(
      terms.flatMap(({ term }, t) => (term.extra || term.missing ? [[t, term] as const] : [])),
    );
    this.coefficients = terms.map(({ term }) => term.coefficient);
    this.limbCount = Math.max(1, ...this.limbAt) + 1;
    this.limbSums = new Float64Array(years.length * this.limbCount);
  }

  /** Spend by projected FY for a draw's pupils by lane, one array per AY of the plan (base year first). */
  spend(laneTotals: readonly Float64Array[]): Decimal[] {
    const { limbSums, limbCount, laneStart, laneAt, limbStart, limbAt, limbValue } = this;
    limbSums.fill(0);
    const exact = [...this.constants];
    for (let t = 0; t < this.termYear.length; t += 1) {
      const totals = laneTotals[this.termYear[t]!]!;
      let pupils = 0;
      for (let i = laneStart[t]!; i < laneStart[t + 1]!; i += 1) pupils += totals[laneAt[i]!]!;
      if (pupils === 0) continue;
      const fy = this.termFy[t]!;
      const special = this.special.get(t);
      if (special?.missing) throw missingRate(special.missing);
      if (special || !Number.isInteger(pupils)) {
        const count = countDecimal(pupils);
        const charged = special?.extra ? Dec.max(ZERO, count.plus(special.extra)) : count;
        exact[fy] = exact[fy]!.plus(charged.times(this.coefficients[t]!));
        continue;
      }
      const at = fy * limbCount;
      for (let i = limbStart[t]!; i < limbStart[t + 1]!; i += 1)
        limbSums[at + limbAt[i]!]! += pupils * limbValue[i]!;
    }
    return exact.map((sum, fy) => {
      let whole = 0n;
      for (let j = limbCount - 1; j >= 0; j -= 1) {
        const digit = limbSums[fy * limbCount + j]!;
        // Each product and partial sum is a whole number; below 2^53 none was rounded.
        if (digit > SAFE) throw new InternalError('a simulated spend sum reached 2^53');
        whole = whole * LIMB + BigInt(digit);
      }
      return whole === 0n
        ? sum.div(TWELVE)
        : sum.plus(new Dec(whole.toString()).div(this.divisor)).div(TWELVE);
    });
  }

  private rawTerms(
    plan: DemandPlan,
    model: Model,
    adjustments: Adjustments,
    rateBook: RateBook,
    seriesOf: (lane: Lane) => string,
  ): { year: number; financialYear: number; terms: Omit<Term, 'limbs'>[] }[] {
    const first = plan.baseYear + 1;
    const [windowStart] = financialYearMonths(first);
    const [, windowEnd] = financialYearMonths(model.horizon);
    const lanes = costLanes(plan.lanes, plan.origins, seriesOf);
    const given = new Map(
      model.places.map((r) => [`${r.academicYear}\u0000${r.setting}`, r.places]),
    );
    const settingLanes = new Map(
      plan.settings.map((id, i) => [
        id,
        Int32Array.from(plan.lanes.keys()).filter((l) => plan.laneSetting[l] === i),
      ]),
    );
    const raw: { year: number; financialYear: number; terms: Omit<Term, 'limbs'>[] }[] = [];
    for (let year = 0; year <= plan.years.length; year += 1) {
      const ay = plan.baseYear + year;
      for (const span of chargedSpans(ay, windowStart, windowEnd)) {
        if (span.months.length === 0) continue;
        const fy = span.financialYear - first;
        const months = new Dec(span.months.length);
        const terms: Omit<Term, 'limbs'>[] = lanes.series.map((group) => {
          const lane = plan.lanes[group.lanes[0]!]!;
          const sum = rateBook.topUpSum(lane.setting, lane.band, lane.need, span.months);
          return typeof sum === 'number'
            ? {
                lanes: Int32Array.from(group.lanes),
                coefficient: ZERO,
                missing: { lane, origin: plan.origins.get(lane), month: sum },
              }
            : { lanes: Int32Array.from(group.lanes), coefficient: sum.total };
        });
        const factors = span.months.reduce(
          (total, m) => total.plus(rateBook.bespokeFactor(`${model.baseYear}-09-01`, m)),
          ZERO,
        );
        for (const l of lanes.bespoke)
          terms.push({ lanes: Int32Array.of(l), coefficient: plan.lanes[l]!.fee!.times(factors) });
        for (const setting of model.tariff.settings) {
          if (setting.placeValue.isZero()) continue;
          const perPlace = setting.placeValue.times(months);
          const extra = adjustments.extraPlaces?.(ay, setting.id);
          const places = given.get(`${ay}\u0000${setting.id}`);
          if (places)
            this.constants[fy] = this.constants[fy]!.plus(
              (extra ? Dec.max(ZERO, places.plus(extra)) : places).times(perPlace),
            );
          else
            terms.push({
              lanes: settingLanes.get(setting.id) ?? new Int32Array(0),
              coefficient: perPlace,
              ...(extra ? { extra } : {}),
            });
        }
        raw.push({ year, financialYear: fy, terms });
      }
    }
    return raw;
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

/** A whole, non-negative Decimal as [index, digit] pairs of its base-10^6 digits, low first, zeros left out. */
function limbsOf(whole: Decimal): Int32Array {
  if (whole.isNegative())
    throw new InternalError(`a cost coefficient is negative: ${whole.toString()}`);
  const digits = whole.toFixed(0);
  const pairs: number[] = [];
  for (let end = digits.length, j = 0; end > 0; end -= LIMB_DIGITS, j += 1) {
    const limb = Number(digits.slice(Math.max(0, end - LIMB_DIGITS), end));
    if (limb !== 0) pairs.push(j, limb);
  }
  return Int32Array.from(pairs);
}

function missingRate({ lane, origin, month }: NonNullable<Term['missing']>): InputError {
  return new InputError([
    error(
      'NO_RATE_IN_FORCE',
      `a draw puts pupils in setting "${lane.setting}", band "${lane.band}", need ${lane.need}, which has no rate in force on ${firstOfMonth(month)}`,
      origin,
      'add a rate with an earlier effectiveFrom, or one for need "*"',
    ),
  ]);
}
