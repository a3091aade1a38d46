import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests (areas.csv is read on this thread): its batches run on one
// (the reason is in the helper).
asOnOneCore();

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-growth-percent-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/national with Northshire's newPlansGrowth in areas.csv written as `growth`. */
function national(name: string, growth: string): string {
  const dir = path.join(scratch, `${name}-model`);
  cpSync('fixtures/national', dir, { recursive: true });
  const file = path.join(dir, 'areas.csv');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace('N01,Northshire,,,', `N01,Northshire,,${growth},`);
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
  return dir;
}

// areas.csv is a CSV a spreadsheet writes: an assumption's growth rate may be a percentage, read as
// a share and said once (NUMBER_NORMALISED), as a model CSV's rates are (docs/errors.md).
it("reads an area's growth written as a percentage in areas.csv as the share, and says so", async () => {
  const batch = (name: string, growth: string) =>
    cli(['batch', national(name, growth), '--out-dir', path.join(scratch, name), '--quiet']);
  const percent = await batch('percent', '6%');
  const share = await batch('share', '0.06');
  expect(percent.code, percent.stderr).toBe(0);
  expect(percent.stderr).toMatch(
    /areas\.csv:2:4: warning NUMBER_NORMALISED: "newPlansGrowth": read a percentage as a share in 1 cell \("6%" as 0\.06/,
  );
  expect(share.stderr).not.toContain('NUMBER_NORMALISED');
  const summary = (name: string) => readFileSync(path.join(scratch, name, 'summary.csv'), 'utf8');
  expect(summary('percent')).toBe(summary('share'));
});
