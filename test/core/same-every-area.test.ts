import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { sameInEveryArea } from '../../src/core/scenario/same-every-area.js';
import { parseScenarios } from '../../src/io/read-scenarios.js';

/** The warnings for a national model's scenarios.json, as "line:column message". */
function told(json: unknown): string[] {
  const issues: Issue[] = [];
  const scenarios = parseScenarios(
    JSON.stringify(json, null, 2),
    'scenarios.json',
    () => undefined,
    issues,
  );
  expect(issues).toEqual([]);
  return sameInEveryArea(scenarios!, 153).map(
    (i) => `${i.location?.line}:${i.location?.column} ${i.message}`,
  );
}

const share = {
  id: 'fewer',
  label: 'fewer new plans',
  kind: 'new-plans',
  share: '-0.1',
  filter: {},
  profile: { shape: 'step', from: '2026/27' },
};
const places = {
  id: 'new-unit',
  label: 'a new unit',
  kind: 'places',
  setting: 'special',
  places: '40',
  profile: { shape: 'step', from: '2027/28' },
};
const row = (line: string, amount: string) => ({ financialYear: '2027-28', line, amount });
const agreement = {
  total: '24000000.00',
  instalments: [{ financialYear: '2026-27', amount: '24000000.00', status: 'due' }],
  inYearBalanceBy: '2028-29',
  conditions: [],
};

describe('amounts a national scenarios.json gives every area alike (SCENARIO_SAME_EVERY_AREA)', () => {
  it('a share is not said; a places lever, funding rows and an agreement are, up to three named', () => {
    expect(told({ scenarios: [{ id: 'a', label: 'A', levers: [share] }] })).toEqual([]);
    expect(
      told({
        scenarios: [
          {
            id: 'plan',
            label: 'Plan',
            funding: [row('other_income', '250000'), row('la_contribution', '1000000.5')],
            levers: [share, places],
            agreement,
          },
        ],
      }),
    ).toEqual([
      '7:9 scenario "plan" gives every area the same other_income of £250,000.00 in 2027-28, la_contribution of £1,000,000.50 in 2027-28, 40 places in special (lever "new-unit") and 1 more: the scenarios of a national model apply to each area alike',
    ]);
  });

  it("a scenario is told of its base's amounts only when its base is not run with it", () => {
    const base = { id: 'base', label: 'Base', levers: [places] };
    const plus = { id: 'plus', label: 'Plus', base: 'base', funding: [row('other_income', '5')] };
    const both = told({ scenarios: [base, plus] });
    expect(both).toHaveLength(2);
    expect(both[0]).toContain('scenario "base" gives every area the same 40 places in special');
    expect(both[1]).toContain(
      'scenario "plus" gives every area the same other_income of £5.00 in 2027-28:',
    );
    // --scenarios plus alone: the base's places are the run's too, and said with its own row.
    const issues: Issue[] = [];
    const plusAlone = parseScenarios(
      JSON.stringify({ scenarios: [base, plus] }),
      'scenarios.json',
      () => undefined,
      issues,
    )!.filter((s) => s.id === 'plus');
    expect(sameInEveryArea(plusAlone, 2).map((i) => i.message)).toEqual([
      'scenario "plus" gives every area the same other_income of £5.00 in 2027-28 and 40 places in special (lever "new-unit"): the scenarios of a national model apply to each area alike',
    ]);
  });

  it('a run of one area (a national model of one, batch of one model folder) is not told', () => {
    const issues: Issue[] = [];
    const scenarios = parseScenarios(
      JSON.stringify({ scenarios: [{ id: 'plan', label: 'Plan', levers: [places] }] }),
      'scenarios.json',
      () => undefined,
      issues,
    )!;
    expect(sameInEveryArea(scenarios, 1)).toEqual([]);
    expect(sameInEveryArea(scenarios, 2).map((i) => i.code)).toEqual(['SCENARIO_SAME_EVERY_AREA']);
  });
});
