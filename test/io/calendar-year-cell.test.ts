import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { calendarYear } from '../../src/io/calendar-year-cell.js';
import { CsvRow } from '../../src/io/csv-table.js';

const read = (text: string) => {
  const issues: Issue[] = [];
  const year = calendarYear(
    new CsvRow('snapshots.csv', 2, [text], new Map([['year', 0]])),
    'year',
    issues,
  );
  return { year, issues };
};

describe("a history's calendar year, as an extract writes it", () => {
  it('reads four digits, and a date in January as its year', () => {
    expect(read('2024')).toEqual({ year: 2024, issues: [] });
    expect(read('18/01/2024').year).toBe(2024);
    expect(read('2024-01-18').year).toBe(2024);
    expect(read('2024-01-18 00:00:00').year).toBe(2024);
    // As the other date columns read a date (src/core/spreadsheet-date.ts): the month named too.
    expect(read('18-Jan-2024').year).toBe(2024);
    expect(read('18 January 2024').year).toBe(2024);
    expect(read('18-Jan-24').issues[0]?.hint).toContain('the year of a January census');
    // A January's academic year, as every academic_year column reads one.
    expect(read('2023/24').year).toBe(2024);
    expect(read('2023/2024').year).toBe(2024);
    expect(read('AY 2023/24').year).toBe(2024);
  });

  it('reads a January named without its day, as a census column is labelled (Jan 2024)', () => {
    // Found by an analyst's trial: "Jan 2024" was an error on every row of a census column, 2,403
    // of them, with no hint at all.
    for (const text of ['Jan 2024', 'January 2024', 'jan-2024', 'Jan. 2024', 'JAN/2024']) {
      const { year, issues } = read(text);
      expect(year, text).toBe(2024);
      expect(issues, text).toEqual([]);
    }
    const { year, issues } = read('May 2024');
    expect(year).toBeUndefined();
    expect(issues.map((i) => [i.code, i.hint])).toEqual([
      [
        'INVALID_YEAR',
        'the year of a January census, 2024 for January 2024 (a date in January, 18/01/2024, is read as its year)',
      ],
    ]);
    expect(read('Jan-24').issues[0]?.hint).toContain('the year of a January census');
  });

  it('says what to write for any other date, a timestamp with fractions of a second too', () => {
    // Found by a review: "…T00:00:00.000Z", as a JSON export writes a date, had no hint, since
    // the date's day ran straight into the "T".
    for (const text of ['18/05/2024', '2024-05-18', '2024-01-18T00:00:00.000Z', '2024-01-18T09']) {
      const { year, issues } = read(text);
      expect(year, text).toBeUndefined();
      expect(
        issues.map((i) => [i.code, i.hint]),
        text,
      ).toEqual([
        [
          'INVALID_YEAR',
          'the year of a January census, 2024 for January 2024 (a date in January, 18/01/2024, is read as its year)',
        ],
      ]);
    }
  });

  it("says what a transitions file's calendar-year is, for one written as an academic year", () => {
    // Found by an analyst's trial: "2019/20" in a transitions file was INVALID_YEAR on every row
    // with no hint; it is refused (a year of changes straddles two academic years), but said why.
    const issues: Issue[] = [];
    const year = calendarYear(
      new CsvRow('transitions.csv', 2, ['2019/20'], new Map([['calendar-year', 0]])),
      'calendar-year',
      issues,
      'step',
    );
    expect(year).toBeUndefined();
    expect(issues.map((i) => [i.code, i.hint])).toEqual([
      [
        'INVALID_YEAR',
        'calendar-year is the year of the January a row starts from: 2019 for January 2019 to January 2020; an academic year (2019/20) runs into two such years, so give the January its rows start from',
      ],
    ]);
  });

  it('says a census date saved as a number is one, and how to save it', () => {
    // Found by an analyst's trial: a census-date column formatted General in Excel saves
    // 17/01/2019 as 43482, which was INVALID_YEAR on every row with no hint.
    expect(read('43482').issues.map((i) => [i.code, i.hint])).toEqual([
      [
        'INVALID_YEAR',
        'a number, as a spreadsheet stores the date 17 January 2019: format the column as a date (dd/mm/yyyy) before saving, and a date in January is read as its year',
      ],
    ]);
  });

  it("says which January ONS's mid-year estimates stand for", () => {
    // Found by an analyst's trial: a population's calendar-year copied from ONS's "Mid-2023"
    // column heading was INVALID_YEAR with no hint; docs/calibration.md's rule is that the mid-2023
    // estimates stand for January 2024.
    expect(read('Mid-2023').issues.map((i) => [i.code, i.hint])).toEqual([
      ['INVALID_YEAR', "ONS's mid-2023 estimates stand for January 2024 (2023/24): write 2024"],
    ]);
  });
});
