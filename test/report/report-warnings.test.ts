import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcess } from './in-process.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-report-warnings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Found by a review: `report` printed the model's and the scenarios' warnings but not those its
 * projections find, as `project` and `compare` do: a report of a model whose import/export
 * adjustment stops after its first year (IMPORT_EXPORT_NOT_CARRIED) was written without a word.
 */
describe("report prints its projections' warnings, as project does", () => {
  it('an import/export adjustment given for one year only', async () => {
    const dir = path.join(scratch, 'model');
    cpSync('fixtures/example', dir, { recursive: true });
    const funding = path.join(dir, 'funding.csv');
    writeFileSync(
      funding,
      `${readFileSync(funding, 'utf8').trimEnd()}\n2026-27,import_export,-250000.00,cross-border\n`,
    );
    const line = readFileSync(funding, 'utf8').trimEnd().split('\n').length;
    const report = (out: string, ...more: string[]) =>
      inProcess(['report', dir, '--out', path.join(scratch, out), ...more]);
    const run = await report('r.html');
    expect(run.code, run.stderr).toBe(0);
    const warned = run.stderr.split('\n').filter((l) => l.includes('IMPORT_EXPORT_NOT_CARRIED'));
    // Once, though every scenario's projection finds it.
    expect(warned).toEqual([
      `${funding}:${line}:1: warning IMPORT_EXPORT_NOT_CARRIED: import_export is -£250,000.00 for 2026-27 but not given for 2027-28, 2028-29, 2029-30, 2030-31: those years have no import/export adjustment, while the HNB and its deductions are carried into them`,
    ]);
    // --quiet leaves out the "wrote" line, not a warning about the user's data (README, "--quiet").
    const quiet = await report('q.html', '--quiet');
    expect(quiet.stderr.split('\n').filter((l) => l.includes('IMPORT_EXPORT_NOT_CARRIED'))).toEqual(
      warned,
    );
    expect(quiet.stderr).not.toContain('wrote');
  });
});
