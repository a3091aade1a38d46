import { toCount2dp, toPence } from '../core/rounding.js';
import { COUNT_COLUMNS, type Cell } from './rows.js';

/** Rounds a figure at the output point: counts to 2 dp, money to pence. Text passes through. */
export function plainCell(column: string, value: Cell): string {
  if (typeof value === 'string') return value;
  return COUNT_COLUMNS.has(column) ? toCount2dp(value) : toPence(value);
}
