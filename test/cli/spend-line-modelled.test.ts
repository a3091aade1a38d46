import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

asOnOneCore();

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Found by a review: an officer who copies the whole s251 high-needs budget into spend.csv counts
// top-ups and place funding twice (the projection costs both from the cohort and the tariff), and
// nothing said so. The money is still added as given (a top-up line may be for pupils without an
// EHCP), but each such line is named once, at its first s251 cell.
it('warns once per spend.csv line on an s251 line the projection charges itself, and still adds it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-s251-'));
  made.push(dir);
  const model = path.join(dir, 'm');
  cpSync(path.join(ROOT, 'fixtures/errors/_valid'), model, { recursive: true });
  writeFileSync(
    path.join(model, 'model.json'),
    JSON.stringify({
      area: { code: '999', name: 'Test Borough' },
      baseYear: '2025/26',
      horizon: '2027-28',
      tariff: 'tariff.json',
      assumptions: { newPlansGrowth: '0', hnbGrowth: '0', tariffUplift: '0' },
    }),
  );
  writeFileSync(
    path.join(model, 'spend.csv'),
    [
      'financial_year,line,amount,s251',
      '2026-27,place funding,30000.00,1.0.2',
      '2027-28,place funding,31000.00,1.0.2',
      '2026-27,independent fees,70000.00, 1.2.3',
      '2026-27,SEN support services,20000.00,1.2.5',
      '',
    ].join('\n'),
  );
  const result = await cli(['project', model]);
  expect(result.code).toBe(0);
  const warnings = result.stderr.split('\n').filter((l) => l.includes('SPEND_LINE_MODELLED'));
  expect(warnings).toHaveLength(2);
  expect(warnings[0]).toContain(
    'spend.csv:2:4: warning SPEND_LINE_MODELLED: spend line "place funding" is s251 1.0.2',
  );
  expect(warnings[0]).toContain('already charges as spend_place');
  expect(warnings[1]).toContain(
    'spend.csv:4:4: warning SPEND_LINE_MODELLED: spend line "independent fees" is s251 1.2.3',
  );
  expect(result.stderr).not.toContain('SEN support services');
  // spend_other is the 16th column: 30,000 + 70,000 + 20,000, then 31,000 + 70,000 + 20,000.
  const rows = result.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  expect(rows.map((r) => r[15])).toEqual(['120000.00', '121000.00']);
});
