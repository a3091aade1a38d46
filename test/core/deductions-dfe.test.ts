import { describe, expect, it } from 'vitest';
import { deductionsWithoutDfeSetting } from '../../src/core/deductions.js';
import type { FundingRow } from '../../src/core/model.js';
import type { Tariff, TariffSetting } from '../../src/core/tariff.js';
import { d } from './builders.js';

/*
 * Found by a review: published deductions with a tariff whose settings are all the authority's to
 * fund (a "special" setting holding maintained and academy schools alike, as many bandings are)
 * charged the academy places as spend and took them off the HNB too, without a word.
 */
const setting = (id: string, placeValue: string, more: Partial<TariffSetting> = {}) => ({
  id,
  label: id,
  placeValue: d(placeValue),
  ...more,
});
const tariff = (settings: TariffSetting[]): Tariff => ({
  id: 't',
  title: 't',
  currency: 'GBP',
  references: [],
  settings,
  rates: [],
  uplift: { method: 'none' },
});
const deductions = (year: number, amount: string): FundingRow => ({
  financialYear: year,
  line: 'hnb_deductions',
  amount: d(amount),
  origin: { file: 'funding.csv', line: 4 },
});

describe('deductionsWithoutDfeSetting', () => {
  const special = setting('special', '10000.00');
  it("warns when deductions are given and every place the tariff prices is the authority's", () => {
    const issue = deductionsWithoutDfeSetting([deductions(2026, '20000')], tariff([special]), 2027);
    expect(issue?.code).toBe('DEDUCTIONS_WITHOUT_DFE_SETTING');
    expect(issue?.location).toEqual({ file: 'funding.csv', line: 4 });
    expect(issue?.message).toContain('hnb_deductions of £20,000.00 for 2026-27');
  });

  it('is quiet with a "dfe" setting, with deductions of 0 (an allocation after deductions), with no place funding, or after the horizon', () => {
    const academy = setting('academy', '10000.00', { placeFundedBy: 'dfe' });
    expect(
      deductionsWithoutDfeSetting([deductions(2026, '20000')], tariff([special, academy]), 2027),
    ).toBeUndefined();
    expect(
      deductionsWithoutDfeSetting([deductions(2026, '0')], tariff([special]), 2027),
    ).toBeUndefined();
    expect(
      deductionsWithoutDfeSetting(
        [deductions(2026, '20000')],
        tariff([setting('mainstream', '0')]),
        2027,
      ),
    ).toBeUndefined();
    expect(
      deductionsWithoutDfeSetting([deductions(2028, '20000')], tariff([special]), 2027),
    ).toBeUndefined();
  });
});
