import type { Decimal } from 'decimal.js';
import { toDouble } from '../demand/count.js';
import type { Uncertainty } from '../uncertainty.js';
import { rangeDraw } from './draw-range.js';
import { beta } from './sample.js';
import type { Uniform } from './stream.js';

/** An uncertain figure as doubles, made once: the figure (a rate or a count) and how it varies. */
export interface UncertainFigure {
  readonly value: number;
  readonly draw: (u: Uniform) => number;
}

/**
 * How one row's figure is drawn (docs/simulate.md, "Where the uncertainty comes from"): a
 * posterior as Beta(rate × exposure, (1 − rate) × exposure), whose mean is the rate itself (it is
 * Beta(observed, exposure − observed) when the rate is observed ÷ exposure, as the reader checks);
 * a range as triangular(low, rate, high), or uniform on low–high (src/core/simulate/draw-range.ts).
 */
export function uncertainFigure(figure: Decimal, uncertainty: Uncertainty): UncertainFigure {
  const value = toDouble(figure);
  if (uncertainty.kind === 'posterior') {
    const exposure = toDouble(uncertainty.exposure);
    const a = value * exposure;
    const b = (1 - value) * exposure;
    return { value, draw: (u) => beta(u, a, b) };
  }
  return { value, draw: rangeDraw(uncertainty, value) };
}
