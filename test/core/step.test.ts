import { describe, expect, it } from 'vitest';
import { newPlansByYear } from '../../src/core/new-plans.js';
import { Cohort, laneTotals } from '../../src/core/cohort.js';
import { Lanes } from '../../src/core/lanes.js';
import type { Cell } from '../../src/core/model.js';
import { CeasingRules, TransitionRules } from '../../src/core/rules.js';
import { flowsOf, movePupils, step } from '../../src/core/step.js';
import { cell, d } from './builders.js';

/** One step of `cells`, as cells and flows. */
function stepYear(cells: Cell[], joining: Cell[], ceasing: CeasingRules, transitions: TransitionRules) {
  const cohort = Cohort.of(new Lanes(ceasing, transitions), cells);
  const stepped = step(cohort, joining);
  return { cells: stepped.next.cells(), flows: flowsOf(laneTotals(cohort).pupils, stepped, laneTotals(stepped.next).pupils) };
}

describe('stepping one academic year', () => {
  it('ceases, moves, ages and adds new plans without rounding', () => {
    const ceasing = new CeasingRules([{ ncy: 6, rate: d('0.1') }]);
    const transitions = new TransitionRules([{ fromNcy: 6, fromSetting: 'mainstream', toSetting: 'special', rate: d('0.3'), toBand: '2' }]);
    const { cells, flows } = stepYear([cell(6, 'ASD', 'mainstream', '1', '10')], [cell(0, 'HI', 'mainstream', '1', '1')], ceasing, transitions);
    expect(cells.map((c) => [c.ncy, c.setting, c.band, c.count.toString()]).sort()).toEqual([
      [0, 'mainstream', '1', '1'],
      [7, 'mainstream', '1', '6.3'],
      [7, 'special', '2', '2.7'],
    ]);
    expect([flows.opening, flows.ceased, flows.agedOut, flows.moved, flows.newPlans, flows.closing].map(String)).toEqual(['10', '1', '0', '2.7', '1', '10']);
  });

  it('holds shares with more places than the share that stays (0.05 and 0.15 leave, 0.8 stays) exactly', () => {
    const transitions = new TransitionRules([
      { fromNcy: 6, fromSetting: 'mainstream', toSetting: 'special', rate: d('0.05') },
      { fromNcy: 6, fromSetting: 'mainstream', toSetting: 'resourced', rate: d('0.15') },
    ]);
    const { cells, flows } = stepYear([cell(6, 'ASD', 'mainstream', '1', '10')], [], new CeasingRules([]), transitions);
    expect(cells.map((c) => [c.setting, c.count.toString()]).sort()).toEqual([['mainstream', '8'], ['resourced', '1.5'], ['special', '0.5']]);
    expect(flows.moved.toString()).toBe('2');
  });

  it('stays exact where a count times its factor passes 2^53 (a float would lose the last digit)', () => {
    // 99,999,999,999,999 × 95 is 9,499,999,999,999,905; as a float it is …904.
    const { cells, flows } = stepYear([cell(3, 'ASD', 'mainstream', '1', '99999999999999')], [], new CeasingRules([{ ncy: 3, rate: d('0.05') }]), new TransitionRules([]));
    expect(cells.map((c) => c.count.toFixed())).toEqual(['94999999999999.05']);
    expect(flows.ceased.toFixed()).toBe('4999999999999.95');
    const moved = stepYear([cell(6, 'ASD', 'mainstream', '1', '99999999999999')], [], new CeasingRules([]), new TransitionRules([{ fromNcy: 6, fromSetting: 'mainstream', toSetting: 'special', rate: d('0.95') }]));
    expect(moved.cells.map((c) => [c.setting, c.count.toFixed()]).sort()).toEqual([['mainstream', '4999999999999.95'], ['special', '94999999999999.05']]);
  });

  it('plans past NCY 20 leave after ceasing', () => {
    const { cells, flows } = stepYear([cell(20, 'PMLD', 'special', '1', '4')], [], new CeasingRules([{ ncy: 20, rate: d('0.25') }]), new TransitionRules([]));
    expect(cells).toEqual([]);
    expect(flows.ceased.toString()).toBe('1');
    expect(flows.agedOut.toString()).toBe('3');
  });

  it('a bespoke cost total follows the share that stays; pupils who move setting are tariff-priced', () => {
    const transitions = new TransitionRules([{ fromNcy: 11, fromSetting: 'independent', toSetting: 'fe', rate: d('0.5'), toBand: '3' }]);
    // Two pupils at £60,000 (total £120,000): half move to FE, so £60,000 of bespoke cost stays.
    const { cells } = stepYear([cell(11, 'SEMH', 'independent', '', '2', '60000')], [], new CeasingRules([]), transitions);
    expect(cells.map((c) => [c.setting, c.band, c.bespokeAnnual?.toString(), c.count.toString()])).toEqual([
      ['fe', '3', undefined, '1'],
      ['independent', '', '60000', '1'],
    ]);
  });

  it('the most specific ceasing rule wins: need and setting, need, setting, NCY', () => {
    const rules = new CeasingRules([
      { ncy: 11, rate: d('0.1') },
      { ncy: 11, rate: d('0.2'), setting: 'special' },
      { ncy: 11, rate: d('0.3'), need: 'ASD' },
      { ncy: 11, rate: d('0.4'), need: 'ASD', setting: 'special' },
    ]);
    expect(rules.rate(11, 'ASD', 'special').toString()).toBe('0.4');
    expect(rules.rate(11, 'ASD', 'mainstream').toString()).toBe('0.3');
    expect(rules.rate(11, 'HI', 'special').toString()).toBe('0.2');
    expect(rules.rate(11, 'HI', 'mainstream').toString()).toBe('0.1');
    expect(rules.rate(12, 'HI', 'mainstream').toString()).toBe('0');
  });
});

