import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/index.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-draw-failure-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * An area whose special school's only rate takes effect on `from`, with new ASD plans in
 * mainstream. A scenario that sends none of them to the special school at its share (0) projects
 * cleanly; a draw of its range sends some there, before the rate is in force where `from` is late.
 */
function area(dir: string, code: string, from: string): void {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'model.json': JSON.stringify({
      area: { code, name: `Area ${code}` },
      baseYear: '2025/26',
      horizon: '2027-28',
      tariff: 'tariff.json',
      assumptions: { newPlansGrowth: '0', hnbGrowth: '0', tariffUplift: '0' },
    }),
    'tariff.json': JSON.stringify({
      id: `tariff-${code}`,
      title: 'Tiny tariff',
      currency: 'GBP',
      references: [{ title: 'Illustrative', url: 'https://example.org/' }],
      settings: [
        { id: 'mainstream', placeValue: '0' },
        { id: 'special', placeValue: '10000.00' },
      ],
      rates: [
        {
          effectiveFrom: '2025-04-01',
          setting: 'mainstream',
          band: '1',
          need: '*',
          topUp: '5000.00',
        },
        { effectiveFrom: from, setting: 'special', band: 'A', need: '*', topUp: '20000.00' },
      ],
      uplift: { method: 'none' },
    }),
    'cohort.csv': 'ncy,need,setting,band,count\n3,ASD,mainstream,1,20\n',
    'new-plans.csv': 'ncy,need,setting,band,count\n4,ASD,mainstream,1,30\n',
    'funding.csv':
      'financial_year,line,amount\n2025-26,opening_balance,-1000.00\n2026-27,hnb_allocation,100000.00\n2027-28,hnb_allocation,100000.00\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

const root = path.join(scratch, 'areas');
area(path.join(root, 'late'), '901', '2027-09-01');
area(path.join(root, 'ready'), '902', '2025-04-01');
writeFileSync(
  path.join(root, 'scenarios.json'),
  JSON.stringify({
    scenarios: [
      {
        id: 'special-maybe',
        label: 'Perhaps send some new ASD plans to the special school',
        levers: [
          {
            id: 'to-special',
            label: 'to special',
            kind: 'shift-new-plans',
            share: '0',
            low: '0',
            high: '0.5',
            filter: { need: 'ASD' },
            to: { setting: 'special', band: 'A' },
            profile: { shape: 'step', from: '2026/27' },
          },
        ],
      },
    ],
  }),
);

// src/io/batch/run.ts: "an area's own problems fail that area only", whatever the number of jobs.
describe('batch --draws: a draw that finds an area without a rate in force', () => {
  it.each([1, 2])('fails that area alone, with the located error (--jobs %i)', async (jobs) => {
    const result = await runBatch(root, { jobs, draws: { count: 50, seed: 1 } });
    expect(result.areas.map((a) => [a.code, a.failed])).toEqual([
      ['901', true],
      ['902', false],
    ]);
    const late = result.areas.find((a) => a.code === '901')!;
    expect(late.issues.map((issue) => [issue.code, path.basename(issue.location!.file)])).toEqual([
      ['NO_RATE_IN_FORCE', 'new-plans.csv'],
    ]);
    expect(result.intervals!.areas.map((a) => a.code)).toEqual(['902']);
  });
});
