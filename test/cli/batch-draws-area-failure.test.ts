import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/index.js';
import { lateRateArea, SPECIAL_MAYBE } from '../helpers/late-rate-area.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-draw-failure-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const root = path.join(scratch, 'areas');
lateRateArea(path.join(root, 'late'), '901', '2027-09-01');
lateRateArea(path.join(root, 'ready'), '902', '2025-04-01');
writeFileSync(path.join(root, 'scenarios.json'), SPECIAL_MAYBE);

// src/io/batch/run.ts: "an area's own problems fail that area only", whatever the number of jobs.
describe('batch --draws: a draw that finds an area without a rate in force', () => {
  it.each([1, 2])('fails that area alone, with the located error (--jobs %i)', async (jobs) => {
    const result = await runBatch(root, { jobs, draws: { count: 50, seed: 1 } });
    expect(result.areas.map((a) => [a.code, a.failed])).toEqual([
      ['901', true],
      ['902', false],
    ]);
    const late = result.areas.find((a) => a.code === '901')!;
    // The error the draw met, after the warning that said before drawing that one would.
    expect(late.issues.map((issue) => [issue.code, path.basename(issue.location!.file)])).toEqual([
      ['NO_RATE_IN_FORCE', 'new-plans.csv'],
      ['RANGE_UNPRICED', 'new-plans.csv'],
    ]);
    expect(result.intervals!.areas.map((a) => a.code)).toEqual(['902']);
  });
});
