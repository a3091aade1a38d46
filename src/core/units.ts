import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from './decimal.js';
import { InternalError } from './errors.js';

/**
 * Exact decimals as scaled integers, for the projection's hot loop (docs/methodology.md, "How
 * it runs"). A value x is held as the integer x × 10^places: multiplying two adds their places,
 * adding brings both to the larger places first, and nothing is ever rounded. As a number below
 * 2^53 such an integer costs no allocation at all; as a BigInt, a tenth of a Decimal operation.
 */
export interface Scaled {
  readonly int: bigint;
  /** Decimal places: the value is int ÷ 10^places. */
  readonly places: number;
}

const POWERS: bigint[] = [1n];

/** decimal.js keeps a coefficient in base-10^7 words, most significant first: its documented, read-only `d`, `e` and `s`. */
const WORD_DIGITS = 7;
const WORD = 1e7;

/** 10^n as a BigInt, each power made once. */
export function pow10(n: number): bigint {
  if (!Number.isInteger(n) || n < 0) throw new InternalError(`10^${n} is not a whole power of ten`);
  for (let k = POWERS.length; k <= n; k += 1) POWERS.push(POWERS[k - 1]! * 10n);
  return POWERS[n]!;
}

/**
 * Below 2^53 a JS number holds every integer exactly, and a product or sum of two such integers
 * that comes out below it is exact too (rounding is monotonic, so a true result at or above 2^53
 * never rounds below it). The cohort keeps counts as numbers while they fit, and allocates
 * nothing for them; above, as BigInts.
 */
export const SAFE = 2 ** 53;
const SAFE_BIG = BigInt(SAFE);

/** 10^n as a number, exact for n ≤ 15; undefined above. */
const POW10_NUMBERS: readonly number[] = Array.from({ length: 16 }, (_, n) => 10 ** n);

/**
 * a × 10^-pa + b × 10^-pb, integers held as numbers, as a number at max(pa, pb) places; NaN when
 * any step of it would not be exact (then the caller adds as BigInts).
 */
export function addExact(a: number, pa: number, b: number, pb: number): number {
  let x = a;
  let y = b;
  if (pa > pb) {
    if (pa - pb >= POW10_NUMBERS.length) return Number.NaN;
    y = b * POW10_NUMBERS[pa - pb]!;
  } else if (pb > pa) {
    if (pb - pa >= POW10_NUMBERS.length) return Number.NaN;
    x = a * POW10_NUMBERS[pb - pa]!;
  }
  const sum = x + y;
  return x < SAFE && x > -SAFE && y < SAFE && y > -SAFE && sum < SAFE && sum > -SAFE ? sum : Number.NaN;
}

/** a × 10^-pa + b × 10^-pb as a BigInt at max(pa, pb) places: exact at any size. */
export function addAligned(a: bigint, pa: number, b: bigint, pb: number): bigint {
  if (pa === pb) return a + b;
  return pa > pb ? a + b * pow10(pa - pb) : a * pow10(pb - pa) + b;
}

/** A scaled integer as a number when it is below SAFE (in size), else Infinity: for the number fast path. */
export function asNumber(int: bigint): number {
  return int < SAFE_BIG && int > -SAFE_BIG ? Number(int) : Number.POSITIVE_INFINITY;
}

/** n × 10^d for an integer n held as a number, or NaN when that would not be exact. */
function scaleNumber(n: number, d: number): number {
  if (d === 0 || n === 0) return n;
  if (d >= POW10_NUMBERS.length) return Number.NaN;
  const scaled = n * POW10_NUMBERS[d]!;
  return scaled < SAFE && scaled > -SAFE ? scaled : Number.NaN;
}

/**
 * Σ of scaled integers at mixed places, exactly: the flows of a step, the pupils of a lane or a
 * series. The sum is held as a number part and a BigInt part, both at the sum's places: terms go
 * into the number part while that stays exact (nothing allocated), and only what would overflow
 * it goes into the BigInt, so a large total (every pupil of an area at 12 places) still costs a
 * BigInt addition only now and then, not one a term.
 */
export class ScaledSum {
  /** The part held as a number: an integer below 2^53 in size, at `at` places. */
  private small = 0;
  /** The rest, at `at` places; undefined while there is none. */
  private big: bigint | undefined;
  private at = 0;

  /** The sum's places: the most of any term. */
  get places(): number {
    return this.at;
  }

  /** Adds n × 10^-places, n an integer held as a number. */
  addNumber(n: number, places: number): void {
    let term = n;
    if (places > this.at) this.raise(places);
    else if (places < this.at) {
      term = scaleNumber(n, this.at - places);
      if (Number.isNaN(term)) {
        this.add(BigInt(n), places);
        return;
      }
    }
    const sum = this.small + term;
    if (sum < SAFE && sum > -SAFE) {
      this.small = sum;
      return;
    }
    // The two parts were exact; their sum may not be as a number: carry both to the BigInt.
    this.big = (this.big ?? 0n) + BigInt(this.small) + BigInt(term);
    this.small = 0;
  }

  /** Adds int × 10^-places. */
  add(int: bigint, places: number): void {
    if (places > this.at) this.raise(places);
    this.big = (this.big ?? 0n) + (places < this.at ? int * pow10(this.at - places) : int);
  }

  /** Adds another sum. */
  addSum(other: ScaledSum): void {
    if (other.big !== undefined) this.add(other.big, other.at);
    this.addNumber(other.small, other.at);
  }

