import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { project } from '../../src/core/project.js';
import { projectScenario } from '../../src/core/scenario/apply.js';
import { checkScenarios } from '../../src/core/scenario/check.js';
import { loadScenarios } from '../../src/io/scenarios-file.js';
import { loadModel } from '../../src/io/model-folder.js';
import { renderCsv } from '../../src/report/csv.js';
import { renderJson } from '../../src/report/json.js';
import { DETAIL_COLUMNS, detailRows, SUMMARY_COLUMNS, summaryRows } from '../../src/report/rows.js';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { checkInProcess, fuzzOut, judgeRun } from './check.mjs';
import { generator, mutateModel } from './mutate.mjs';

// A short, seeded slice of `npm run fuzz` (10,000 cases) in every test run.
const SEED = Number.parseInt(process.env['FUZZ_SEED'] ?? '7', 10);
const api = {
  loadModel,
  project,
  loadScenarios,
  checkScenarios,
  projectScenario,
  libraryDir: path.join(ROOT, 'tariffs'),
  renderCsv,
  renderJson,
  summaryRows,
  detailRows,
  SUMMARY_COLUMNS,
  DETAIL_COLUMNS,
};
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe(`fuzz (seed ${SEED})`, () => {
  it('300 mutated models in process: never a throw, never prototype pollution', () => {
    const random = generator(SEED);
    const failures: string[] = [];
    const outcomes = { ok: 0, 'input-error': 0 };
    for (let i = 0; i < 300; i += 1) {
      const dir = path.join(scratch, 'model');
      const applied = mutateModel(ROOT, dir, random);
      const result = checkInProcess(api, dir);
      if (result.failure) failures.push(`case ${i} (${applied.join('; ')}): ${result.failure}`);
      else outcomes[result.outcome as keyof typeof outcomes] += 1;
    }
    expect(failures).toEqual([]);
    // The mutations must exercise both paths, or the test proves little.
    expect(outcomes.ok).toBeGreaterThan(20);
    expect(outcomes['input-error']).toBeGreaterThan(20);
  });

  // scripts/fuzz.mjs runs its cases through the binary; here main() runs them in process (the same checks).
  it('20 mutated models through the CLI: exit 0/1/2, no stack trace, no partial output', async () => {
    const random = generator(SEED + 1);
    const failures: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const dir = path.join(scratch, 'bin-model');
      const applied = mutateModel(ROOT, dir, random);
      const out = fuzzOut(scratch);
      const result = judgeRun(await cli(['project', dir, '--out', out, '--quiet']), out);
      if (result.failure) failures.push(`case ${i} (${applied.join('; ')}): ${result.failure}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
