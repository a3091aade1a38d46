import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { monthIndex } from '../../src/core/period.js';
import { RateBook } from '../../src/core/rate-book.js';
import { Dec } from '../../src/core/decimal.js';
import { parseTariff } from '../../src/io/read-tariff.js';

const base = {
  id: 't',
  title: 'Test',
  currency: 'GBP',
  references: [
    {
      id: 'devon',
      title: 'Devon banding 2023/24',
      url: 'https://www.devon.gov.uk/accesstoinformation/?p=11649',
    },
  ],
  settings: [
    {
      id: 'mainstream',
      label: 'Mainstream',
      placeValue: '0',
      status: 'published',
      reference: 'devon',
    },
  ],
  bands: [{ setting: 'mainstream', band: '1', label: 'Band 1' }],
  rates: [
    {
      effectiveFrom: '2022-09-01',
      endDate: '2024-08-31',
      setting: 'mainstream',
      band: '1',
      need: '*',
      topUp: '1600.00',
      basis: 'annual per pupil',
      status: 'published',
      reference: 'devon',
      notes: 'same in 2022/23 and 2023/24',
    },
  ],
  uplift: { method: 'none' },
  notes: 'test table',
};

const parse = (value: unknown) => {
  const issues: Issue[] = [];
  const tariff = parseTariff(JSON.stringify(value, null, 2), 'tariff.json', issues);
  return { tariff, issues };
};

describe('tariff format: the optional provenance fields', () => {
  it('reads bands, basis, status, reference, notes and endDate', () => {
    const { tariff, issues } = parse(base);
    expect(issues).toEqual([]);
    expect(tariff!.bands).toEqual([{ setting: 'mainstream', band: '1', label: 'Band 1' }]);
    expect(tariff!.rates[0]).toMatchObject({
      endDate: '2024-08-31',
      basis: 'annual per pupil',
      status: 'published',
      reference: 'devon',
    });
    expect(tariff!.notes).toBe('test table');
  });

  it('a rate stops at its endDate: no rate in force on 2024-09-01', () => {
    const book = new RateBook(parse(base).tariff!, new Dec(0));
    expect(book.topUp('mainstream', '1', 'ASD', monthIndex(2024, 8))!.annualTopUp.toString()).toBe(
      '1600',
    );
    expect(book.topUp('mainstream', '1', 'ASD', monthIndex(2024, 9))).toBeUndefined();
  });

  it('rejects a status outside the four, an endDate before effectiveFrom, a band declared but never priced', () => {
    const { tariff, issues } = parse({
      ...base,
      bands: [...base.bands, { setting: 'mainstream', band: '9', label: 'Band 9' }],
      rates: [{ ...base.rates[0], status: 'official', endDate: '2021-01-01' }],
    });
    expect(tariff).toBeUndefined();
    expect(issues.map((i) => `${i.code} ${i.location?.path}`)).toEqual([
      'INVALID_DATE $.rates[0].endDate',
      'INVALID_FIELD $.rates[0].status',
      'UNKNOWN_BAND $.bands[1]',
    ]);
  });

  it('objects are built without a prototype: "__proto__" is only an unknown key', () => {
    const { issues } = parse(
      JSON.parse(
        JSON.stringify(base).replace(
          '"notes":"test table"',
          '"notes":"test table","__proto__":{"polluted":true}',
        ),
      ),
    );
    expect(issues.map((i) => i.code)).toEqual(['UNKNOWN_KEY']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
