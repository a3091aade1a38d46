import type { Decimal } from 'decimal.js';
import { parseDecimal } from '../core/decimal.js';
import { spreadsheetNumber } from '../io/normalise.js';

/**
 * An amount in pounds given on the command line, written plainly (-5000000) or as a spreadsheet
 * writes it (-5,000,000, -£5,000,000, £-5,000,000), by the rule an amount cell is read with
 * (src/io/normalise.ts); undefined when it is neither.
 */
export function amountOption(text: string): Decimal | undefined {
  const trimmed = text.trim();
  return parseDecimal(trimmed) ?? spreadsheetNumber(trimmed, 'amount')?.value;
}
