import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { POPULATION_COLUMNS, readPopulation } from '../../src/io/read-population.js';
import { csv, described } from '../helpers/io-tables.js';

const read = (...lines: string[]) => {
  const issues: Issue[] = [];
  const rows = readPopulation(
    csv('population.csv', POPULATION_COLUMNS, ...lines),
    { first: 2025, last: 2027 },
    issues,
  );
  return { rows, issues: described(issues) };
};

describe('population.csv', () => {
  it('reads the population of each (academic year, NCY), located at its row', () => {
    const { rows, issues } = read(
      'academic_year,ncy,population',
      '2025/26,0,3120',
      '2026/27,0,3075.5',
      '2026/27,-1,0',
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.academicYear, r.ncy, r.population.toFixed()])).toEqual([
      [2025, 0, '3120'],
      [2026, 0, '3075.5'],
      [2026, -1, '0'],
    ]);
    expect(rows[1]!.origin).toEqual({ file: 'population.csv', line: 3, column: 1 });
  });

  it('a repeated (academic year, NCY) is DUPLICATE_ROW; the first row stands', () => {
    const { rows, issues } = read(
      'academic_year,ncy,population',
      '2026/27,7,3000',
      '2026/27,8,2900',
      '2026/27,07,3100',
    );
    expect(rows.map((r) => r.population.toFixed())).toEqual(['3000', '2900']);
    expect(issues).toEqual([
      'error DUPLICATE_ROW population.csv:4:1: population for NCY 7 in 2026/27 is already given on line 2',
    ]);
  });

  it('a year outside the base year to the last projected year is YEAR_OUT_OF_RANGE and ignored', () => {
    const { rows, issues } = read(
      'academic_year,ncy,population',
      '2024/25,0,3000',
      '2028/29,0,3000',
    );
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      'warning YEAR_OUT_OF_RANGE population.csv:2:1: academic year 2024/25 is outside the modelled years 2025/26 to 2027/28; the row is ignored',
      'warning YEAR_OUT_OF_RANGE population.csv:3:1: academic year 2028/29 is outside the modelled years 2025/26 to 2027/28; the row is ignored',
    ]);
  });

  it('checks each cell: the year, the NCY and a non-negative population', () => {
    const { rows, issues } = read(
      'academic_year,ncy,population',
      '2026-27,0,3000',
      '2026/27,21,3000',
      '2026/27,1,-5',
      '2026/27,2,"3.000,50"',
    );
    expect(rows).toEqual([]);
    expect(issues.map((i) => i.split(' ').slice(0, 3).join(' '))).toEqual([
      'error INVALID_YEAR population.csv:2:1:',
      'error NCY_OUT_OF_RANGE population.csv:3:2:',
      'error NEGATIVE_VALUE population.csv:4:3:',
      'error INVALID_NUMBER population.csv:5:3:',
    ]);
  });
});
