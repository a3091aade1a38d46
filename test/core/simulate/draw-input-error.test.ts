import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { simulate } from '../../../src/index.js';
import { loadModel } from '../../../src/io/model-folder.js';
import { loadScenarios } from '../../../src/io/scenarios-file.js';
import { lateRateArea, SPECIAL_MAYBE } from '../../helpers/late-rate-area.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-draw-issues-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The library's simulate returns its problems as issues (README, "Library"), as projectModel does:
// a draw's too, when it puts pupils where no rate is in force yet though the projection put none.
it("simulate returns a draw's problem with the input as issues, not as an exception", () => {
  lateRateArea(path.join(scratch, 'late'), '901', '2027-09-01');
  writeFileSync(path.join(scratch, 'scenarios.json'), SPECIAL_MAYBE);
  const model = loadModel(path.join(scratch, 'late')).model!;
  const scenario = loadScenarios(scratch, '', path.join(scratch, 'scenarios.json')).scenarios![0]!;
  const result = simulate(model, { draws: 50, seed: 1, scenario });
  expect(result.simulation).toBeUndefined();
  // The error the draw met, and the warning that said before drawing that one would (RANGE_UNPRICED).
  expect(result.issues.map((issue) => `${issue.severity} ${issue.code}`).sort()).toEqual([
    'error NO_RATE_IN_FORCE',
    'warning RANGE_UNPRICED',
  ]);
});
