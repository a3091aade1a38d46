import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { lateRateArea, SPECIAL_MAYBE } from '../helpers/late-rate-area.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-report-ranges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// report --draws simulates the plan scenario: it says what simulate says before drawing
// (RANGE_UNPRICED), here where the few draws happen not to meet it.
it("report --draws prints the simulation's RANGE_UNPRICED warning", async () => {
  const dir = path.join(scratch, 'area');
  lateRateArea(dir, '901', '2027-09-01');
  writeFileSync(
    path.join(dir, 'new-plans.csv'),
    'ncy,need,setting,band,count\n4,ASD,mainstream,1,0.02\n',
  );
  writeFileSync(path.join(dir, 'scenarios.json'), SPECIAL_MAYBE);
  const out = path.join(scratch, 'report.html');
  const args = ['report', dir, '--scenarios', 'special-maybe', '--draws', '5', '--out', out];
  const result = await cli(args);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain('warning RANGE_UNPRICED: scenario "special-maybe"');
  expect((await cli([...args, '--quiet'])).stderr).not.toContain('RANGE_UNPRICED');
});
