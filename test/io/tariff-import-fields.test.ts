import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { type ImportOverrides, importTariff } from '../../src/io/tariff-import.js';

/**
 * tariffs import locates a problem with a tariff.csv field at the cell of its value
 * (file:line:column), as a model CSV's are: GROWTH_OUT_OF_RANGE and INVALID_FIELD had named the
 * file alone, leaving the officer to find the row.
 */
const imported = (meta: string, overrides: ImportOverrides = { id: 'x', title: 'x' }): string[] =>
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
  ).issues.map(located);

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

  it('locates an empty id or title at its cell, and one not given at all at the rates file', () => {
    expect(imported('id,\ntitle,T\n', {})).toEqual([
      'tariff.csv:2:2 MISSING_VALUE: the tariff needs an id: give --id (or an "id" row in tariff.csv)',
    ]);
    expect(imported('id,x\n', {})).toEqual([
      'rates.csv MISSING_VALUE: the tariff needs a title: give --title (or a "title" row in tariff.csv)',
    ]);
  });
});
