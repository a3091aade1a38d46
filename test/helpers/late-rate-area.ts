import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * An area whose special school's only rate takes effect on `from`, with new ASD plans in
 * mainstream. A scenario that sends none of them to the special school at its share (0) projects
 * cleanly; a draw of its range sends some there, before the rate is in force where `from` is late.
 */
export function lateRateArea(dir: string, code: string, from: string): void {
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

/** scenarios.json's one scenario: a shift of new ASD plans to the special school, 0 at its share, up to half in a draw. */
export const SPECIAL_MAYBE = JSON.stringify({
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
});
