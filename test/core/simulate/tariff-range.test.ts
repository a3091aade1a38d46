import { describe, expect, it } from 'vitest';
import type { Decimal } from 'decimal.js';
import { Dec } from '../../../src/core/decimal.js';
import { ProjectionCache } from '../../../src/core/demand/cache.js';
import type { Lever, Scenario } from '../../../src/core/scenario/types.js';
import { AreaSimulation } from '../../../src/core/simulate/simulate-area.js';
import { loadFixture } from '../../helpers/model.js';

const example = loadFixture('example');

/** Top-ups of mainstream bands 4 and 5 scaled by 1 + share from September 2026 (the example's band review). */
const review = (share: string, range?: [string, string]): Scenario => ({
  id: 'review',
  label: 'Band review',
  assumptions: {},
  funding: [],
  inheritedLevers: 0,
  levers: [
    {
      id: 'band-review',
      label: 'Bands 4 and 5',
      kind: 'tariff',
      filter: { settings: ['mainstream'], bands: ['4', '5'] },
      profile: { shape: 'step', from: 2026, fullBy: 2026 },
      share: new Dec(share),
      fromDate: '2026-09-01',
      ...(range
        ? { range: { kind: 'range', low: new Dec(range[0]), high: new Dec(range[1]) } }
        : {}),
    } satisfies Lever,
  ],
});

const cache = new ProjectionCache();
const ready = (scenario: Scenario) => AreaSimulation.prepare(example, scenario, cache).simulation!;

// docs/simulate.md, "Lever ranges": a tariff lever's drawn share prices a draw's pupils as the
// lever at that share would, and leaves the pupils themselves alone.
describe("a tariff lever's range", () => {
  const ranged = ready(review('-0.03', ['-0.2', '0.1']));

  it('draws the same pupils as the lever without a range, so scenarios may share them', () => {
    const plain = ready(review('-0.03'));
    expect(ranged.drawsSamePupilsAs(plain)).toBe(true);
    for (const d of [0, 3]) {
      plain.drawPupils(9, d);
      const pupils = plain.pupils.map((totals) => Float64Array.from(totals));
      ranged.drawPupils(9, d);
      expect(ranged.pupils).toEqual(pupils);
    }
  });

  it("costs a draw's pupils exactly as the lever at the drawn share would", () => {
    const spends: Decimal[] = [];
    for (const d of [0, 1, 2, 5]) {
      const drawn = ranged.draw(9, d);
      // The same pupils under the lever at this draw's share, without a range.
      const share = ranged.tariffShare(9, d)!;
      expect(share.toNumber()).toBeGreaterThanOrEqual(-0.2);
      expect(share.toNumber()).toBeLessThanOrEqual(0.1);
      const at = ready(review(share.toString()));
      const direct = at.figuresOf(ranged.pupils, { seed: 9, index: d });
      drawn.spend.forEach((spend, y) =>
        expect(spend.minus(direct.spend[y]!).abs().lessThan('1e-20')).toBe(true),
      );
      drawn.cumulative.forEach((balance, y) =>
        expect(balance.minus(direct.cumulative[y]!).abs().lessThan('1e-20')).toBe(true),
      );
      spends.push(drawn.spend.at(-1)!);
    }
    // Different draws, different shares: the spend moves with them.
    expect(new Set(spends.map(String)).size).toBe(spends.length);
  });
});
