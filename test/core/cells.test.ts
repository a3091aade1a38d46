import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCells, CellAccumulator } from '../../src/core/cells.js';
import type { Cell } from '../../src/core/model.js';
import { NEED_CODES } from '../../src/core/need.js';
import { projectDemand } from '../../src/core/demand/run.js';
import { cell, d, model } from './builders.js';

/** The canonical order, written out: NCY, then setting, band, need and bespoke-or-not joined as one string. */
const key = (cell: Cell) => `${cell.setting}\u0000${cell.band}\u0000${cell.need}\u0000${cell.bespokeAnnual !== undefined ? 'bespoke' : ''}`;
const canonical = (cells: readonly Cell[]) => [...cells].sort((a, b) => a.ncy - b.ncy || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const describeCell = (cell: Cell) => `${cell.ncy} ${key(cell)} ${cell.count.toString()} ${cell.bespokeAnnual?.toString() ?? ''}`;

describe('cells in canonical order', () => {
  const cellArb = fc.record({
    ncy: fc.integer({ min: -3, max: 20 }),
    need: fc.constantFrom(...NEED_CODES),
    setting: fc.constantFrom('mainstream', 'special', 'independent', 'special-academy'),
    band: fc.constantFrom('1', '2', '10', 'B'),
    count: fc.integer({ min: 1, max: 9 }),
    bespoke: fc.option(fc.integer({ min: 1000, max: 90000 }), { nil: undefined }),
  });

  it('come out by NCY, then setting, band and need as strings compare, whatever the order of the rows', () => {
    fc.assert(fc.property(fc.array(cellArb, { maxLength: 60 }), (rows) => {
      const accumulator = new CellAccumulator();
      for (const r of rows) accumulator.addFields(r.ncy, r.need, r.setting, r.band, undefined, d(String(r.count)), r.bespoke === undefined ? undefined : d(String(r.bespoke * r.count)));
      const folded = accumulator.toCells();
      expect(folded.map(describeCell)).toEqual(canonical(folded).map(describeCell));
      // Rows in the other order fold to the same cells, counts and costs summed exactly.
      const reversed = [...rows].reverse().map((r) => ({ ncy: r.ncy, need: r.need, setting: r.setting, band: r.band, count: d(String(r.count)), ...(r.bespoke === undefined ? {} : { bespokeAnnual: d(String(r.bespoke * r.count)) }) }));
      expect(aggregateCells(reversed).map(describeCell)).toEqual(folded.map(describeCell));
      expect(new Set(folded.map((c) => `${c.ncy} ${key(c)}`)).size).toBe(folded.length);
    }), { seed: 20261123, numRuns: 300 });
  });

  it('a model built in code with a cell outside NCY −3 to 20 is refused, not folded into another lane', () => {
    expect(() => projectDemand(model({ cohort: [cell(21, 'ASD', 'mainstream', '1', '1')] }), 2026)).toThrow(/outside -3 to 20/);
  });
});
