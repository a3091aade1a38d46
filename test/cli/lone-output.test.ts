import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { withFault } from '../helpers/faults.js';
import { runMain } from '../helpers/run-cli.js';

/*
 * A run with one output file replaces the old one by renaming its finished temporary file over it:
 * one step, so the path always holds a whole file, the old or the new. When outputs came to be
 * replaced all together or not at all, the old file was first renamed aside for a lone output too,
 * and a crash between the two renames would have left the path empty, the old file only under
 * `.NAME.old-PID` (found by a review). node:fs here records each rename
 * (test/helpers/faults/renames-logged.mjs).
 */
const { main } = await withFault<typeof import('../../src/cli/run.js')>(
  'renames-logged',
  'cli/run.js',
);
const renames = (globalThis as { [key: symbol]: [string, string][] })[
  Symbol.for('highneeds.test.renames')
]!;
const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-lone-output-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

it('project --out over an earlier file: one rename, of the temporary file over it', async () => {
  const out = path.join(scratch, 'summary.csv');
  fs.writeFileSync(out, 'last month\n');
  renames.length = 0;
  const result = await runMain(main, ['project', 'fixtures/example', '--out', out, '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  expect(renames).toEqual([[expect.stringMatching(/\.summary\.csv\.tmp-\d+$/), out]]);
  expect(fs.readFileSync(out, 'utf8')).toMatch(/^area_code,/);
});
