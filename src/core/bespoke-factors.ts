import type { Decimal } from 'decimal.js';
import { mapIn } from './demand/map-in.js';
import { ZERO } from './decimal.js';
import type { MonthIndex } from './period.js';
import { spanKey } from './series-prices.js';

/** A pupil's own annual cost over a span: the uplift factor in each month, and their sum (ZERO + each in turn). */
export interface BespokeFactors {
  readonly factors: readonly Decimal[];
  readonly sum: Decimal;
}

/**
 * The factors on a pupil's own annual cost over a span (RateBook.bespokeFactor in each month),
 * found once per start date and span: every bespoke lane of a projection that starts then asks
 * the same spans.
 */
export class BespokeFactorSums {
  /** By the date a pupil's own cost starts, then by span (spanKey). */
  private readonly byStart = new Map<string, Map<number, BespokeFactors>>();

  constructor(private readonly factorIn: (from: string, month: MonthIndex) => Decimal) {}

  of(from: string, months: readonly MonthIndex[]): BespokeFactors {
    const bySpan = mapIn(this.byStart, from);
    const span = spanKey(months);
    let sums = bySpan.get(span);
    if (!sums) {
      const factors = months.map((m) => this.factorIn(from, m));
      sums = { factors, sum: factors.reduce((total, factor) => total.plus(factor), ZERO) };
      bySpan.set(span, sums);
    }
    return sums;
  }
}
