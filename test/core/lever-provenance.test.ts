import { describe, expect, it } from 'vitest';
import { applyTariffLever } from '../../src/core/scenario/tariff-lever.js';
import type { TariffLever } from '../../src/core/scenario/types.js';
import type { Tariff, TariffRate } from '../../src/core/tariff.js';
import { d } from './builders.js';

/*
 * Found by a review: rows a tariff lever makes (re-dated, uplifted, scaled, or a switched table's)
 * were all marked "derived" ("worked out from published figures"), an illustrative or assumed
 * value among them; and a switch brought the other table's rows without its references, so
 * explain could not show their sources.
 */
const rate = (
  setting: string,
  band: string,
  topUp: string,
  more: Partial<TariffRate>,
): TariffRate => ({
  effectiveFrom: '2025-04-01',
  setting,
  band,
  need: '*',
  topUp: d(topUp),
  ...more,
});
const table = (
  id: string,
  references: Tariff['references'],
  rates: TariffRate[],
  uplift: Tariff['uplift'],
): Tariff => ({
  id,
  title: id,
  currency: 'GBP',
  references,
  settings: [{ id: 'mainstream', label: 'Mainstream', placeValue: d('0') }],
  rates,
  uplift,
});
const ours = table(
  'ours',
  [
    { id: 'dfe', title: 'DfE', url: 'https://example.invalid/dfe' },
    { id: 'la', title: 'Our banding', url: 'https://example.invalid/ours' },
  ],
  [
    rate('mainstream', '1', '1000.00', { status: 'published', reference: 'la' }),
    rate('mainstream', '2', '2000.00', { status: 'illustrative', reference: 'la' }),
    rate('mainstream', '3', '3000.00', {}),
  ],
  { method: 'percent', annualRate: d('0.02'), on: '04-01' },
);
const theirs = table(
  'theirs',
  [
    { id: 'la', title: 'Their banding', url: 'https://example.invalid/theirs' },
    { id: 'dfe', title: 'DfE', url: 'https://example.invalid/dfe' },
  ],
  [
    rate('mainstream', '1', '900.00', { status: 'published', reference: 'la' }),
    rate('mainstream', '2', '1900.00', { status: 'assumption', reference: 'dfe' }),
  ],
  { method: 'none' },
);
const lever = (more: Partial<TariffLever>): TariffLever => ({
  id: 'l',
  label: 'l',
  kind: 'tariff',
  filter: { settings: ['mainstream'] },
  profile: { shape: 'step', from: 2026, fullBy: 2026 },
  fromDate: '2026-09-01',
  ...more,
});
const made = (t: Tariff, band: string) =>
  t.rates.filter((r) => r.band === band && r.effectiveFrom !== '2025-04-01');

describe('rows a tariff lever makes keep the standing of the value they are made from', () => {
  it('a scaled published rate is derived; an illustrative one stays illustrative; one of no standing has none', () => {
    const scaled = applyTariffLever(ours, lever({ share: d('-0.1') }), d('0'), '2031-04-01');
    expect(made(scaled, '1').map((r) => r.status)).toEqual(['derived', 'derived']);
    expect(made(scaled, '2').map((r) => r.status)).toEqual(['illustrative', 'illustrative']);
    expect(made(scaled, '3').map((r) => r.status)).toEqual([undefined, undefined]);
  });

  // Found by a review: a row from the lever's date on was scaled in place, still "published",
  // its table's notes replaced by "scaled by lever l".
  it("a published rate scaled in place is derived, and keeps its table's notes before the lever's", () => {
    const later = table(
      'later',
      ours.references,
      [
        rate('mainstream', '1', '1000.00', { status: 'published', reference: 'la' }),
        rate('mainstream', '1', '1100.00', {
          effectiveFrom: '2026-09-01',
          status: 'published',
          reference: 'la',
          notes: 'from September 2026, as the Schools Forum agreed',
        }),
      ],
      { method: 'none' },
    );
    const scaled = applyTariffLever(later, lever({ share: d('-0.1') }), d('0'), '2031-04-01');
    expect(
      scaled.rates.map((r) => [r.effectiveFrom, r.topUp.toFixed(2), r.status, r.notes]),
    ).toEqual([
      ['2025-04-01', '1000.00', 'published', undefined],
      [
        '2026-09-01',
        '990.00',
        'derived',
        'from September 2026, as the Schools Forum agreed; lever l: this rate × 0.9',
      ],
    ]);
    // A share of 0 changes no figure: the rate stands as published.
    const unscaled = applyTariffLever(later, lever({ share: d('0') }), d('0'), '2031-04-01');
    expect(unscaled.rates).toEqual(later.rates);
  });

  it("a switch's rows keep their own table's standing, and cite its references, renamed where the ids clash", () => {
    const switched = applyTariffLever(ours, lever({ tariff: theirs }), d('0'), '2031-04-01');
    const incoming = switched.rates.filter((r) => r.effectiveFrom === '2026-09-01');
    expect(incoming.map((r) => [r.band, r.status, r.reference, r.topUp.toFixed(2)])).toEqual([
      ['1', 'derived', 'theirs/la', '900.00'],
      ['2', 'assumption', 'dfe', '1900.00'],
    ]);
    expect(switched.references).toEqual([
      ...ours.references,
      { id: 'theirs/la', title: 'Their banding', url: 'https://example.invalid/theirs' },
    ]);
  });
});
