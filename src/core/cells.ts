import type { Decimal } from 'decimal.js';
import type { Cell } from './model.js';
import { NCY_MIN } from './need.js';

/** What identifies a cell: everything but its count, its bespoke cost total and its origin. */
export type CellAttributes = Pick<Cell, 'ncy' | 'need' | 'setting' | 'band' | 'origin'>;

/** A cell's identity apart from its NCY. */
const laneOf = (cell: Pick<Cell, 'need' | 'setting' | 'band'>, bespoke: boolean): string =>
  `${cell.need}\u0000${cell.setting}\u0000${cell.band}\u0000${bespoke ? 'bespoke' : ''}`;

/** A cell while it is being added up; handed out as a (read-only) Cell when done. */
type Entry = { -readonly [K in keyof Cell]: Cell[K] } & { lane: string };

/**
 * Adds up pupils (and bespoke cost totals) that share a cell, as rows are read and as levers
 * reshape a year's new plans. The first origin is kept. Cells are held by lane, then NCY, and
 * the entries themselves become the cells. (The projection steps a cohort of its own: src/core/cohort.ts.)
 */
export class CellAccumulator {
  private readonly lanes = new Map<string, (Entry | undefined)[]>();
  private readonly order: Entry[] = [];

  add(attributes: CellAttributes, count: Decimal, bespokeAnnual?: Decimal): void {
    this.addFields(attributes.ncy, attributes.need, attributes.setting, attributes.band, attributes.origin, count, bespokeAnnual);
  }

  /** The same as add, field by field, so a caller need not build an object per cell. */
  addFields(ncy: number, need: Cell['need'], setting: string, band: string, origin: Cell['origin'], count: Decimal, bespokeAnnual?: Decimal): void {
    const id = laneOf({ need, setting, band }, bespokeAnnual !== undefined);
    let slots = this.lanes.get(id);
    if (!slots) {
      slots = [];
      this.lanes.set(id, slots);
    }
    const index = ncy - NCY_MIN;
    const entry = slots[index];
    if (!entry) {
      const created: Entry = { ncy, need, setting, band, origin, count, bespokeAnnual, lane: id };
      slots[index] = created;
      this.order.push(created);
      return;
    }
    entry.count = entry.count.plus(count);
    if (bespokeAnnual !== undefined) entry.bespokeAnnual = entry.bespokeAnnual!.plus(bespokeAnnual);
  }

  /**
   * The cells in insertion order, or sorted by NCY then lane. Sorting once, when cells are
   * first built from input rows, makes every later sum run in the same order whatever the row
   * order; a step visits sorted cells in order, so its output needs no sort of its own.
   * The accumulator must not be used after this.
   */
  toCells(sorted = false): Cell[] {
    if (sorted) return [...this.order].sort(compareEntries);
    DISTINCT.add(this.order);
    return this.order;
  }
}

/**
 * Lists made from another by changing counts only (a year's new plans grown from the first
 * year's, a lever scaling some of them): cell i of the list differs from cell i of the other in
 * its count alone, so whatever depends on the rest (a cell's slot in a cohort) can be reused.
 */
const RECOUNTED = new WeakMap<readonly Cell[], readonly Cell[]>();

/** `cells`, noted as `from` with only counts changed (same length, same cells but for count, in the same order). */
export function recounted<T extends readonly Cell[]>(cells: T, from: readonly Cell[]): T {
  if (cells.length === from.length) RECOUNTED.set(cells, from);
  return cells;
}

/** The list `cells` was recounted from, if any. */
export const recountedFrom = (cells: readonly Cell[]): readonly Cell[] | undefined => RECOUNTED.get(cells);

/** Cells an accumulator handed out unsorted: distinct already, so folding them again only needs the sort. */
const DISTINCT = new WeakSet<readonly Cell[]>();

function compareEntries(a: Entry, b: Entry): number {
  return a.ncy - b.ncy || (a.lane < b.lane ? -1 : a.lane > b.lane ? 1 : 0);
}

/** Folds cells (from input rows, in any order) into canonical sorted cells. */
export function aggregateCells(rows: Iterable<Cell>): Cell[] {
  if (DISTINCT.has(rows as readonly Cell[])) return [...(rows as Entry[])].sort(compareEntries);
  const accumulator = new CellAccumulator();
  for (const cell of rows) accumulator.addFields(cell.ncy, cell.need, cell.setting, cell.band, cell.origin, cell.count, cell.bespokeAnnual);
  return accumulator.toCells(true);
}
