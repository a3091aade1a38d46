import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHistory } from '../../src/io/open-history.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-year-fold-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a census year written one unreadable way in every row', () => {
  it('is one error per way it is written, with how many cells, not one per row', () => {
    // Found by an analyst's trial: a census column of two-digit years ("Jan-19"), as Excel saves a
    // date shown mmm-yy, was INVALID_YEAR on each of 2,403 rows; the first 200 filled the screen
    // with one problem, and the other problems of the files were past them.
    const rows = ['year,person_id,ncy,need,setting'];
    for (let p = 1; p <= 30; p += 1) {
      rows.push(`Jan-19,P${p},5,ASD,MMSIB`);
      rows.push(`Jan-20,P${p},6,ASD,MMSIB`);
    }
    rows.push('Jan-20,P99,6,XYZ,MMSIB');
    const snapshots = path.join(scratch, 'snapshots.csv');
    writeFileSync(snapshots, `${rows.join('\n')}\n`);
    const population = path.join(scratch, 'population.csv');
    writeFileSync(population, 'calendar-year,academic-year,population\n2020,6,1000\n');
    const { issues } = loadHistory({ snapshots, population });
    const years = issues.filter((i) => i.code === 'INVALID_YEAR');
    expect(years.map((i) => [i.message, i.location?.line, i.location?.column])).toEqual([
      ['calendar year "Jan-19" is not written like 2024 (30 cells, the first here)', 2, 1],
      ['calendar year "Jan-20" is not written like 2024 (31 cells, the first here)', 3, 1],
    ]);
    expect(years[0]!.hint).toContain('the year of a January census');
    // The files' other problems are said beside them.
    expect(issues.map((i) => i.code)).toContain('UNKNOWN_NEED');
  });
});
