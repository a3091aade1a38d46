// One fuzz case, in process: read → project → render must never throw, and a JSON input
// must never pollute Object.prototype. `api` is the library (src/ under vitest, dist/ for npm run fuzz).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';

export function checkInProcess(api, dir) {
  try {
    const loaded = api.loadModel(dir);
    let outcome = 'input-error';
    if (loaded.model) {
      const result = api.project(loaded.model);
      if (result.projection) {
        api.renderCsv(api.SUMMARY_COLUMNS, api.summaryRows(result.projection));
        api.renderCsv(api.DETAIL_COLUMNS, api.detailRows(result.projection));
        api.renderJson(result.projection, { detail: true, warnings: [], manifest: null });
        outcome = 'ok';
      }
      // Scenarios, where the folder has a scenarios.json: read, check and project each one.
      const scenarios = api.loadScenarios(dir, api.libraryDir);
      if (scenarios.scenarios) {
        api.checkScenarios(loaded.model, scenarios.scenarios);
        for (const scenario of scenarios.scenarios) api.projectScenario(loaded.model, scenario);
      }
    }
    if (
      {}.polluted !== undefined ||
      Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')
    )
      return { failure: 'Object.prototype was polluted' };
    return { outcome };
  } catch (cause) {
    return { failure: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) };
  }
}

const STACK = /\n\s+at .+:\d+:\d+/;

/** The same case through the real binary: exit 0, 1 or 2, no stack trace, no partial --out. */
export function checkBinary(bin, dir, outDir) {
  const out = fuzzOut(outDir);
  const result = spawnSync(process.execPath, [bin, 'project', dir, '--out', out, '--quiet'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  return judgeRun({ code: result.status, stderr: result.stderr }, out);
}

/** Where a checked run writes its --out: the file is removed first, so a stale one is never judged. */
export function fuzzOut(outDir) {
  const out = path.join(outDir, 'fuzz-out.csv');
  rmSync(out, { force: true });
  return out;
}

/** What a CLI run of a fuzzed case (`project DIR --out OUT --quiet`) must show, however it was run. */
export function judgeRun(result, out) {
  if (![0, 1, 2].includes(result.code)) return { failure: `exit ${result.code}: ${result.stderr}` };
  if (STACK.test(result.stderr)) return { failure: `stack trace on stderr: ${result.stderr}` };
  if (result.code !== 0 && existsSync(out))
    return { failure: `exit ${result.code} but --out was written` };
  if (result.code === 0 && !existsSync(out)) return { failure: 'exit 0 but --out missing' };
  return { outcome: result.code === 0 ? 'ok' : 'input-error' };
}
