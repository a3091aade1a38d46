import { describe, expect, it } from 'vitest';
import { error, type Issue } from '../../src/core/issue.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { readRepeatedLines } from '../../src/io/repeated-lines.js';
import { readCsvTable } from '../../src/io/csv-table.js';

const SPEC = { required: ['a', 'b'], optional: [] } as const;
/** A value per row, or a located error where b is "bad". */
const parse = (
  row: { get(n: string): string; at(n?: string): { file: string } },
  issues: Issue[],
) => {
  if (row.get('b') === 'bad') {
    issues.push(error('INVALID_NUMBER', 'bad', row.at('b')));
    return undefined;
  }
  return { a: row.get('a'), b: row.get('b') };
};

describe('readRepeatedLines', () => {
  it('parses each distinct line once and shares its value', () => {
    const issues: Issue[] = [];
    const values = readRepeatedLines(
      'a,b\r\n1,x\r\n1,x\r\n\r\n2,y\r\n',
      'f.csv',
      SPEC,
      DEFAULT_LIMITS,
      issues,
      parse,
    )!;
    expect(values).toHaveLength(3);
    expect(values[0]).toBe(values[1]);
    expect(values[2]).toEqual({ a: '2', b: 'y' });
    expect(issues).toEqual([]);
  });

  it('reports a bad line at every line that repeats it, and a wrong field count', () => {
    const issues: Issue[] = [];
    readRepeatedLines('a,b\n1,bad\n2,y\n1,bad\n3\n', 'f.csv', SPEC, DEFAULT_LIMITS, issues, parse);
    expect(issues.map((i) => [i.code, i.location?.line, i.location?.column])).toEqual([
      ['INVALID_NUMBER', 2, 2],
      ['INVALID_NUMBER', 4, 2],
      ['COLUMN_COUNT', 5, undefined],
    ]);
  });

  it('leaves a file with quotes, lines ended by CR alone, or a missing column, to the full reader', () => {
    const issues: Issue[] = [];
    expect(
      readRepeatedLines('a,b\n"1",x\n', 'f.csv', SPEC, DEFAULT_LIMITS, issues, parse),
    ).toBeUndefined();
    // Lines ended by CR alone (an old Mac's CSV) were one line here: no rows, and no word of it.
    expect(
      readRepeatedLines('a,b\r1,x\r', 'f.csv', SPEC, DEFAULT_LIMITS, issues, parse),
    ).toBeUndefined();
    // A header it cannot read too, so that the full reader says why (column names below a title).
    expect(
      readRepeatedLines('a\n1\n', 'f.csv', SPEC, DEFAULT_LIMITS, issues, parse),
    ).toBeUndefined();
    expect(issues).toEqual([]);
  });

  it('reads a header and a totals row as the full reader does', () => {
    // Found by an analyst's trial: a transitions history headed "Calendar Year, Setting 1, …" was
    // said to be read as calendar-year, setting-1, … and then every cell of it was "empty" (11,497
    // errors), as this reader matched a header in lower case alone; and its "Total" row was an
    // error in every column, where the full reader leaves it out (TOTALS_ROW).
    const spec = { required: ['calendar-year', 'setting-1'], optional: [] } as const;
    const text = 'Calendar Year,Setting 1\r\n2019,MMSIB\r\n2019,MMSIB\r\nTotal,\r\n';
    const read = (row: { get(n: string): string }) => [
      row.get('calendar-year'),
      row.get('setting-1'),
    ];
    const issues: Issue[] = [];
    const values = readRepeatedLines(text, 'f.csv', spec, DEFAULT_LIMITS, issues, read);
    const full = readCsvTable(text, 'f.csv', spec, DEFAULT_LIMITS);
    expect(values).toEqual(full.rows.map(read));
    expect(values).toEqual([
      ['2019', 'MMSIB'],
      ['2019', 'MMSIB'],
    ]);
    expect(issues.map((i) => [i.code, i.location?.line])).toEqual(
      full.issues.map((i) => [i.code, i.location?.line]),
    );
    expect(issues.map((i) => i.code)).toContain('TOTALS_ROW');
  });
});
