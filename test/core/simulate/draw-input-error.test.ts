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

// A draw that puts pupils where no rate is in force is named by the pupils' own need, not by the
// first lane of the "*" series they share with lanes of other needs (here an ASD lane that a
// second lever fills only from 2027/28, when the rate is in force).
it("names the need of the pupils a draw put where no rate is in force, not another lane's of the series", () => {
  const dir = path.join(scratch, 'late-semh');
  lateRateArea(dir, '902', '2027-09-01');
  writeFileSync(
    path.join(dir, 'new-plans.csv'),
    'ncy,need,setting,band,count\n4,ASD,mainstream,1,30\n4,SEMH,mainstream,1,30\n',
  );
  const scenarios = JSON.parse(SPECIAL_MAYBE) as { scenarios: { levers: object[] }[] };
  const shift = scenarios.scenarios[0]!.levers[0] as Record<string, unknown>;
  scenarios.scenarios[0]!.levers = [
    { ...shift, id: 'semh-to-special', filter: { need: 'SEMH' } },
    // From 2027/28, when the rate is in force: its lane is laid out, and empty in 2026/27.
    { ...shift, id: 'asd-to-special', profile: { shape: 'step', from: '2027/28' } },
  ];
  writeFileSync(path.join(scratch, 'scenarios-semh.json'), JSON.stringify(scenarios));
  const model = loadModel(dir).model!;
  const scenario = loadScenarios(scratch, '', path.join(scratch, 'scenarios-semh.json'))
    .scenarios![0]!;
  const result = simulate(model, { draws: 50, seed: 1, scenario });
  const error = result.issues.find((issue) => issue.code === 'NO_RATE_IN_FORCE')!;
  expect(error.message).toContain('setting "special", band "A", need SEMH');
});
