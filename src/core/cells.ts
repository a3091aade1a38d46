import type { Decimal } from 'decimal.js';
import type { Cell } from './model.js';
import { NCY_MIN } from './need.js';

/** What identifies a cell: everything but its count, its bespoke cost total and its origin. */
export type CellAttributes = Pick<Cell, 'ncy' | 'need' | 'setting' | 'band' | 'origin'>;

/** A cell's identity apart from its NCY. */
export const laneOf = (cell: Pick<Cell, 'need' | 'setting' | 'band'>, bespoke: boolean): string =>
  `${cell.need}\u0000${cell.setting}\u0000${cell.band}\u0000${bespoke ? 'bespoke' : ''}`;

interface Entry {
  readonly attributes: CellAttributes;
  readonly lane: string;
  count: Decimal;
  bespokeAnnual?: Decimal;
}

/**
 * Adds up pupils (and bespoke cost totals) that share a cell. The first origin is kept.
 * Cells are held by lane, then NCY, so ageing a cohort (same lane, NCY + 1) builds no keys.
 */
export class CellAccumulator {
  private readonly lanes = new Map<string, (Entry | undefined)[]>();
  private readonly order: Entry[] = [];

  add(attributes: CellAttributes, count: Decimal, bespokeAnnual?: Decimal, lane?: string): void {
    const id = lane ?? laneOf(attributes, bespokeAnnual !== undefined);
    let slots = this.lanes.get(id);
    if (!slots) {
      slots = [];
      this.lanes.set(id, slots);
    }
    const index = attributes.ncy - NCY_MIN;
    const entry = slots[index];
    if (!entry) {
      const created: Entry = { attributes, lane: id, count, ...(bespokeAnnual !== undefined ? { bespokeAnnual } : {}) };
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
   */
  toCells(sorted = false): Cell[] {
    const entries = sorted ? [...this.order].sort(compareEntries) : this.order;
    // Built field by field (not spread): every cell has the same shape, which keeps V8's property access fast.
    return entries.map(({ attributes: a, lane, count, bespokeAnnual }) => ({ ncy: a.ncy, need: a.need, setting: a.setting, band: a.band, origin: a.origin, count, bespokeAnnual, lane }));
  }
}

function compareEntries(a: Entry, b: Entry): number {
  return a.attributes.ncy - b.attributes.ncy || (a.lane < b.lane ? -1 : a.lane > b.lane ? 1 : 0);
}

/** Folds cells (from input rows, in any order) into canonical sorted cells. */
export function aggregateCells(rows: Iterable<Cell>): Cell[] {
  const accumulator = new CellAccumulator();
  for (const { count, bespokeAnnual, lane: _lane, ...attributes } of rows) accumulator.add(attributes, count, bespokeAnnual);
  return accumulator.toCells(true);
}
