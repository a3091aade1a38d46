import type { Decimal } from 'decimal.js';
import { InternalError } from './errors.js';
import type { Cell } from './model.js';
import { NestedMap } from './nested-map.js';
import { NCY_MAX, NCY_MIN } from './need.js';

/** What identifies a cell: everything but its count, its bespoke cost total and its origin. */
export type CellAttributes = Pick<Cell, 'ncy' | 'need' | 'setting' | 'band' | 'origin'>;

/** A cell's identity apart from its NCY, as sorting compares it. */
const laneOf = (need: string, setting: string, band: string, bespoke: boolean): string =>
  `${need}\u0000${setting}\u0000${band}\u0000${bespoke ? 'bespoke' : ''}`;

/** A cell while it is being added up; handed out as a (read-only) Cell when done. */
type Entry = { -readonly [K in keyof Cell]: Cell[K] } & { lane: string };

/** One lane's cells by NCY offset, and its sort key. */
interface LaneCells {
  readonly lane: string;
  readonly byNcy: (Entry | undefined)[];
}

/**
 * Adds up pupils (and bespoke cost totals) that share a cell, as rows are read and as levers
 * reshape a year's new plans. The first origin is kept. Cells are held by lane, then NCY, and
 * the entries themselves become the cells. (The projection steps a cohort of its own: src/core/cohort.ts.)
 */
export class CellAccumulator {
  // Nested maps (NestedMap), not one key string built per row: this runs for every distinct row of a national cohort.
  private readonly lanes = new NestedMap<[LaneCells | undefined, LaneCells | undefined]>();
  private readonly order: Entry[] = [];
  /** Every lane met, each once. */
  private readonly laneList: LaneCells[] = [];

  add(attributes: CellAttributes, count: Decimal, bespokeAnnual?: Decimal): void {
    this.addFields(attributes.ncy, attributes.need, attributes.setting, attributes.band, attributes.origin, count, bespokeAnnual);
  }

  /** The same as add, field by field, so a caller need not build an object per cell. */
  addFields(ncy: number, need: Cell['need'], setting: string, band: string, origin: Cell['origin'], count: Decimal, bespokeAnnual?: Decimal): void {
    const bespoke = bespokeAnnual !== undefined;
    const byBand = this.lanes.under(need, setting);
    let pair = byBand.get(band);
    if (!pair) {
      pair = [undefined, undefined];
      byBand.set(band, pair);
    }
    let cells = pair[bespoke ? 1 : 0];
    if (!cells) {
      cells = { lane: laneOf(need, setting, band, bespoke), byNcy: [] };
      pair[bespoke ? 1 : 0] = cells;
      this.laneList.push(cells);
    }
    const index = ncy - NCY_MIN;
    const entry = cells.byNcy[index];
    if (!entry) {
      const created: Entry = { ncy, need, setting, band, origin, count, bespokeAnnual, lane: cells.lane };
      cells.byNcy[index] = created;
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
    if (sorted) return this.sorted();
    ACCUMULATED.set(this.order, this);
    return this.order;
  }

  /** The cells by NCY, then lane (as strings compare), read off the lanes sorted: no cell is compared with another. */
  sorted(): Cell[] {
    const lanes = [...this.laneList].sort((a, b) => (a.lane < b.lane ? -1 : a.lane > b.lane ? 1 : 0));
    const cells: Entry[] = [];
    for (let offset = 0; offset < SPAN_OF_NCY; offset += 1) {
      for (const lane of lanes) {
        const entry = lane.byNcy[offset];
        if (entry) cells.push(entry);
      }
    }
    // A cell outside NCY −3…20 has no place in a lane: the readers refuse one, so this is a model built in code.
    if (cells.length !== this.order.length) throw new InternalError(`${this.order.length - cells.length} cells have an NCY outside ${NCY_MIN} to ${NCY_MAX}`);
    return cells;
  }
}

const SPAN_OF_NCY = NCY_MAX - NCY_MIN + 1;

/**
 * Lists made from another by changing counts only (a year's new plans grown from the first
 * year's, a lever scaling some of them): cell i of the list differs from cell i of the other in
 * its count alone, so whatever depends on the rest (a cell's slot in a cohort) can be reused.
 */
const RECOUNTED = new WeakMap<readonly Cell[], readonly Cell[]>();

/** `cells`, noted as `from` with only counts changed (same length, same cells but for count, in the same order). */
export function recounted<T extends readonly Cell[]>(cells: T, from: readonly Cell[]): T {
  if (cells !== from && cells.length === from.length) RECOUNTED.set(cells, from);
  return cells;
}

/** The list `cells` was recounted from, if any. */
export const recountedFrom = (cells: readonly Cell[]): readonly Cell[] | undefined => RECOUNTED.get(cells);

/** Cells an accumulator handed out unsorted, with it: distinct already, so folding them again only needs the sort. */
const ACCUMULATED = new WeakMap<readonly Cell[], CellAccumulator>();

/** Folds cells (from input rows, in any order) into canonical sorted cells. */
export function aggregateCells(rows: Iterable<Cell>): Cell[] {
  const accumulated = ACCUMULATED.get(rows as readonly Cell[]);
  if (accumulated) return accumulated.sorted();
  const accumulator = new CellAccumulator();
  for (const cell of rows) accumulator.addFields(cell.ncy, cell.need, cell.setting, cell.band, cell.origin, cell.count, cell.bespokeAnnual);
  return accumulator.toCells(true);
}
