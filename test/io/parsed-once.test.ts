import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { fromWire, toWire } from '../../src/io/batch/area-records.js';
import { readNationalCsv } from '../../src/io/batch/rows-by-area.js';
import { CsvRow } from '../../src/io/csv-table.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { COHORT_COLUMNS, readCohort } from '../../src/io/read-cohort.js';
import { check, csv } from '../helpers/io-tables.js';

/**
 * ParsedOnce keeps only a text that parsed cleanly: a text with an error or a normalisation note
 * is read again at every row that has it, so each row is located and counted, and none is dropped.
 */
const HEADER = 'ncy,need,setting,band,count';
/** Rows with a bad need (SEMHX, lines 3 and 4) and a year name read as an NCY (Year 9, lines 5 and 6). */
const LINES = [
  '2,ASD,special,A,',
  '3,SEMHX,special,A,',
  '4,SEMHX,special,A,',
  'Year 9,ASD,special,A,',
  'Year 9,MLD,special,A,',
];

const located = (issues: readonly Issue[]) =>
  issues.map((i) => `${i.location?.line}:${i.location?.column} ${i.code}`);

describe('cells whose text has a problem or a note, read at every row that has it', () => {
  it.each([false, true])(
    'reports a bad need at each row and counts a normalised NCY at each (tallied rows: %s)',
    (tallied) => {
      const issues: Issue[] = [];
      const cells = readCohort(
        csv('cohort.csv', COHORT_COLUMNS, HEADER, ...LINES),
        undefined,
        check,
        issues,
        tallied ? LINES.map(() => 1) : undefined,
      );
      expect(located(issues)).toEqual([
        '3:2 UNKNOWN_NEED',
        '4:2 UNKNOWN_NEED',
        '5:1 CODE_NORMALISED',
      ]);
      expect(issues[2]!.message).toContain('in 2 cells ("Year 9" as 9');
      expect(cells.map((c) => [c.ncy, c.need])).toEqual([
        [2, 'ASD'],
        [9, 'ASD'],
        [9, 'MLD'],
      ]);
    },
  );

  it("does the same for a national cohort's area as the batch reads it, identical rows tallied", () => {
    const text = [
      'area,ncy,need,setting,band,count',
      ...LINES.map((line) => `E1,${line}`),
      // Repeats of lines 3 and 5, tallied into them: the NCY's note counts 3 cells.
      'E1,3,SEMHX,special,A,',
      'E1,Year 9,ASD,special,A,',
    ].join('\n');
    const national = readNationalCsv(text, 'cohort.csv', COHORT_COLUMNS, DEFAULT_LIMITS, {
      tally: true,
    });
    // As a worker gets the area's records and makes its table (area-source.ts).
    const records = fromWire(structuredClone(toWire(national.byArea.get('E1'))))!;
    expect(records.map((r) => r.repeats)).toEqual([1, 2, 1, 2, 1]);
    const index = new Map(national.columns.map((name, i) => [name, i]));
    const table = {
      file: 'cohort.csv',
      rows: records.map((r) => new CsvRow('cohort.csv', r.line, r.fields, index, national.header)),
      issues: [],
    };
    const issues: Issue[] = [];
    const cells = readCohort(
      table,
      'E1',
      check,
      issues,
      records.map((r) => r.repeats),
    );
    expect(located(issues)).toEqual([
      '3:3 UNKNOWN_NEED',
      '4:3 UNKNOWN_NEED',
      '5:2 CODE_NORMALISED',
    ]);
    expect(issues[2]!.message).toContain('in 3 cells ("Year 9" as 9');
    expect(cells.map((c) => [c.ncy, c.need, c.count.toFixed()])).toEqual([
      [2, 'ASD', '1'],
      [9, 'ASD', '2'],
      [9, 'MLD', '1'],
    ]);
  });
});
