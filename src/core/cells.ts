import type { Decimal } from 'decimal.js';
import type { Cell } from './model.js';

/** What identifies a cell: everything but its count, its bespoke cost total and its origin. */
export type CellAttributes = Pick<Cell, 'ncy' | 'need' | 'setting' | 'band' | 'origin'>;

const keyOf = (cell: CellAttributes, bespoke: boolean): string =>
  `${cell.ncy}\u0000${cell.need}\u0000${cell.setting}\u0000${cell.band}\u0000${bespoke ? 'bespoke' : ''}`;

interface Entry {
  readonly attributes: CellAttributes;
  count: Decimal;
  bespokeAnnual?: Decimal;
}

/** Adds up pupils (and bespoke cost totals) that share a cell. The first origin is kept. */
export class CellAccumulator {
  private readonly entries = new Map<string, Entry>();

  add(attributes: CellAttributes, count: Decimal, bespokeAnnual?: Decimal): void {
    const key = keyOf(attributes, bespokeAnnual !== undefined);
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { attributes, count, ...(bespokeAnnual !== undefined ? { bespokeAnnual } : {}) });
      return;
    }
    entry.count = entry.count.plus(count);
    if (bespokeAnnual !== undefined) entry.bespokeAnnual = entry.bespokeAnnual!.plus(bespokeAnnual);
  }

  /**
   * The cells in insertion order, or sorted by key. Sorting once, when cells are first built
   * from input rows, makes every later sum run in the same order whatever the row order; a
   * step visits sorted cells in order, so its output needs no sort of its own.
   */
  toCells(sorted = false): Cell[] {
    const entries = sorted ? [...this.entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [...this.entries.entries()];
    return entries.map(([, { attributes, count, bespokeAnnual }]) => ({ ...attributes, count, ...(bespokeAnnual !== undefined ? { bespokeAnnual } : {}) }));
  }
}

/** Folds cells (from input rows, in any order) into canonical sorted cells. */
export function aggregateCells(rows: Iterable<Cell>): Cell[] {
  const accumulator = new CellAccumulator();
  for (const { count, bespokeAnnual, ...attributes } of rows) accumulator.add(attributes, count, bespokeAnnual);
  return accumulator.toCells(true);
}
