import type { Decimal } from 'decimal.js';
import { toPence } from './rounding.js';

/** £ to the penny with thousands separators, for messages: "£1,234,567.89", "-£5.00". */
export function poundsText(value: Decimal): string {
  const text = toPence(value);
  const [whole = '', pence = ''] = text.replace('-', '').split('.');
  return `${text.startsWith('-') ? '-' : ''}£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pence}`;
}
