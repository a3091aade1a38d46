import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellAccumulator } from '../../src/core/cells.js';
import { projectDemand } from '../../src/core/demand/run.js';
import type { Cell } from '../../src/core/model.js';
import { NEED_CODES } from '../../src/core/need.js';
import { cell, d, model } from './builders.js';

const describeCell = (c: Cell) =>
  `${c.ncy} ${c.setting} ${c.band} ${c.need} ${c.bespokeAnnual !== undefined ? 'bespoke' : ''} ${c.count.toString()} ${c.bespokeAnnual?.toString() ?? ''}`;

describe('cells as cohort rows are read', () => {
  const row = fc.record({
    ncy: fc.integer({ min: -3, max: 20 }),
    need: fc.constantFrom(...NEED_CODES),
    setting: fc.constantFrom('mainstream', 'special', 'independent', 'special-academy'),
    band: fc.constantFrom('1', '2', '10', 'B'),
    count: fc.integer({ min: 1, max: 9 }),
    bespoke: fc.option(fc.integer({ min: 1000, max: 90000 }), { nil: undefined }),
  });

  it('fold rows of one cell into one, counts and bespoke costs summed exactly, whatever the order of the rows', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const fold = (ordered: typeof rows) => {
          const accumulator = new CellAccumulator();
          for (const r of ordered)
            accumulator.addFields(
              r.ncy,
              r.need,
              r.setting,
              r.band,
              undefined,
              d(String(r.count)),
              r.bespoke === undefined ? undefined : d(String(r.bespoke * r.count)),
            );
          return accumulator.toCells().map(describeCell).sort();
        };
        const folded = fold(rows);
        expect(fold([...rows].reverse())).toEqual(folded);
        expect(new Set(folded.map((c) => c.split(' ').slice(0, 5).join(' '))).size).toBe(
          folded.length,
        );
        const total = rows.reduce((t, r) => t + r.count, 0);
        expect(folded.reduce((t, c) => t + Number(c.split(' ')[5]), 0)).toBe(total);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('a model built in code with a cell outside NCY −3 to 20 is refused, not folded into another lane', () => {
    expect(() =>
      projectDemand(model({ cohort: [cell(21, 'ASD', 'mainstream', '1', '1')] }), 2026),
    ).toThrow(/outside -3 to 20/);
  });
});
