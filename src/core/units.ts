import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from './decimal.js';
import { InternalError } from './errors.js';

/**
 * Exact decimals as scaled integers, for the projection's hot loop (docs/methodology.md, "How
 * it runs"). A value x is held as the integer x × 10^places. Every count in one year's cohort
 * shares one scale, so adding counts is adding integers, and a step multiplies by factors
 * scaled alike and adds their places to the scale: nothing is ever rounded, and a BigInt
 * operation costs a tenth of a Decimal one and leaves less garbage.
 */
export interface Scaled {
  readonly int: bigint;
  /** Decimal places: the value is int ÷ 10^places. */
  readonly places: number;
}

const POWERS: bigint[] = [1n];

/** 10^n as a BigInt, each power made once. */
export function pow10(n: number): bigint {
  if (!Number.isInteger(n) || n < 0) throw new InternalError(`10^${n} is not a whole power of ten`);
  for (let k = POWERS.length; k <= n; k += 1) POWERS.push(POWERS[k - 1]! * 10n);
  return POWERS[n]!;
}

/** decimal.js keeps a coefficient in base-10^7 words, most significant first: its documented, read-only `d`, `e` and `s`. */
const WORD_DIGITS = 7;
const WORD = 1e7;

/** A Decimal as a scaled integer with as few places as its value needs. */
export function scaledOf(x: Decimal): Scaled {
  const words = x.d;
  if (!words || !Number.isFinite(x.e)) throw new InternalError(`cannot scale ${x.toString()}: not a finite number`);
  const first = words[0]!;
  if (first === 0) return { int: 0n, places: 0 };
  let firstDigits = 1;
  for (let w = first; w >= 10; w = Math.floor(w / 10)) firstDigits += 1;
  // value = coefficient × 10^exponent, the coefficient being the words' digits read as an integer.
  let exponent = x.e + 1 - (firstDigits + WORD_DIGITS * (words.length - 1));
  let coefficient: bigint;
  if (words.length <= 2) {
    // Below 10^14, so exact as a number: strip trailing zeros there, then make one BigInt.
    let c = words.length === 1 ? first : first * WORD + words[1]!;
    while (exponent < 0 && c % 10 === 0) {
      c /= 10;
      exponent += 1;
    }
    coefficient = BigInt(c);
  } else {
    let text = String(first);
    for (let i = 1; i < words.length; i += 1) text += String(words[i]).padStart(WORD_DIGITS, '0');
    let end = text.length;
    while (exponent < 0 && text[end - 1] === '0') {
      end -= 1;
      exponent += 1;
    }
    coefficient = BigInt(text.slice(0, end));
  }
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
