import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectionCache } from '../../../src/core/demand/cache.js';
import { Dec } from '../../../src/core/decimal.js';
import type { Model } from '../../../src/core/model.js';
import type { Need } from '../../../src/core/need.js';
import {
  type Bound,
  rangeBoundIssues,
  rowBoundIssues,
  rowsAt,
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
    'the model with its ranged rows at their highs: no rate in force on 2026-09-01 for setting "special", band "A", need ASD (AY 2026/27)',
  ]);
  // Without the range, nothing to warn of.
  writeFileSync(
    path.join(dir, 'transitions.csv'),
    'from_ncy,from_setting,to_setting,rate,to_band\n3,mainstream,special,0,A\n',
  );
  expect(rowBoundIssues(loadModel(dir).model!, undefined, new ProjectionCache())).toEqual([]);
});

describe('ranged transition rows at their bounds (rowsAt)', () => {
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
    ceasing: [],
    newPlans: [],
    transitions: [
      row('0.5', 'special', range('0.3', '0.7')),
      row('0.4', 'resourced', range('0.2', '0.6')),
      // Rows for a need add up on their own: 0.9 at its high, not over 1.
      row('0.5', 'special', range('0.4', '0.9'), 'ASD'),
    ],
  } as unknown as Model;
  const rates = (bound: Bound) => rowsAt(model, bound).transitions.map((r) => r.rate.toString());

  it('scales the shares leaving one state down to 1 where their highs add up to more, as a draw does', () => {
    const [special, resourced, asd] = rates('high');
    expect(new Dec(special!).plus(resourced!).toString()).toBe('1');
    expect(new Dec(special!).toSignificantDigits(6).toString()).toBe('0.538462'); // 0.7 ÷ 1.3
    expect(asd).toBe('0.9');
  });

  it('leaves rows that add up to 1 or less as their bounds give them', () => {
    expect(rates('low')).toEqual(['0.3', '0.2', '0.4']);
  });
});
