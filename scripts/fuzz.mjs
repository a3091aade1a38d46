// npm run fuzz: a bounded, seeded fuzz run over mutated model folders (test/fuzz/mutate.mjs).
// Usage: npm run fuzz [-- --cases 10000 --binary 200 --seed 1]. Exits 1 if any case fails,
// and saves each failing model under fuzz-failures/ to reproduce it.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { project } from '../dist/core/project.js';
import { projectScenario } from '../dist/core/scenario/apply.js';
import { checkScenarios } from '../dist/core/scenario/check.js';
import { loadScenarios } from '../dist/io/scenarios-file.js';
import { loadModel } from '../dist/io/model-folder.js';
import { renderCsv } from '../dist/report/csv.js';
import { renderJson } from '../dist/report/json.js';
import { DETAIL_COLUMNS, detailRows, SUMMARY_COLUMNS, summaryRows } from '../dist/report/rows.js';
import { checkBinary, checkInProcess } from '../test/fuzz/check.mjs';
import { generator, mutateModel } from '../test/fuzz/mutate.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number.parseInt(process.argv[at + 1], 10) : fallback;
};
const cases = arg('cases', 10_000);
const binaryCases = arg('binary', 200);
const seed = arg('seed', 1);
const root = fileURLToPath(new URL('../', import.meta.url));
const bin = path.join(root, 'bin/highneeds');
const api = {
  loadModel,
  project,
  loadScenarios,
  checkScenarios,
  projectScenario,
  libraryDir: path.join(root, 'tariffs'),
  renderCsv,
  renderJson,
  summaryRows,
  detailRows,
  SUMMARY_COLUMNS,
  DETAIL_COLUMNS,
};
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-fuzz-'));
const failures = [];
const outcomes = { ok: 0, 'input-error': 0 };

function record(kind, index, applied, dir, result) {
  if (!result.failure) {
    outcomes[result.outcome] += 1;
    return;
  }
  const keep = path.join(root, 'fuzz-failures', `${kind}-${seed}-${index}`);
  mkdirSync(path.dirname(keep), { recursive: true });
  cpSync(dir, keep, { recursive: true });
  failures.push(
    `${kind} case ${index} (${applied.join('; ')}): ${result.failure.split('\n')[0]} [saved in ${path.relative(root, keep)}]`,
  );
}

const started = process.hrtime.bigint();
const random = generator(seed);
for (let i = 0; i < cases; i += 1) {
  const dir = path.join(scratch, 'model');
  const applied = mutateModel(root, dir, random);
  record('in-process', i, applied, dir, checkInProcess(api, dir));
}
const inProcessMs = Number(process.hrtime.bigint() - started) / 1e6;
const binaryRandom = generator(seed + 1);
for (let i = 0; i < binaryCases; i += 1) {
  const dir = path.join(scratch, 'bin-model');
  const applied = mutateModel(root, dir, binaryRandom);
  record('binary', i, applied, dir, checkBinary(bin, dir, scratch));
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
rmSync(scratch, { recursive: true, force: true });

console.log(
  `fuzz seed ${seed}: ${cases} in-process cases (${inProcessMs.toFixed(0)} ms) + ${binaryCases} through the binary (${(totalMs - inProcessMs).toFixed(0)} ms)`,
);
console.log(
  `outcomes: ${outcomes.ok} projected, ${outcomes['input-error']} refused with located input errors, ${failures.length} failures`,
);
for (const failure of failures) console.log(`  FAIL ${failure}`);
console.log(`${cases + binaryCases - failures.length} passed, ${failures.length} failed`);
process.exitCode = failures.length ? 1 : 0;
