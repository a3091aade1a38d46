import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { type ImportOverrides, importTariff } from '../../src/io/tariff-import.js';

/**
 * tariffs import locates a problem with a tariff.csv field at the cell of its value
 * (file:line:column), as a model CSV's are: GROWTH_OUT_OF_RANGE and INVALID_FIELD had named the
 * file alone, leaving the officer to find the row.
 */
const issuesOf = (meta: string, overrides: ImportOverrides = { id: 'x', title: 'x' }): Issue[] =>
  importTariff(
    {
      rates: {
        file: 'rates.csv',
        text: 'effective_from,setting,band,need,top_up\n2025-04-01,special,A,*,20000.00\n',
      },
      settings: { file: 'settings.csv', text: 'setting,label,place_value\nspecial,Special,0\n' },
      meta: { file: 'tariff.csv', text: `field,value\n${meta}` },
    },
    { ...overrides, referenceUrl: 'https://example.invalid' },
  ).issues;
const imported = (meta: string, overrides?: ImportOverrides): string[] =>
  issuesOf(meta, overrides).map(located);

const located = ({ code, location, message }: Issue): string =>
  `${[location?.file, location?.line, location?.column].filter((part) => part !== undefined).join(':')} ${code}: ${message}`;

describe("tariffs import's tariff.csv fields", () => {
  it('locates an uplift_annual_rate out of range at its cell', () => {
    expect(imported('id,x\nuplift_method,percent\nuplift_annual_rate,2.5\n')).toEqual([
      'tariff.csv:4:2 GROWTH_OUT_OF_RANGE: uplift_annual_rate is 2.5, a rise of 250% a year; a yearly growth is a share above -1 and at most 1',
    ]);
  });

  it('locates an uplift it cannot read at the field that is wrong', () => {
    const uplift = (got: string) =>
      `INVALID_FIELD: uplift must be "none", or "percent" with a decimal uplift_annual_rate and an MM-DD uplift_on (got ${got})`;
    expect(imported('uplift_method,yearly\nuplift_annual_rate,0.02\n')).toEqual([
      `tariff.csv:2:2 ${uplift('yearly, 0.02, 04-01')}`,
    ]);
    expect(imported('uplift_method,percent\nuplift_annual_rate,two\n')).toEqual([
      `tariff.csv:3:2 ${uplift('percent, two, 04-01')}`,
    ]);
    // No rate at all: at the method that asks for one.
    expect(imported('uplift_method,percent\n')).toEqual([
      `tariff.csv:2:2 ${uplift('percent, -, 04-01')}`,
    ]);
    expect(imported('uplift_method,percent\nuplift_annual_rate,0.02\nuplift_on,13-01\n')).toEqual([
      `tariff.csv:4:2 ${uplift('percent, 0.02, 13-01')}`,
    ]);
  });

  it('reads an uplift_annual_rate written as a percentage, as spend.csv reads a growth, and says so', () => {
    // Found by a user trial: 2% was refused as not "a decimal uplift_annual_rate".
    expect(imported('id,x\nuplift_method,percent\nuplift_annual_rate,2%\n')).toEqual([
      'tariff.csv:4:2 NUMBER_NORMALISED: "uplift_annual_rate": read a percentage as a share in 1 cell ("2%" as 0.02, the first here)',
    ]);
  });

  it('hints that a spreadsheet turned uplift_on into a date', () => {
    const issues = issuesOf('uplift_method,percent\nuplift_annual_rate,0.02\nuplift_on,04-Jan\n');
    expect(issues.map((issue) => issue.hint)).toEqual([
      'a spreadsheet turns an MM-DD day such as 04-01 into a date (4 January), so "04-Jan" may not be the day meant; format the cell as text and write the day of the uplift MM-DD, 04-01 for 1 April',
    ]);
  });

  it('locates an empty id or title at its cell, and one not given at all at the rates file', () => {
    expect(imported('id,\ntitle,T\n', {})).toEqual([
      'tariff.csv:2:2 MISSING_VALUE: the tariff needs an id: give --id (or an "id" row in tariff.csv)',
    ]);
    expect(imported('id,x\n', {})).toEqual([
      'rates.csv MISSING_VALUE: the tariff needs a title: give --title (or a "title" row in tariff.csv)',
    ]);
  });
});