  /** Adds another sum times a factor, exactly: a number product while that is exact, else a BigInt one. */
  addProduct(other: ScaledSum, factor: Factor): void {
    const places = other.at + factor.places;
    if (other.big === undefined) {
      // A factor too big to be a number is Infinity here, and 0 × Infinity is NaN: both fail the test.
      const product = other.small * factor.number;
      if (product < SAFE && product > -SAFE) {
        this.addNumber(product, places);
        return;
      }
    }
    this.add(other.int * factor.int, places);
  }

  isZero(): boolean {
    return this.big === undefined ? this.small === 0 : this.big + BigInt(this.small) === 0n;
  }

  /** Brings both parts to more places: the number part stays a number while that is exact. */
  private raise(places: number): void {
    const d = places - this.at;
    const scaled = scaleNumber(this.small, d);
    if (Number.isNaN(scaled)) {
      this.big = ((this.big ?? 0n) + BigInt(this.small)) * pow10(d);
      this.small = 0;
    } else {
      this.small = scaled;
      if (this.big !== undefined) this.big *= pow10(d);
    }
    this.at = places;
  }

  /** The sum × 10^places. */
  private get int(): bigint {
    return this.big === undefined ? BigInt(this.small) : this.big + BigInt(this.small);
  }

  decimal(): Decimal {
    return this.big === undefined ? numberToDecimal(this.small, this.at) : toDecimal(this.int, this.at);
  }
}

/**
 * A Decimal as an integer number and its places, when the integer is below 2^53 (most counts
 * and rates): read from decimal.js's words without making a BigInt. Undefined otherwise.
 */
export function smallScaledOf(x: Decimal): { readonly number: number; readonly places: number } | undefined {
  const words = x.d;
  if (!words || words.length > 2 || !Number.isFinite(x.e)) return undefined;
  const first = words[0]!;
  if (first === 0) return { number: 0, places: 0 };
  let firstDigits = 1;
  for (let w = first; w >= 10; w = Math.floor(w / 10)) firstDigits += 1;
  let exponent = x.e + 1 - (firstDigits + WORD_DIGITS * (words.length - 1));
  let c = words.length === 1 ? first : first * WORD + words[1]!;
  while (exponent < 0 && c % 10 === 0) {
    c /= 10;
    exponent += 1;
  }
  if (exponent > 0) {
    if (exponent >= POW10_NUMBERS.length) return undefined;
    c *= POW10_NUMBERS[exponent]!;
    if (c >= SAFE) return undefined;
    exponent = 0;
  }
  return { number: x.s < 0 ? -c : c, places: 0 - exponent };
}

/** A scaled value to multiply by, with its integer also as a number (Infinity when that would not be exact). */
export interface Factor extends Scaled {
  readonly number: number;
}

/** A Decimal as a Factor. */
export function factorOf(x: Decimal): Factor {
  const { int, places } = scaledOf(x);
  return { int, places, number: asNumber(int) };
}

/** A Decimal as a scaled integer with as few places as its value needs. */
export function scaledOf(x: Decimal): Scaled {
  const small = smallScaledOf(x);
  if (small) return { int: BigInt(small.number), places: small.places };
  const words = x.d;
  if (!words || !Number.isFinite(x.e)) throw new InternalError(`cannot scale ${x.toString()}: not a finite number`);
  let text = String(words[0]);
  for (let i = 1; i < words.length; i += 1) text += String(words[i]).padStart(WORD_DIGITS, '0');
  // value = coefficient × 10^exponent, the coefficient being the words' digits read as an integer.
  let exponent = x.e + 1 - text.length;
  let end = text.length;
  while (exponent < 0 && text[end - 1] === '0') {
    end -= 1;
    exponent += 1;
  }
  let coefficient = BigInt(text.slice(0, end));
  if (exponent > 0) {
    coefficient *= pow10(exponent);
    exponent = 0;
  }
  return { int: x.s < 0 ? -coefficient : coefficient, places: 0 - exponent };
}

/** A scaled value at `scale` places (at least its own). */
export function atScale(value: Scaled, scale: number): bigint {
  if (scale < value.places) throw new InternalError(`cannot hold ${value.int} ÷ 10^${value.places} at ${scale} places`);
  return scale === value.places ? value.int : value.int * pow10(scale - value.places);
}

/**
 * 1 − Σ values, exactly, at the most places of the values (never fewer, so a share that stays
 * can multiply alongside the shares that leave): decimal.js would round the difference to 40
 * digits, and the share that stays must add up with the shares that leave to exactly one.
 */
export function complement(values: readonly Scaled[]): Scaled {
  let places = 0;
  for (const value of values) if (value.places > places) places = value.places;
  let int = pow10(places);
  for (const value of values) int -= atScale(value, places);
  return { int, places };
}

/** The Decimal worth n ÷ 10^scale, n an integer held as a number: its digits and an exponent, with no BigInt to make. */
export function numberToDecimal(n: number, scale: number): Decimal {
  if (n === 0) return ZERO;
  return new Dec(scale === 0 ? String(n) : `${n}e-${scale}`);
}

/** The Decimal worth `units` ÷ 10^scale, exactly (the constructor keeps every digit it is given). */
export function toDecimal(units: bigint, scale: number): Decimal {
  if (units === 0n) return ZERO;
  const negative = units < 0n;
  let text = (negative ? -units : units).toString();
  if (scale > 0) {
    if (text.length <= scale) text = text.padStart(scale + 1, '0');
    const point = text.length - scale;
    text = `${text.slice(0, point)}.${text.slice(point)}`;
  }
  return new Dec(negative ? `-${text}` : text);
}
