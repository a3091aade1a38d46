import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCells, CellAccumulator } from '../../src/core/cells.js';
import type { Cell } from '../../src/core/model.js';
import { NEED_CODES } from '../../src/core/need.js';
import { d } from './builders.js';

/** The canonical order, written out: NCY, then need, setting, band and bespoke-or-not joined as one string. */
const key = (cell: Cell) => `${cell.need}\u0000${cell.setting}\u0000${cell.band}\u0000${cell.bespokeAnnual !== undefined ? 'bespoke' : ''}`;
const canonical = (cells: readonly Cell[]) => [...cells].sort((a, b) => a.ncy - b.ncy || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const describeCell = (cell: Cell) => `${cell.ncy} ${key(cell)} ${cell.count.toString()} ${cell.bespokeAnnual?.toString() ?? ''}`;

describe('cells in canonical order', () => {
  const cell = fc.record({
    ncy: fc.integer({ min: -3, max: 20 }),
    need: fc.constantFrom(...NEED_CODES),
    setting: fc.constantFrom('mainstream', 'special', 'independent', 'special-academy'),
    band: fc.constantFrom('1', '2', '10', 'B'),
    count: fc.integer({ min: 1, max: 9 }),
    bespoke: fc.option(fc.integer({ min: 1000, max: 90000 }), { nil: undefined }),
  });

  it('come out by NCY, then lane as strings compare, whether folded from rows or handed out unsorted and folded again', () => {
    fc.assert(fc.property(fc.array(cell, { maxLength: 60 }), (rows) => {
      const accumulator = new CellAccumulator();
      for (const r of rows) accumulator.addFields(r.ncy, r.need, r.setting, r.band, undefined, d(String(r.count)), r.bespoke === undefined ? undefined : d(String(r.bespoke * r.count)));
      const unsorted = accumulator.toCells();
      const expected = canonical(unsorted).map(describeCell);
      expect(aggregateCells(unsorted).map(describeCell)).toEqual(expected);
      // Folding cells from anywhere (a copy is not the accumulator's own list) gives the same order.
      expect(aggregateCells([...unsorted].reverse()).map(describeCell)).toEqual(expected);
    }), { seed: 20261123, numRuns: 300 });
  });

  it('refuses a cell outside NCY −3 to 20 rather than lose it', () => {
    const accumulator = new CellAccumulator();
    accumulator.addFields(21, 'ASD', 'mainstream', '1', undefined, d('1'));
    expect(() => accumulator.toCells(true)).toThrow(/NCY outside/);
  });
});
