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

// Found by a review: `solve --target in-year-balance>=0@YEAR` in a Safety Valve scenario counted the
// agreement's own instalment, so it answered "already met" where `compare` said the agreement's
// in-year target was MISSED. Domain brief §2.5 adds Safety Valve and grant receipts to the
// cumulative balance only: the target is the underlying in-year balance, as the headline's.
it('seeks the in-year balance before Safety Valve payments, and says so', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-solve-sv-'));
  made.push(dir);
  const model = path.join(dir, 'm');
  cpSync(path.join(ROOT, 'fixtures/errors/_valid'), model, { recursive: true });
  // The valid model spends 2 × 5,000 + 20,000 + 10,000 place + 8,000 + 6,000 place = 54,000 in
  // 2026-27 against an HNB of 100,000; a Safety Valve instalment of 60,000 and spend.csv's
  // 80,000 of services leave an underlying in-year balance of 100,000 − 134,000 = −34,000.
  writeFileSync(
    path.join(model, 'spend.csv'),
    'financial_year,line,amount,s251\n2026-27,SEN support services,80000.00,1.2.5\n',
  );
  writeFileSync(
    path.join(model, 'scenarios.json'),
    JSON.stringify({
      scenarios: [
        {
          id: 'sv',
          label: 'Safety Valve',
          agreement: {
            total: '60000.00',
            instalments: [{ financialYear: '2026-27', amount: '60000.00', status: 'due' }],
            inYearBalanceBy: '2026-27',
          },
        },
      ],
    }),
  );
  const result = await cli([
    'solve',
    model,
    '--scenario',
    'sv',
    '--target',
    'in-year-balance>=0@2026-27',
    '--vary',
    'transfer:2026-27:10000000',
    '--range',
    '0,0.01',
    '--tolerance',
    '0.0001',
  ]);
  expect(result.code, result.stderr).toBe(0);
  // 34,000 of a 10,000,000 schools block is a share of 0.0034 (to within the tolerance), not 0
  // ("already met"); the answer names the basis.
  const answer =
    /holds from transfer:2026-27:10000000 = ([0-9.]+) \(to within 0\.0001; in-year-balance there, before Safety Valve payments and the write-off grant: £([0-9.,]+)\)/.exec(
      result.stderr,
    );
  expect(answer, result.stderr).not.toBeNull();
  const share = Number(answer![1]);
  expect(share).toBeGreaterThanOrEqual(0.0034);
  expect(share).toBeLessThanOrEqual(0.0035);
  // The CSV's in_year_balance still includes the instalment: 60,000 + the transfer's 10,000,000 × share − 34,000.
  const [, row] = result.stdout.trim().split('\n');
  const cells = row!.split(',');
  expect(cells[0]).toBe('2026-27');
  expect(Number(cells[3])).toBeCloseTo(60000 + 10_000_000 * share - 34000, 2);
  expect(answer![2]).toBe(
    (10_000_000 * share - 34000).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','),
  );
});
