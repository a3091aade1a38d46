import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { lateRateArea, SPECIAL_MAYBE } from '../helpers/late-rate-area.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-report-ranges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An area whose scenario's range, at its bound, sends pupils before the special school's rate is in force. */
function lateRate(): string {
  const dir = path.join(scratch, 'area');
  lateRateArea(dir, '901', '2027-09-01');
  writeFileSync(
    path.join(dir, 'new-plans.csv'),
    'ncy,need,setting,band,count\n4,ASD,mainstream,1,0.02\n',
  );
  writeFileSync(path.join(dir, 'scenarios.json'), SPECIAL_MAYBE);
  return dir;
}

// report --draws simulates the plan scenario: it says what simulate says before drawing
// (RANGE_UNPRICED), here where the few draws happen not to meet it.
it("report --draws prints the simulation's RANGE_UNPRICED warning", async () => {
  const out = path.join(scratch, 'report.html');
  const args = ['report', lateRate(), '--scenarios', 'special-maybe', '--draws', '5', '--out', out];
  const result = await cli(args);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain('warning RANGE_UNPRICED: scenario "special-maybe"');
  // A warning about the user's data, said with --quiet too; the "wrote" line is not (README, "--quiet").
  const quiet = await cli([...args, '--quiet']);
  expect(quiet.stderr).toContain('warning RANGE_UNPRICED: scenario "special-maybe"');
  expect(quiet.stderr).not.toContain('wrote');
});

// simulate --quiet dropped its warnings, where project, compare, solve and batch keep theirs.
it('simulate prints it, with --quiet too', async () => {
  const args = ['simulate', lateRate(), '--scenario', 'special-maybe', '--draws', '5'];
  const quiet = await cli([...args, '--format', 'csv', '--quiet']);
  expect(quiet.code, quiet.stderr).toBe(0);
  expect(quiet.stderr).toContain('warning RANGE_UNPRICED: scenario "special-maybe"');
});
