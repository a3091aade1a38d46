import { Decimal } from 'decimal.js';

/**
 * The one Decimal configuration. `precision` counts significant digits, not
 * places: 40 keeps money (a count made a Decimal, times a rate summed over
 * months) and monthly sums far beyond pence. Pupil counts are doubles while the
 * cohort is stepped (src/core/demand/count.ts).
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO: Decimal = new Dec(0);
export const ONE: Decimal = new Dec(1);
export const TWO: Decimal = new Dec(2);
export const TWELVE: Decimal = new Dec(12);

/** 0 … 4095 made once, at load: a constant table, never written (Decimals are never changed). */
const INTEGERS: readonly Decimal[] = Array.from({ length: 4096 }, (_, n) => new Dec(n));

/** A whole number as a Decimal: small ones (pupil counts, mostly) are shared. */
export function integer(n: number): Decimal {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a safe integer`);
  return n >= 0 && n < INTEGERS.length ? INTEGERS[n]! : new Dec(n);
}

/** Plain decimal notation only: no exponent, no separators, no currency sign. */
const DECIMAL_PATTERN = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A small whole number in plain digits: made once and shared (integer). */
const SMALL_WHOLE = /^\d{1,3}$/;

/** The only way a number enters the model: from text, never from a float. */
export function parseDecimal(text: string): Decimal | undefined {
  if (SMALL_WHOLE.test(text)) return integer(Number(text));
  return DECIMAL_PATTERN.test(text) ? new Dec(text) : undefined;
}

/**
 * A number as a library caller passes it (simulate's thresholds, a scenario's growths made in
 * code): a Decimal as it is; a finite number read from its shortest text, never through float
 * arithmetic (String(n): -30000000 is "-30000000", 0.1 is "0.1"), which is exact for whole pounds
 * and for figures as a literal writes them; anything else undefined, for the caller to refuse.
 */
export function callerDecimal(value: unknown): Decimal | undefined {
  if (Dec.isDecimal(value)) return value as Decimal;
  return typeof value === 'number' && Number.isFinite(value) ? new Dec(String(value)) : undefined;
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/**
 * `total` + `term`, where no total yet (undefined) stands for ZERO. decimal.js gives ZERO + x as x
 * rounded to the precision, which the result of an operation already is, or +0 for a zero: so a
 * sum's first term, when it is such a result, is taken as it is, the same Decimal as ZERO + it.
 */
export const plusTerm = (total: Decimal | undefined, term: Decimal): Decimal =>
  total === undefined ? (term.isZero() ? ZERO : term) : total.plus(term);

/**
 * ZERO + each term in turn, for terms of at most `precision` digits (results of operations, or
 * counts): a sum never becomes −0, so adding a zero leaves it as it is, and the operations on zeros
 * can be passed over (plusTerm for the first).
 */
export function sumTerms<T>(items: readonly T[], pick: (item: T) => Decimal): Decimal {
  let total: Decimal | undefined;
  for (const item of items) {
    const term = pick(item);
    if (!term.isZero()) total = plusTerm(total, term);
  }
  return total ?? ZERO;
}
