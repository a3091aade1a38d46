import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { parseScenarios } from '../../src/io/read-scenarios.js';
import { described } from '../helpers/io-tables.js';

/** One scenario with one lever; `fields` are added to it. */
function lever(kind: string, fields: Record<string, string | undefined>) {
  const base =
    kind === 'places'
      ? { setting: 'special', places: '10' }
      : kind === 'funding'
        ? { lines: [{ financialYear: '2026-27', line: 'other_income', amount: '1' }] }
        : kind === 'tariff'
          ? { share: '-0.05', from: '2026-09-01' }
          : kind === 'shift-new-plans' || kind === 'move-placements'
            ? { share: '0.2', to: { setting: 'special' } }
            : { share: '-0.1' };
  const text = JSON.stringify({
    scenarios: [
      {
        id: 's',
        levers: [
          {
            id: 'x',
            kind,
            ...base,
            ...fields,
            ...(kind === 'funding' ? {} : { profile: { shape: 'step', from: '2026/27' } }),
          },
        ],
      },
    ],
  });
  const issues: Issue[] = [];
  const scenarios = parseScenarios(text, 'scenarios.json', () => undefined, issues);
  return { lever: scenarios?.[0]?.levers[0], issues: described(issues).map(stripAt) };
}
/** Issues without their line:column, which JSON.stringify's one line makes long. */
const stripAt = (text: string) => text.replace(/scenarios\.json:\d+:\d+/, 'scenarios.json');

// docs/simulate.md, "Lever ranges": a new-plans, ceasing, shift-new-plans or move-placements lever may give its share a range.
describe('a lever share range in scenarios.json', () => {
  it('is read as a triangular range, or uniform when its distribution says so; project keeps the share', () => {
    const triangular = lever('new-plans', { low: '-0.3', high: '0' });
    expect(triangular.issues).toEqual([]);
    expect(triangular.lever).toMatchObject({ share: expect.anything(), range: { kind: 'range' } });
    const range = (triangular.lever as { range: { low: unknown; high: unknown } }).range;
    expect([String(range.low), String(range.high)]).toEqual(['-0.3', '0']);
    expect(range).not.toHaveProperty('uniform');
    const uniform = lever('ceasing', {
      share: '0.2',
      low: '0',
      high: '0.5',
      distribution: 'uniform',
    });
    expect(uniform.issues).toEqual([]);
    expect(uniform.lever).toMatchObject({ range: { uniform: true } });
    expect(
      lever('ceasing', { low: '-0.2', high: '0', distribution: 'triangular' }).lever,
    ).not.toMatchObject({ range: { uniform: true } });
    expect(lever('new-plans', {}).lever).not.toHaveProperty('range');
  });

  it.each(['move-placements', 'shift-new-plans'])(
    "is read on a %s lever too, within its share's limits of 0 to 1",
    (kind) => {
      const ranged = lever(kind, { low: '0.05', high: '0.4' });
      expect(ranged.issues).toEqual([]);
      expect(ranged.lever).toMatchObject({ kind, range: { kind: 'range' } });
      expect(lever(kind, { low: '-0.1', high: '0.4' }).issues).toEqual([
        'error SHARE_OUT_OF_RANGE scenarios.json: $.scenarios[0].levers[0].low -0.1 is outside 0 to 1',
      ]);
    },
  );

  it('refuses one bound alone, a bound outside the share’s own limits, and a range without the share', () => {
    expect(lever('new-plans', { low: '-0.3' }).issues).toEqual([
      'error UNCERTAINTY_INCOMPLETE scenarios.json: $.scenarios[0].levers[0]: "low" and "high" go together, but "high" is missing',
    ]);
    expect(lever('new-plans', { distribution: 'uniform' }).issues).toEqual([
      'error UNCERTAINTY_INCOMPLETE scenarios.json: $.scenarios[0].levers[0]: "low" and "high" go together, but "low" is missing',
    ]);
    expect(lever('new-plans', { low: '-1.5', high: '0' }).issues).toEqual([
      'error SHARE_OUT_OF_RANGE scenarios.json: $.scenarios[0].levers[0].low -1.5 is outside -1 to 1',
    ]);
    expect(lever('new-plans', { low: '-0.05', high: '0.2' }).issues).toEqual([
      "error RANGE_EXCLUDES_RATE scenarios.json: $.scenarios[0].levers[0]: the range -0.05 to 0.2 does not hold the lever's share, -0.1",
    ]);
    expect(lever('ceasing', { low: 'lots', high: '0.2' }).issues).toHaveLength(1);
    expect(
      lever('ceasing', { share: '0.1', low: '0', high: '0.2', distribution: 'normal' }).issues,
    ).toEqual([
      'error DISTRIBUTION_INVALID scenarios.json: $.scenarios[0].levers[0].distribution is "normal", not "triangular" or "uniform"',
    ]);
  });

  it('is refused on a funding lever, which has no share or places', () => {
    expect(lever('funding', { low: '0', high: '0.5' }).issues).toEqual([
      "error LEVER_RANGE_UNSUPPORTED scenarios.json: $.scenarios[0].levers[0].low: simulate draws a range only for a lever's share (new-plans, ceasing, shift-new-plans, move-placements, tariff) or a places lever's places, and a funding lever has neither",
    ]);
  });

  it("is read on a places lever's places, which need not be whole and may be negative", () => {
    const ranged = lever('places', { places: '40', low: '20', high: '40' });
    expect(ranged.issues).toEqual([]);
    expect(ranged.lever).toMatchObject({ kind: 'places', range: { kind: 'range' } });
    const range = (ranged.lever as { range: { low: unknown; high: unknown } }).range;
    expect([String(range.low), String(range.high)]).toEqual(['20', '40']);
    expect(
      lever('places', { places: '-10', low: '-12.5', high: '0', distribution: 'uniform' }).lever,
    ).toMatchObject({ range: { uniform: true } });
    expect(lever('places', { places: '40', low: '45', high: '60' }).issues).toEqual([
      "error RANGE_EXCLUDES_RATE scenarios.json: $.scenarios[0].levers[0]: the range 45 to 60 does not hold the lever's places, 40",
    ]);
    expect(lever('places', { places: '40', high: '60' }).issues).toEqual([
      'error UNCERTAINTY_INCOMPLETE scenarios.json: $.scenarios[0].levers[0]: "low" and "high" go together, but "low" is missing',
    ]);
    expect(lever('places', { places: '40', low: 'some', high: '60' }).issues).toHaveLength(1);
    expect(lever('places', { places: '40', low: '20', high: '40' }).lever).not.toHaveProperty(
      'range.uniform',
    );
  });

  it("is read on a tariff lever's share, but not on one that switches to another table", () => {
    const scaled = lever('tariff', { low: '-0.1', high: '0' });
    expect(scaled.issues).toEqual([]);
    expect(scaled.lever).toMatchObject({ kind: 'tariff', range: { kind: 'range' } });
    expect(
      lever('tariff', { share: undefined!, tariff: 'x', low: '-0.1', high: '0' }).issues,
    ).toContain(
      'error LEVER_RANGE_UNSUPPORTED scenarios.json: $.scenarios[0].levers[0].low: a tariff lever that switches to another table has no share for simulate to draw',
    );
  });
});
