import type { Decimal } from 'decimal.js';
import { toPence } from './rounding.js';
import { withThousands } from './thousands.js';

/**
 * £ to the penny with thousands separators, the sign before the £ as people write it:
 * "£1,234,567.89", "-£5.00". The one way messages, tables and reports print an amount in words.
 */
export function poundsText(value: Decimal): string {
  return poundsOfPence(toPence(value));
}

/** poundsText of an amount already printed to the penny ("-1234.50"): a JSON figure, say. */
export function poundsOfPence(pence: string): string {
  const text = withThousands(pence);
  return text.startsWith('-') ? `-£${text.slice(1)}` : `£${text}`;
}
