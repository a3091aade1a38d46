import type { Decimal } from 'decimal.js';
import type { Cell } from './model.js';

/** Cells are identified by every attribute that prices them. */
export function cellKey(cell: Omit<Cell, 'count' | 'origin'>): string {
  return `${cell.ncy}\u0000${cell.need}\u0000${cell.setting}\u0000${cell.band}\u0000${cell.annualCost?.toString() ?? ''}`;
}

/**
 * Adds cells that share a key and returns them in key order, so every later sum runs
 * in the same order whatever the order of the input rows. The first origin is kept.
 */
export class CellAccumulator {
  private readonly cells = new Map<string, { cell: Omit<Cell, 'count'>; count: Decimal }>();

  add(cell: Omit<Cell, 'count'>, count: Decimal): void {
    const key = cellKey(cell);
    const existing = this.cells.get(key);
    if (existing) existing.count = existing.count.plus(count);
    else this.cells.set(key, { cell, count });
  }

  toCells(): Cell[] {
    return [...this.cells.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, { cell, count }]) => ({ ...cell, count }));
  }
}

export function aggregateCells(rows: Iterable<Cell>): Cell[] {
  const accumulator = new CellAccumulator();
  for (const { count, ...rest } of rows) accumulator.add(rest, count);
  return accumulator.toCells();
}
