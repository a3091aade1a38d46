import type { Decimal } from 'decimal.js';
import { UsageError } from '../core/errors.js';
import { whyNotNumber } from '../io/normalise.js';
import { amountOption } from './amount-option.js';

/**
 * simulate --threshold: each value is one amount in pounds, written plainly (-5000000) or as a
 * spreadsheet writes it (-5,000,000, -£5,000,000, £-5,000,000), read by the same rule as an amount
 * cell. A comma therefore only ever separates thousands; for more than one threshold the option is
 * repeated (docs/simulate.md). The same amount given twice is one threshold.
 */
export function thresholdOption(texts: readonly string[] = []): Decimal[] {
  const amounts: Decimal[] = [];
  for (const text of texts) {
    const trimmed = text.trim();
    const value = amountOption(trimmed);
    if (!value)
      throw new UsageError(
        `--threshold must be one amount in pounds such as -5000000 or -5,000,000 (a deficit is negative), not "${text}": ${whyNotNumber(trimmed, 'amount')}; for more than one, repeat --threshold`,
      );
    // Printed to the penny (column p_below_<pounds>, the table, JSON): -100000.005 beside
    // -100000.01 made two columns of one name (an analyst's trial).
    if (value.decimalPlaces() > 2)
      throw new UsageError(
        `--threshold is an amount in pounds and pence, at most 2 decimal places, not "${text}"`,
      );
    if (!amounts.some((amount) => amount.equals(value))) amounts.push(value);
  }
  return amounts;
}
