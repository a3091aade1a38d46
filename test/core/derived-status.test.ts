import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { chargedStatus, derivedStatus } from '../../src/core/derived-status.js';
import type { TariffRate } from '../../src/core/tariff.js';

const row = (status: TariffRate['status']): TariffRate =>
  ({
    effectiveFrom: '2025-04-01',
    setting: 'special',
    band: 'B',
    need: '*',
    topUp: new Dec('12000'),
    ...(status ? { status } : {}),
  }) as TariffRate;

describe('the standing of a rate as charged', () => {
  it('a published rate uplifted to another figure is derived; at 0% it is still the published figure', () => {
    expect(
      chargedStatus({ row: row('published'), annualTopUp: new Dec('12600'), upliftYears: 1 }),
    ).toBe('derived');
    expect(
      chargedStatus({ row: row('published'), annualTopUp: new Dec('12000'), upliftYears: 2 }),
    ).toBe('published');
    expect(
      chargedStatus({ row: row('published'), annualTopUp: new Dec('12000'), upliftYears: 0 }),
    ).toBe('published');
  });

  it('never better than what it is made from', () => {
    const uplifted = (status: TariffRate['status']) =>
      chargedStatus({ row: row(status), annualTopUp: new Dec('12600'), upliftYears: 1 });
    expect(uplifted('derived')).toBe('derived');
    expect(uplifted('assumption')).toBe('assumption');
    expect(uplifted('illustrative')).toBe('illustrative');
    expect(uplifted(undefined)).toBeUndefined();
    expect(derivedStatus('published')).toBe('derived');
  });
});
