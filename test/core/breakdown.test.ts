import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../../src/core/decimal.js';
import { ageGroupOf } from '../../src/core/breakdown/age-group.js';
import { breakdown, breakdownScenario } from '../../src/core/breakdown/breakdown.js';
import { ProjectionCache } from '../../src/core/demand/cache.js';
import { project } from '../../src/core/project.js';
import { projectScenario } from '../../src/core/scenario/apply.js';
import { openModel } from '../../src/cli/open-model.js';

const example = await openModel('fixtures/example');
const sum = (
  values: readonly { pupilsJanuary: Dec; spendTopUp: Dec }[],
  pick: 'pupilsJanuary' | 'spendTopUp',
) => values.reduce((t, v) => t.plus(v[pick]), ZERO);

describe('age groups (age = NCY + 4 on 31 August)', () => {
  it('puts Reception in under 5, Year 1 and Year 6 in 5 to 10, Year 7 in 11 to 15, Year 12 in 16 to 19, NCY 16 in 20 to 25', () => {
    expect([-3, 0, 1, 6, 7, 11, 12, 15, 16, 20].map(ageGroupOf)).toEqual([
      'under-5',
      'under-5',
      '5-10',
      '5-10',
      '11-15',
      '11-15',
      '16-19',
      '16-19',
      '20-25',
      '20-25',
    ]);
  });
});

describe('breakdown by need and age group', () => {
  const projection = project(example.model).projection!;
  const years = breakdown(example.model);

  it('adds up to the projection: pupils and top-up spend, every year, both ways, to far below a penny', () => {
    expect(years.map((y) => y.financialYear)).toEqual(projection.years.map((y) => y.financialYear));
    years.forEach((year, i) => {
      const whole = projection.years[i]!;
      for (const parts of [year.byNeed, year.byAgeGroup]) {
        expect(sum(parts, 'spendTopUp').minus(whole.spendTopUp).abs().toNumber()).toBeLessThan(
          1e-6,
        );
        expect(
          sum(parts, 'pupilsJanuary').minus(whole.pupilsJanuary).abs().toNumber(),
        ).toBeLessThan(1e-9);
      }
    });
  });

  it('lists the needs the cohort holds and every age group', () => {
    const needs = years[0]!.byNeed.map((c) => c.key);
    expect(needs).toContain('ASD');
    expect(needs).toContain('SEMH');
    expect(years[0]!.byAgeGroup.map((c) => c.key)).toEqual([
      'under-5',
      '5-10',
      '11-15',
      '16-19',
      '20-25',
    ]);
  });

  it('follows a scenario: the mitigated breakdown adds up to the mitigated projection', () => {
    const cache = new ProjectionCache();
    const mitigated = example.scenarios.find((s) => s.id === 'mitigated')!;
    const scenarioProjection = projectScenario(example.model, mitigated, undefined, {
      cache,
    }).projection!;
    const scenarioYears = breakdownScenario(example.model, mitigated, cache);
    scenarioYears.forEach((year, i) => {
      const whole = scenarioProjection.years[i]!;
      expect(sum(year.byNeed, 'spendTopUp').minus(whole.spendTopUp).abs().toNumber()).toBeLessThan(
        1e-6,
      );
      expect(
        sum(year.byAgeGroup, 'spendTopUp').minus(whole.spendTopUp).abs().toNumber(),
      ).toBeLessThan(1e-6);
    });
    const last = scenarioYears.length - 1;
    expect(
      sum(scenarioYears[last]!.byNeed, 'spendTopUp').lt(sum(years[last]!.byNeed, 'spendTopUp')),
    ).toBe(true);
  });
});

describe('breakdown against a reference worked from the cohort alone', () => {
  it('with no new plans, ceasing or moves, next January by age group and need is cohort.csv one NCY on', () => {
    const still = { ...example.model, newPlans: [], ceasing: [], transitions: [] };
    const first = breakdown(still)[0]!;
    const byAge = new Map<string, Dec>();
    const byNeed = new Map<string, Dec>();
    for (const cell of example.model.cohort) {
      const ncy = cell.ncy + 1;
      if (ncy > 20) continue; // aged out
      const group = ageGroupOf(ncy);
      byAge.set(group, (byAge.get(group) ?? ZERO).plus(cell.count));
      byNeed.set(cell.need, (byNeed.get(cell.need) ?? ZERO).plus(cell.count));
    }
    for (const c of first.byAgeGroup)
      expect(c.pupilsJanuary.toFixed(6), c.key).toBe((byAge.get(c.key) ?? ZERO).toFixed(6));
    for (const c of first.byNeed)
      expect(c.pupilsJanuary.toFixed(6), c.key).toBe((byNeed.get(c.key) ?? ZERO).toFixed(6));
    expect(first.byNeed.map((c) => c.key).sort()).toEqual([...byNeed.keys()].sort());
  });
});