describe('new plans by year', () => {
  it('grows rows without a year by (1 + g)^(k − 1); a row with a year sets that cell exactly', () => {
    const rows = [
      { ncy: 0, need: 'ASD' as const, setting: 'mainstream', band: '1', count: d('10') },
      { ncy: 0, need: 'ASD' as const, setting: 'mainstream', band: '1', count: d('3'), academicYear: 2027 },
      { ncy: 6, need: 'HI' as const, setting: 'special', band: '1', count: d('2') },
    ];
    const byYear = newPlansByYear(rows, 2025, 2028, d('0.1'));
    const counts = (ay: number) => byYear.get(ay)!.map((c) => `${c.ncy}:${c.need}:${c.count.toString()}`);
    expect(counts(2026)).toEqual(['0:ASD:10', '6:HI:2']);
    expect(counts(2027)).toEqual(['0:ASD:3', '6:HI:2.2']);
    expect(counts(2028)).toEqual(['0:ASD:12.1', '6:HI:2.42']);
  });
});

describe('bespoke cells', () => {
  it('ceasing and transitions scale the bespoke total with the pupils: 4 pupils, £200,000, 25% cease, 1/3 of the rest move', () => {
    const transitions = new TransitionRules([{ fromNcy: 11, fromSetting: 'independent', toSetting: 'fe', rate: d('0.5') }]);
    const { cells } = stepYear([cell(11, 'SEMH', 'independent', '', '4', '50000')], [], new CeasingRules([{ ncy: 11, rate: d('0.25') }]), transitions);
    const stayed = cells.find((c) => c.setting === 'independent')!;
    expect(stayed.count.toString()).toBe('1.5');
    expect(stayed.bespokeAnnual!.toString()).toBe('75000');
  });

  it('moves a share of every matching slot, keeps the rest where it was, and holds a cohort where every slot moves', () => {
    const cells = Array.from({ length: 40 }, (_, i) => cell((i % 20) - 3, i < 20 ? 'ASD' : 'SEMH', 'independent', '1', String(i + 1)));
    const cohort = Cohort.of(new Lanes(new CeasingRules([]), new TransitionRules([])), cells);
    const seen: string[] = [];
    const all = movePupils(cohort, { matches: (c) => { seen.push(`${c.ncy}${c.need}`); return true; }, fraction: d('0.25'), toSetting: 'special-academy', toBand: '3' });
    // Each slot asked about once, with its own NCY and need (one object is reused for the asking).
    expect(new Set(seen).size).toBe(40);
    const moved = all.cells();
    expect(moved).toHaveLength(80);
    expect(moved.filter((c) => c.setting === 'special-academy').map((c) => c.count.toString())).toEqual(cells.map((c) => c.count.times('0.25').toString()));
    expect(moved.filter((c) => c.setting === 'independent').map((c) => c.count.toString())).toEqual(cells.map((c) => c.count.times('0.75').toString()));
    const some = movePupils(cohort, { matches: (c) => c.need === 'SEMH' && c.ncy >= 10, fraction: d('0.5'), toSetting: 'special-academy' });
    expect(some.cells().filter((c) => c.setting === 'special-academy').map((c) => [c.ncy, c.band, c.count.toString()])).toEqual(
      cells.filter((c) => c.need === 'SEMH' && c.ncy >= 10).map((c) => [c.ncy, '1', c.count.times('0.5').toString()]));
  });
});
