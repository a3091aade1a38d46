import { describe, expect, it } from 'vitest';
import { error, type Issue, warning } from '../../src/core/issue.js';
import { formatIssues, type IssuePaint } from '../../src/cli/print-issues.js';

/** The terminal's list of issues: errors first, warnings of the same words in one column once. */
const plain = (text: string) => text;
const paint: IssuePaint = { error: plain, warning: plain, dim: plain };

const outside = (line: number, column = 1, file = 'places.csv'): Issue =>
  warning(
    'YEAR_OUT_OF_RANGE',
    'academic year 2023/24 is outside; the row is ignored',
    { file, line, column },
    'a hint',
  );

describe('formatIssues', () => {
  it('lists errors first, then warnings, each in the order given, and counts them all', () => {
    const text = formatIssues(
      [
        warning('UNKNOWN_COLUMN', 'w1', { file: 'a.csv', line: 1, column: 2 }),
        error('UNKNOWN_NEED', 'e1', { file: 'a.csv', line: 5, column: 2 }),
        warning('UNKNOWN_COLUMN', 'w2', { file: 'b.csv', line: 1, column: 2 }),
        error('UNKNOWN_NEED', 'e2', { file: 'b.csv', line: 3, column: 2 }),
      ],
      paint,
    );
    expect(text).toBe(
      [
        'a.csv:5:2: error UNKNOWN_NEED: e1',
        'b.csv:3:2: error UNKNOWN_NEED: e2',
        'a.csv:1:2: warning UNKNOWN_COLUMN: w1',
        'b.csv:1:2: warning UNKNOWN_COLUMN: w2',
        '2 errors, 2 warnings',
        '',
      ].join('\n'),
    );
  });

  it('folds warnings of one code, words and hint in one column of one file, with runs of their lines', () => {
    const lines = [3, 4, 5, 6, 9, 12, 13];
    const text = formatIssues(
      lines.map((line) => outside(line)),
      paint,
    );
    expect(text).toBe(
      'places.csv:3:1: warning YEAR_OUT_OF_RANGE: academic year 2023/24 is outside; the row is ignored (and in 6 more cells of this column: lines 4–6, 9 and 12–13)\n  hint: a hint\n7 warnings\n',
    );
    expect(formatIssues([outside(3), outside(8)], paint)).toContain(
      '(and in 1 more cell of this column: line 8)',
    );
    // A row's own problem (no column) is said to be of rows.
    const rows = [3, 4].map((line) => warning('YEAR_OUT_OF_RANGE', 'x', { file: 'f.csv', line }));
    expect(formatIssues(rows, paint)).toBe(
      'f.csv:3: warning YEAR_OUT_OF_RANGE: x (and in 1 more row: line 4)\n2 warnings\n',
    );
  });

  it('folds errors the same way, apart from warnings: one value a case system wrote down a column', () => {
    // Found by trying it: "Autism" for ASD on 308 rows of a cohort gave an error a line, and the
    // first 200 hid the rows of an unknown setting below them.
    const autism = (line: number) =>
      error('UNKNOWN_NEED', 'need "Autism" is not a SEN2 primary-need code', {
        file: 'cohort.csv',
        line,
        column: 2,
      });
    const setting = (line: number) =>
      error('UNKNOWN_SETTING', 'setting "Independent school" is not in tariff "t"', {
        file: 'cohort.csv',
        line,
        column: 3,
      });
    const issues = [
      ...Array.from({ length: 308 }, (_, i) => autism(i + 2)),
      ...Array.from({ length: 140 }, (_, i) => setting(i + 310)),
    ];
    expect(formatIssues(issues, paint)).toBe(
      [
        'cohort.csv:2:2: error UNKNOWN_NEED: need "Autism" is not a SEN2 primary-need code (and in 307 more cells of this column: lines 3–309)',
        'cohort.csv:310:3: error UNKNOWN_SETTING: setting "Independent school" is not in tariff "t" (and in 139 more cells of this column: lines 311–449)',
        '448 errors',
        '',
      ].join('\n'),
    );
  });

  it('keeps distinct problems distinct: severities, other codes, words, hints, columns, files, JSON paths', () => {
    const distinct: Issue[] = [
      error('UNKNOWN_NEED', 'same', { file: 'a.csv', line: 2, column: 2 }),
      warning('UNKNOWN_NEED', 'same', { file: 'a.csv', line: 3, column: 2 }),
      outside(4),
      { ...outside(5), code: 'PLACES_NOT_FUNDED' },
      { ...outside(6), message: 'academic year 2024/25 is outside; the row is ignored' },
      { ...outside(7), hint: 'another hint' },
      outside(8, 2),
      outside(9, 1, 'other.csv'),
      warning('UNKNOWN_COLUMN', 'same', { file: 'm.json', line: 2, column: 3, path: '$.a' }),
      warning('UNKNOWN_COLUMN', 'same', { file: 'm.json', line: 4, column: 3, path: '$.b' }),
      warning('UNKNOWN_COLUMN', 'whole file', { file: 'm.csv' }),
      warning('UNKNOWN_COLUMN', 'whole file', { file: 'm.csv' }),
    ];
    const text = formatIssues(distinct, paint);
    expect(text).not.toContain('more cell');
    expect(text.split('\n').filter((line) => / (error|warning) /.test(line))).toHaveLength(
      distinct.length,
    );
  });

  it('does not fold when told not to (JSON output lists every one)', () => {
    const text = formatIssues([outside(3), outside(4)], { ...paint, fold: false });
    expect(text.split('\n').filter((line) => line.includes(' warning '))).toHaveLength(2);
  });

  it('lists at most 20 runs of lines, and counts the rest', () => {
    const lines = Array.from({ length: 30 }, (_, i) => 2 + 2 * i);
    const text = formatIssues(
      lines.map((line) => outside(line)),
      paint,
    );
    expect(text).toContain(
      '(and in 29 more cells of this column: lines 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42 and 9 more)',
    );
  });

  it('caps the list at `most` lines, a folded warning one of them, and counts the issues not shown', () => {
    const issues = [
      error('UNKNOWN_NEED', 'e', { file: 'a.csv', line: 9, column: 2 }),
      outside(3),
      outside(4),
      outside(5, 2),
    ];
    const text = formatIssues(issues, { ...paint, most: 2 });
    expect(text).toBe(
      [
        'a.csv:9:2: error UNKNOWN_NEED: e',
        'places.csv:3:1: warning YEAR_OUT_OF_RANGE: academic year 2023/24 is outside; the row is ignored (and in 1 more cell of this column: line 4)',
        '  hint: a hint',
        '… and 1 more not shown (the first 3 are above; run again with HIGHNEEDS_MAX_PROBLEMS=3 to list them all)',
        '1 error, 3 warnings',
        '',
      ].join('\n'),
    );
  });

  // Found by a review: the count said "1 error" under a national run's one line for four areas'
  // problems (src/report/area-issues.ts), as it counted lines, not the issues they say.
  it('counts the problems a line says for several areas, listed, folded or not shown', () => {
    const grouped = {
      ...error('NFF_AREA_MISSING', 'no row (area N01); also in 3 other areas: …'),
      standsFor: 4,
    };
    expect(formatIssues([grouped], paint)).toBe(
      'highneeds: error NFF_AREA_MISSING: no row (area N01); also in 3 other areas: …\n4 errors\n',
    );
    const note = (line: number) => ({ ...outside(line), standsFor: 3 });
    expect(
      formatIssues([note(3), note(4)], paint)
        .split('\n')
        .at(-2),
    ).toBe('6 warnings');
    const text = formatIssues([error('UNKNOWN_NEED', 'e'), grouped, note(3)], {
      ...paint,
      most: 1,
    });
    expect(text).toContain(
      '… and 7 more not shown (the first is above; run again with HIGHNEEDS_MAX_PROBLEMS=3 to list them all)\n5 errors, 3 warnings\n',
    );
  });
});
