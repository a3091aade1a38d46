import type { Decimal } from 'decimal.js';
import type { Cell } from './model.js';

/** What identifies a cell: everything but its count, its bespoke cost total and its origin. */
export type CellAttributes = Pick<Cell, 'ncy' | 'need' | 'setting' | 'band' | 'origin'>;

type Entry = { -readonly [K in keyof Cell]: Cell[K] } & { readonly key: string };

/** The canonical order of cells: by NCY, then setting, band, need and whether bespoke. */
const sortKey = (ncy: number, need: string, setting: string, band: string, bespoke: boolean): string =>
  `${String(ncy + 10).padStart(2, '0')}\u0000${setting}\u0000${band}\u0000${need}\u0000${bespoke ? 'bespoke' : ''}`;

/**
 * Adds up pupils (and bespoke cost totals) that share a cell, exactly, as rows are read and as
 * levers reshape a year's new plans. The first origin is kept.
 */
export class CellAccumulator {
  private readonly byKey = new Map<string, Entry>();

  add(attributes: CellAttributes, count: Decimal, bespokeAnnual?: Decimal): void {
    this.addFields(attributes.ncy, attributes.need, attributes.setting, attributes.band, attributes.origin, count, bespokeAnnual);
  }

  /** The same as add, field by field. */
  addFields(ncy: number, need: Cell['need'], setting: string, band: string, origin: Cell['origin'], count: Decimal, bespokeAnnual?: Decimal): void {
    const key = sortKey(ncy, need, setting, band, bespokeAnnual !== undefined);
    const entry = this.byKey.get(key);
    if (!entry) {
      this.byKey.set(key, { ncy, need, setting, band, count, key, ...(origin ? { origin } : {}), ...(bespokeAnnual !== undefined ? { bespokeAnnual } : {}) });
      return;
    }
    entry.count = entry.count.plus(count);
    if (bespokeAnnual !== undefined) entry.bespokeAnnual = entry.bespokeAnnual!.plus(bespokeAnnual);
  }

  /** The cells in canonical order (NCY, then setting, band, need), so that nothing downstream depends on the order of the rows. */
  toCells(): Cell[] {
    return [...this.byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ key: _key, ...cell }) => cell);
  }
}

/** Folds cells (from input rows, in any order) into canonical cells. */
export function aggregateCells(rows: Iterable<Cell>): Cell[] {
  const accumulator = new CellAccumulator();
  for (const cell of rows) accumulator.addFields(cell.ncy, cell.need, cell.setting, cell.band, cell.origin, cell.count, cell.bespokeAnnual);
  return accumulator.toCells();
}
