import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-bad-quote-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Found by a user trial: a national funding.csv with one cell typed "1,600,000".00 was read as its
// first two lines, so validate and batch blamed every area for a missing opening balance and
// allocation, and never named the cell. It is now the table's CSV_MALFORMED at its cell, in words
// (csv-parse's own named its options: "trimable character (if activated)").
it("a bad quote in a national table stops the run at its line, not as other rows' absence", async () => {
  const dir = path.join(scratch, 'national');
  cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
  const funding = readFileSync(path.join(dir, 'funding.csv'), 'utf8').split('\n');
  funding[2] = 'N01,2026-27,hnb_allocation,"1,600,000".00,';
  writeFileSync(path.join(dir, 'funding.csv'), funding.join('\n'));
  const out = path.join(scratch, 'out');
  for (const args of [
    ['validate', dir],
    ['batch', dir, '--out-dir', out, '--jobs', '1'],
  ]) {
    const result = await cli(args);
    expect(result.code, args[0]).toBe(1);
    expect(result.stderr, args[0]).toContain(
      'funding.csv:3:4: error CSV_MALFORMED: cannot read CSV: the cell "1,600,000".00 goes on after its closing quote; quote the whole cell or none of it, and write a quote inside a quoted cell as two ("")',
    );
    expect(result.stderr, args[0]).not.toContain('MISSING_OPENING_BALANCE');
  }
});
