import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/io/csv-table.js';
import { COHORT_COLUMNS } from '../../src/io/read-cohort.js';

/**
 * Found by a user trial of Excel-saved inputs: a sheet with a title above its table gave four
 * "required column is missing" errors at line 1 while line 2 held every one of them.
 */
describe('column names a few lines down', () => {
  const table = (text: string) => readCsvTable(text, 'cohort.csv', COHORT_COLUMNS);

  it('a title line above them: one error naming the line that holds them', () => {
    const { rows, issues } = table(
      '\uFEFFEHCP cohort January 2026,,,,\r\nncy,need,setting,band,count\r\n7,ASD,mainstream,1,4\r\n',
    );
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'MISSING_COLUMN',
        message:
          'the column names are on line 2, not line 1 (which holds "EHCP cohort January 2026")',
        location: { file: 'cohort.csv', line: 1 },
        hint: "delete the line above the column names, so that they are the file's first line",
      },
    ]);
  });

  it('a title and a blank line: the hint counts both', () => {
    const { issues } = table('Cohort,,,\n,,,\nNCY,Need,Setting,Band\n7,ASD,mainstream,1\n');
    expect(issues.map((issue) => [issue.message, issue.hint])).toEqual([
      [
        'the column names are on line 3, not line 1 (which holds "Cohort")',
        "delete the 2 lines above the column names, so that they are the file's first line",
      ],
    ]);
  });

  it('a header that lacks a column, with no line below holding them all: each missing column, as before', () => {
    const { issues } = table('ncy,need,setting\n7,ASD,mainstream\n');
    expect(issues.map((issue) => issue.message)).toEqual(['required column "band" is missing']);
  });
});
