import { toCount2dp, toPence } from '../core/rounding.js';
import { COUNT_COLUMNS, type Cell } from './rows.js';

/** Rounds a figure at the output point: counts to 2 dp, money to pence. Text passes through. */
export function plainCell(column: string, value: Cell): string {
  if (typeof value === 'string') return value;
  return COUNT_COLUMNS.has(column) ? toCount2dp(value) : toPence(value);
}

/** Groups digits in threes for people to read ("-1234567.89" → "-1,234,567.89"). */
export function withThousands(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  return `${match[1]}${match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}
