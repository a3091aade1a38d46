import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

asOnOneCore();

// Found by a review: a write-off on the opening deficit with no reported figures was said to be of
// the deficit "as projected" (headline) and of the "projection" (explain), though it is funding.csv's
// opening_balance as given: the figure's origin must be the one an officer can check.
let dir: string;
let model: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'highneeds-write-off-'));
  model = path.join(dir, 'm');
  cpSync(path.join(ROOT, 'fixtures/errors/_valid'), model, { recursive: true });
  const json = JSON.parse(readFileSync(path.join(model, 'model.json'), 'utf8')) as object;
  writeFileSync(
    path.join(model, 'model.json'),
    JSON.stringify({
      ...json,
      writeOff: { share: '0.9', balanceYear: '2025-26', paidIn: '2026-27' },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("names funding.csv's opening balance as the write-off's deficit at the opening date, in the headline and in explain", async () => {
  const table = await cli(['project', model, '--format', 'table']);
  expect(table.code).toBe(0);
  // The valid model opens at -£1,000.00: 0.9 × £1,000.00 = £900.00.
  expect(table.stdout).toContain(
    "write-off (High Needs Stability Grant) in 2026-27: 0.9 × the £1,000.00 deficit at the end of 2025-26 (funding.csv's opening_balance) = £900.00",
  );
  expect(table.stdout).not.toContain('as projected');
  const explained = await cli([
    'explain',
    model,
    '--year',
    '2026-27',
    '--figure',
    'income_write_off',
  ]);
  expect(explained.code).toBe(0);
  expect(explained.stdout).toContain(
    "write-off: 0.9 × eligible deficit £1,000.00 (funding.csv's opening_balance, end of 2025-26), paid in 2026-27",
  );
});
