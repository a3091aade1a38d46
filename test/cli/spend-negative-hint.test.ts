import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

// Found in an officer's trial: a DBV savings target entered as a spend.csv line of (250,000), as
// the budget sheet showed it, was refused with "must not be negative" and no word of where a
// saving goes. The error now says.
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-spend-negative-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('a negative spend.csv amount is told where a saving or money received belongs', async () => {
  const dir = path.join(scratch, 'savings-line');
  cpSync('fixtures/example', dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'spend.csv'),
    'financial_year,line,amount\r\n2026-27,SEN support services,"£2,150,000.00"\r\n2026-27,Savings target,"(250,000)"\r\n',
  );
  const result = await cli(['validate', dir]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'spend.csv:3:3: error NEGATIVE_VALUE: "amount" is (250,000), which must not be negative\n  hint: spend.csv holds what is spent; a saving is a lever of a scenario (scenarios.json, docs/scenarios.md)',
  );
});
