import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectionCache } from '../../../src/core/demand/cache.js';
import { Dec } from '../../../src/core/decimal.js';
import type { Model } from '../../../src/core/model.js';
import type { Need } from '../../../src/core/need.js';
import {
  rangeBoundIssues,
  rowBoundIssues,
  rowsWhere,
  type RowSetting,
} from '../../../src/core/simulate/range-bounds.js';
import { loadModel } from '../../../src/io/model-folder.js';
import { parseScenarios } from '../../../src/io/read-scenarios.js';
import { lateRateArea, SPECIAL_MAYBE } from '../../helpers/late-rate-area.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-range-bounds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The area whose special school's only rate starts on `from`, and the scenario that may send new plans there. */
function area(from: string) {
  const dir = path.join(scratch, from);
  lateRateArea(dir, '901', from);
  const scenario = parseScenarios(SPECIAL_MAYBE, 'scenarios.json', () => undefined, [])![0]!;
  return { model: loadModel(dir).model!, scenario };
}

describe("a ranged lever's bounds (RANGE_UNPRICED)", () => {
  it('warn where the lever at its high sends pupils before a rate is in force', () => {
    const { model, scenario } = area('2027-09-01');
    const issues = rangeBoundIssues(model, scenario, new ProjectionCache());
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.message}`)).toEqual([
      'warning RANGE_UNPRICED scenario "special-maybe" with its ranged levers at their highs: no rate in force on 2026-09-01 for setting "special", band "A", need ASD (AY 2026/27)',
    ]);
  });

  it('say nothing when the rate is in force from the start, or the lever has no range', () => {
    const { model, scenario } = area('2025-04-01');
    expect(rangeBoundIssues(model, scenario, new ProjectionCache())).toEqual([]);
    const late = area('2027-09-01');
    const text = SPECIAL_MAYBE.replace('"low":"0","high":"0.5",', '');
    expect(text).not.toBe(SPECIAL_MAYBE);
    const plain = parseScenarios(text, 'scenarios.json', () => undefined, [])![0]!;
    expect(rangeBoundIssues(late.model, plain, new ProjectionCache())).toEqual([]);
  });
});

describe('RANGE_UNPRICED against the errors of the shares themselves, and with levers at opposite bounds', () => {
  it('says nothing that the scenario at its own shares already fails', () => {
    const { model } = area('2027-09-01');
    // The shift at 0.2 already sends plans there: the projection's own NO_RATE_IN_FORCE says so.
    const text = SPECIAL_MAYBE.replace('"share":"0"', '"share":"0.2"');
    expect(text).not.toBe(SPECIAL_MAYBE);
    const scenario = parseScenarios(text, 'scenarios.json', () => undefined, [])![0]!;
    expect(rangeBoundIssues(model, scenario, new ProjectionCache())).toEqual([]);
  });

  it("warns where one lever's low leaves pupils that another's high moves where no rate is in force", () => {
    const dir = path.join(scratch, 'mixed');
    lateRateArea(dir, '903', '2027-09-01');
    writeFileSync(
      path.join(dir, 'new-plans.csv'),
      'ncy,need,setting,band,count\n4,SEMH,mainstream,1,30\n',
    );
    const tariff = JSON.parse(readFileSync(path.join(dir, 'tariff.json'), 'utf8')) as {
      rates: object[];
    };
    tariff.rates.push({
      effectiveFrom: '2025-04-01',
      setting: 'mainstream',
      band: '2',
      need: '*',
      topUp: '6000.00',
    });
    writeFileSync(path.join(dir, 'tariff.json'), JSON.stringify(tariff));
    const step = { shape: 'step', from: '2026/27' };
    const text = JSON.stringify({
      scenarios: [
        {
          id: 'mixed',
          label: 'mixed',
          levers: [
            // At its high every new SEMH plan goes to band 2, which the move below leaves alone.
            {
              id: 'a',
              label: 'a',
              kind: 'shift-new-plans',
              share: '0.5',
              low: '0',
              high: '1',
              filter: { need: 'SEMH' },
              to: { setting: 'mainstream', band: '2' },
              profile: step,
            },
            // At its high it moves band 1 to the special school, whose rate starts in 2027.
            {
              id: 'b',
              label: 'b',
              kind: 'move-placements',
              share: '0',
              low: '0',
              high: '0.5',
              filter: { need: 'SEMH', setting: 'mainstream', band: '1' },
              to: { setting: 'special', band: 'A' },
              profile: step,
            },
          ],
        },
      ],
    });
    const scenario = parseScenarios(text, 'scenarios.json', () => undefined, [])![0]!;
    const issues = rangeBoundIssues(loadModel(dir).model!, scenario, new ProjectionCache());
    expect(issues.map((i) => i.message)).toEqual([
      'scenario "mixed" with its ranged levers at their bounds low, high (in lever order): no rate in force on 2026-09-01 for setting "special", band "A", need SEMH (AY 2026/27)',
    ]);
  });
});

it("warns where a ranged rate row at its high moves pupils where no rate is in force (the model's rows)", () => {
  const dir = path.join(scratch, 'rows');
  lateRateArea(dir, '904', '2027-09-01');
  // A transition to the special school that happens to no one at its rate, and to up to 30% in a draw.
  writeFileSync(
    path.join(dir, 'transitions.csv'),
    'from_ncy,from_setting,to_setting,rate,to_band,low,high\n3,mainstream,special,0,A,0,0.3\n',
  );
  const model = loadModel(dir).model!;
  expect(rowBoundIssues(model, undefined, new ProjectionCache()).map((i) => i.message)).toEqual([
    'the model with its ranged rows somewhere in their ranges: no rate in force on 2026-09-01 for setting "special", band "A", need ASD (AY 2026/27)',
  ]);
  // Without the range, nothing to warn of.
  writeFileSync(
    path.join(dir, 'transitions.csv'),
    'from_ncy,from_setting,to_setting,rate,to_band\n3,mainstream,special,0,A\n',
  );
  expect(rowBoundIssues(loadModel(dir).model!, undefined, new ProjectionCache())).toEqual([]);
});

describe('ranged rows where they reach furthest (rowsWhere)', () => {
  const range = (low: string, high: string) => ({
    kind: 'range' as const,
    low: new Dec(low),
    high: new Dec(high),
  });
  const row = (rate: string, to: string, uncertainty?: ReturnType<typeof range>, need?: Need) => ({
    fromNcy: 6,
    fromSetting: 'mainstream',
    toSetting: to,
    rate: new Dec(rate),
    ...(need ? { need } : {}),
    ...(uncertainty ? { uncertainty } : {}),
  });
  const model = {
    ceasing: [{ ncy: 6, rate: new Dec('0.2'), uncertainty: range('0.1', '0.4') }],
    newPlans: [],
    transitions: [
      row('0.5', 'special', range('0.3', '0.7')),
      row('0.4', 'resourced', range('0.2', '0.6')),
      // Rows for a need add up on their own: 0.9 at its high, not over 1.
      row('0.5', 'special', range('0.4', '0.9'), 'ASD'),
      row('0', 'independent', range('0', '0')),
      row('0', 'resourced', range('0', '0.5'), 'SEMH'),
    ],
  } as unknown as Model;
  const rates = (setting: RowSetting) =>
    rowsWhere(model, setting).transitions.map((r) => r.rate.toString());

  it('most: transitions at their highs, the shares leaving one state scaled down to 1 where they add up to more, as a draw does', () => {
    const [special, resourced, asd, independent, semh] = rates('most');
    expect(new Dec(special!).plus(resourced!).toString()).toBe('1');
    expect(new Dec(special!).toSignificantDigits(6).toString()).toBe('0.538462'); // 0.7 ÷ 1.3
    expect([asd, independent, semh]).toEqual(['0.9', '0', '0.5']);
  });

  it('reach: every transition at its low, or moving a few pupils where its low is 0 and its high is not; ceasing at its low either way', () => {
    expect(rates('reach')).toEqual(['0.3', '0.2', '0.4', '0', '0.000001']);
    for (const setting of ['reach', 'most'] as const)
      expect(rowsWhere(model, setting).ceasing.map((r) => r.rate.toString())).toEqual(['0.1']);
  });
});

describe('ranged rows with a mix of bounds (the review of 2026-12-06)', () => {
  /** Ten pupils reach NCY 13 in 2026/27; ceasing ends a range of them, a transition may take the rest to a school whose rate starts in 2028. */
  function mixedArea(name: string, ceasing: string, scenarios?: string) {
    const dir = path.join(scratch, name);
    lateRateArea(dir, '905', '2028-09-01');
    rmSync(path.join(dir, 'new-plans.csv'));
    writeFileSync(
      path.join(dir, 'cohort.csv'),
      'ncy,need,setting,band,count\n12,ASD,mainstream,1,10\n',
    );
    writeFileSync(path.join(dir, 'ceasing.csv'), ceasing);
    writeFileSync(
      path.join(dir, 'transitions.csv'),
      'from_ncy,from_setting,to_setting,rate,to_band,low,high\n13,mainstream,special,0,A,0,0.5\n',
    );
    if (scenarios) writeFileSync(path.join(dir, 'scenarios.json'), scenarios);
    return loadModel(dir).model!;
  }
  const MESSAGE =
    'no rate in force on 2027-09-01 for setting "special", band "A", need ASD (AY 2027/28)';

  it('warns when ceasing at its low leaves the pupils that a transition at its high moves (neither all-low nor all-high does)', () => {
    const model = mixedArea('rows-mixed', 'ncy,rate,low,high\n13,1,0.5,1\n');
    expect(rowBoundIssues(model, undefined, new ProjectionCache()).map((i) => i.message)).toEqual([
      `the model with its ranged rows somewhere in their ranges: ${MESSAGE}`,
    ]);
  });

  it("warns when a ranged ceasing lever's low leaves the pupils that a ranged transition row moves", () => {
    const scenarios = JSON.stringify({
      scenarios: [
        {
          id: 'fewer-cease',
          label: 'maybe fewer plans end',
          levers: [
            {
              id: 'keep',
              label: 'fewer end',
              kind: 'ceasing',
              share: '0',
              low: '-0.5',
              high: '0',
              filter: { ncy: { from: 13, to: 13 } },
              profile: { shape: 'step', from: '2026/27' },
            },
          ],
        },
      ],
    });
    const model = mixedArea('rows-lever', 'ncy,rate\n13,1\n', scenarios);
    const scenario = parseScenarios(scenarios, 'scenarios.json', () => undefined, [])![0]!;
    const cache = new ProjectionCache();
    // The rows alone cannot: every plan at NCY 13 ends.
    expect(rowBoundIssues(model, undefined, cache)).toEqual([]);
    expect(rangeBoundIssues(model, scenario, cache).map((i) => i.message)).toEqual([
      `scenario "fewer-cease" with its ranged levers at their lows and its ranged rows somewhere in their ranges: ${MESSAGE}`,
    ]);
  });
});

describe('ranged rows against what the draws can do (the code review of 2026-12-06)', () => {
  /** An area of the reviewer's: `transitions` from NCY 5, capacity.csv when given, and an independent school whose rate starts on `from`. */
  function area(name: string, from: string, transitions: string, capacity?: string) {
    const dir = path.join(scratch, name);
    lateRateArea(dir, '906', '2025-04-01');
    const tariff = JSON.parse(readFileSync(path.join(dir, 'tariff.json'), 'utf8')) as {
      settings: object[];
      rates: object[];
    };
    tariff.settings.push({ id: 'independent', placeValue: '0' });
    tariff.rates.push(
      { effectiveFrom: '2025-04-01', setting: 'special', band: 'B', need: '*', topUp: '25000.00' },
      {
        effectiveFrom: '2027-09-01',
        setting: 'independent',
        band: 'X',
        need: '*',
        topUp: '50000.00',
      },
    );
    writeFileSync(path.join(dir, 'tariff.json'), JSON.stringify(tariff));
    writeFileSync(
      path.join(dir, 'cohort.csv'),
      'ncy,need,setting,band,count\n5,ASD,mainstream,1,10\n5,ASD,special,A,10\n',
    );
    writeFileSync(
      path.join(dir, 'new-plans.csv'),
      'ncy,need,setting,band,count\n1,ASD,mainstream,1,1\n',
    );
    writeFileSync(path.join(dir, 'transitions.csv'), transitions);
    if (capacity) writeFileSync(path.join(dir, 'capacity.csv'), capacity);
    return loadModel(dir).model!;
  }
  const issues = (m: ReturnType<typeof area>) =>
    rowBoundIssues(m, undefined, new ProjectionCache()).map((i) => i.message);

  it('warns of an overflow through a share between two capped settings at its high', () => {
    const m = area(
      'capped-to-capped',
      '2027-09-01',
      'from_ncy,from_setting,to_setting,rate,to_band,low,high\n5,mainstream,special,0.1,A,0.05,0.9\n',
      'academic_year,setting,places,overflow_to,overflow_band\n2026/27,special,12,independent,X\n2026/27,mainstream,1000,independent,X\n',
    );
    expect(issues(m)).toEqual([
      'the model with its ranged rows somewhere in their ranges: no rate in force on 2026-09-01 for setting "independent", band "X", need ASD (AY 2026/27)',
    ]);
  });

  it('warns of an overflow that needs the share into a capped setting at its high and the share out of it at its low', () => {
    const m = area(
      'overflow',
      '2027-09-01',
      'from_ncy,from_setting,to_setting,rate,to_band,low,high\n5,mainstream,special,0,A,0,0.5\n5,special,mainstream,0.5,1,0,0.5\n',
      'academic_year,setting,places,overflow_to,overflow_band\n2026/27,special,12,independent,X\n',
    );
    expect(issues(m)).toEqual([
      'the model with its ranged rows somewhere in their ranges: no rate in force on 2026-09-01 for setting "independent", band "X", need ASD (AY 2026/27)',
    ]);
  });
});
