import type { Uniform } from './stream.js';

/**
 * Samplers for the simulation (docs/simulate.md, "Where the uncertainty comes from"), each exact for its
 * distribution (no normal approximations), all from one stream of uniforms. They use +, −, ×, ÷,
 * Math.sqrt (correctly rounded by IEEE 754) and Math.log/Math.exp, which V8 computes with its own
 * port of fdlibm rather than the platform's library, so a draw has the same bits on every machine.
 */

/** Below this mean, binomial and Poisson counts are drawn by inversion (a walk of about mean + 1 steps). */
const INVERSION_MEAN = 30;

/**
 * Binomial(n, p): how many of n whole pupils leave (or move) when each does with probability p.
 * The common cases (one pupil, a few with a small chance) are short paths of small functions,
 * which the compiler inlines into a draw's step.
 */
export function binomial(u: Uniform, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  // Most states hold one pupil: a Bernoulli trial.
  if (n === 1) return u.next() < p ? 1 : 0;
  return p > 0.5 ? n - binomialUpToHalf(u, n, 1 - p) : binomialUpToHalf(u, n, p);
}

/** Binomial(n, p) for n ≥ 2 and 0 < p ≤ 0.5. */
function binomialUpToHalf(u: Uniform, n: number, p: number): number {
  return n * p < INVERSION_MEAN ? binomialInversion(u, n, p) : binomialBySplit(u, n, p);
}

/**
 * Knuth, TAOCP vol. 2, 3.4.1 F: the a-th smallest of n uniforms is Beta(a, n + 1 − a); the
 * uniforms below it are a Binomial(a − 1, p / y) when y ≥ p, and the rest likewise above it.
 */
function binomialBySplit(u: Uniform, n: number, p: number): number {
  const a = 1 + Math.floor(n / 2);
  const b = n + 1 - a;
  const y = beta(u, a, b);
  return y >= p ? binomial(u, a - 1, p / y) : a + binomial(u, b - 1, (p - y) / (1 - y));
}

/** Kachitvichyanukul and Schmeiser's BINV: the CDF walked from 0, each probability from the last. */
function binomialInversion(u: Uniform, n: number, p: number): number {
  const q = 1 - p;
  let r = power(q, n);
  let left = u.next();
  // None, the usual outcome for a few pupils and a small chance, needs no more.
  if (left < r) return 0;
  const odds = p / q;
  const a = (n + 1) * odds;
  for (let x = 0; x < n; x += 1) {
    if (left < r) return x;
    left -= r;
    r *= a / (x + 1) - odds;
  }
  return n;
}

/** x^n for a whole n ≥ 0 by squaring: only ×, so the same bits everywhere. */
function power(x: number, n: number): number {
  let result = 1;
  let base = x;
  // n is below 2^31 (pupils in one state), so its bits can be shifted out.
  for (let k = n; k > 0; k >>>= 1) {
    if (k & 1) result *= base;
    base *= base;
  }
  return result;
}

/**
 * Poisson(mean): new plans in a cell in a year, around their expected number. `none` is e^−mean,
 * the chance of none, which a caller drawing the same mean draw after draw can work out once.
 */
export function poisson(u: Uniform, mean: number, none = Math.exp(-mean)): number {
  if (!(mean > 0)) return 0;
  if (mean >= INVERSION_MEAN) return poissonBySplit(u, mean);
  let r = none;
  let left = u.next();
  let x = 0;
  // The walk ends long before this bound unless the uniform sits in the last 1e-300 of the mass.
  while (left >= r && x < 10 * INVERSION_MEAN) {
    left -= r;
    x += 1;
    r *= mean / x;
  }
  return x;
}

/** Knuth, TAOCP vol. 2, 3.4.1 F: the m-th arrival of a unit-rate Poisson process is Gamma(m). */
function poissonBySplit(u: Uniform, mean: number): number {
  const m = Math.floor((7 * mean) / 8);
  const arrival = gamma(u, m);
  return arrival < mean ? m + poisson(u, mean - arrival) : binomial(u, m - 1, mean / arrival);
}

/** A standard normal: Marsaglia's polar method (one of the pair kept, so no state carries over). */
function normal(u: Uniform): number {
  for (;;) {
    const x = 2 * u.next() - 1;
    const y = 2 * u.next() - 1;
    const s = x * x + y * y;
    if (s > 0 && s < 1) return x * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, 1): Marsaglia and Tsang (2000); a shape below 1 by Gamma(shape + 1) × U^(1/shape). */
function gamma(u: Uniform, shape: number): number {
  if (shape < 1) return gamma(u, shape + 1) * Math.exp(Math.log(1 - u.next()) / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(u);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const w = 1 - u.next();
    if (w < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as Gamma(a) ÷ (Gamma(a) + Gamma(b)); a shape of 0 puts all the mass at that end. */
export function beta(u: Uniform, a: number, b: number): number {
  if (a <= 0) return 0;
  if (b <= 0) return 1;
  const x = gamma(u, a);
  const y = gamma(u, b);
  return x / (x + y);
}

/** Triangular on [low, high] with its mode at `mode` (uniform when low = mode = high fails: a point). */
export function triangular(u: Uniform, low: number, mode: number, high: number): number {
  const width = high - low;
  if (width <= 0) return low;
  const v = u.next();
  const below = (mode - low) / width;
  return v < below
    ? low + Math.sqrt(v * width * (mode - low))
    : high - Math.sqrt((1 - v) * width * (high - mode));
}
