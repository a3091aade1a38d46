import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { CAPACITY_COLUMNS, readCapacity } from '../../src/io/read-capacity.js';
import { check, csv, described } from '../helpers/io-tables.js';

const read = (fallback: string | undefined, ...lines: string[]) => {
  const issues: Issue[] = [];
  const rows = readCapacity(
    csv('capacity.csv', CAPACITY_COLUMNS, ...lines),
    { first: 2026, last: 2027 },
    check,
    fallback,
    issues,
  );
  return { rows, issues: described(issues) };
};

describe('capacity.csv', () => {
  it('reads places, overflow_to and overflow_band; blank overflow cells are left out', () => {
    const { rows, issues } = read(
      'independent',
      'academic_year,setting,places,overflow_to,overflow_band',
      '2026/27,special,120,independent,X',
      '2027/28,special,125.5,,',
    );
    expect(issues).toEqual([]);
    expect(
      rows.map((r) => [
        r.academicYear,
        r.setting,
        r.places.toFixed(),
        r.overflowTo,
        r.overflowBand,
      ]),
    ).toEqual([
      [2026, 'special', '120', 'independent', 'X'],
      [2027, 'special', '125.5', undefined, undefined],
    ]);
    expect(rows[1]).not.toHaveProperty('overflowTo');
    expect(rows[0]!.origin).toEqual({ file: 'capacity.csv', line: 2, column: 1 });
  });

  it('checks setting and overflow_to against the tariff, and overflow_band against the setting pupils go to', () => {
    const { rows, issues } = read(
      'independent',
      'academic_year,setting,places,overflow_to,overflow_band',
      '2026/27,academy,10,special,A',
      '2026/27,special,10,hospital,',
      '2026/27,mainstream,10,special,X',
      '2027/28,mainstream,10,,A',
    );
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      'error UNKNOWN_SETTING capacity.csv:2:2: setting "academy" is not in tariff "t"',
      'error UNKNOWN_SETTING capacity.csv:3:4: setting "hospital" is not in tariff "t"',
      'error UNKNOWN_BAND capacity.csv:4:5: band "X" has no rate for setting "special" in tariff "t"',
      'error UNKNOWN_BAND capacity.csv:5:5: band "A" has no rate for setting "independent" in tariff "t"',
    ]);
  });

  it('a row without overflow_to and no overflowSetting in model.json is OVERFLOW_SETTING_MISSING', () => {
    const { rows, issues } = read(
      undefined,
      'academic_year,setting,places,overflow_to',
      '2026/27,special,10,',
      '2026/27,mainstream,10,special',
    );
    expect(rows.map((r) => r.setting)).toEqual(['mainstream']);
    expect(issues).toEqual([
      'error OVERFLOW_SETTING_MISSING capacity.csv:2:4: the row names no overflow_to and model.json has no "overflowSetting", so pupils above the capacity of special in 2026/27 have nowhere to go',
    ]);
  });

  it("overflowing to the row's own setting, named or by default, is OVERFLOW_TO_SELF", () => {
    const { issues } = read(
      'special',
      'academic_year,setting,places,overflow_to',
      '2026/27,special,10,',
      '2027/28,special,10,special',
    );
    expect(issues).toEqual([
      'error OVERFLOW_TO_SELF capacity.csv:2:4: model.json\'s "overflowSetting" is "special", the row\'s own setting, so pupils above its capacity would stay where they are',
      'error OVERFLOW_TO_SELF capacity.csv:3:4: overflow_to is "special", the row\'s own setting, so pupils above its capacity would stay where they are',
    ]);
  });

  it('a repeated (academic year, setting) is DUPLICATE_ROW; the base year or past the horizon is YEAR_OUT_OF_RANGE', () => {
    const { rows, issues } = read(
      'independent',
      'academic_year,setting,places',
      '2026/27,special,10',
      '2026/27,special,12',
      '2025/26,special,10',
      '2028/29,special,10',
    );
    expect(rows.map((r) => r.places.toFixed())).toEqual(['10']);
    expect(issues).toEqual([
      'error DUPLICATE_ROW capacity.csv:3:1: capacity for special in 2026/27 is already given on line 2',
      'warning YEAR_OUT_OF_RANGE capacity.csv:4:1: academic year 2025/26 is outside the projected years 2026/27 to 2027/28; the row is ignored',
      'warning YEAR_OUT_OF_RANGE capacity.csv:5:1: academic year 2028/29 is outside the projected years 2026/27 to 2027/28; the row is ignored',
    ]);
  });

  it('an unknown overflowSetting is reported at model.json, not again at each row', () => {
    const { issues } = read(
      'hospital',
      'academic_year,setting,places,overflow_band',
      '2026/27,special,10,X',
    );
    expect(issues).toEqual([]);
  });
});
