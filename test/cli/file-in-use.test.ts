import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFault } from '../helpers/faults.js';
import { runMain } from '../helpers/run-cli.js';

/**
 * An output open in another program (found by an officer's user trial): on Windows, Excel holds a
 * workbook or CSV it has open, and renaming the finished temporary file over it fails with EPERM.
 * That was "unexpected error: this is a bug" with a stack trace (exit 3), leaving the temporary
 * files in the officer's folder. Here node:fs fails that rename as Windows does
 * (test/helpers/faults/file-in-use.mjs).
 */
const { main } = await withFault<typeof import('../../src/cli/run.js')>(
  'file-in-use',
  'cli/run.js',
);

const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-in-use-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const ADVICE = '; if it is open in another program, such as Excel, close it there and run again\n';

describe('an output file open in another program', () => {
  it('report --out: exit 2 naming the file and what to do; the old file kept, no temporary left', async () => {
    const folder = fs.mkdtempSync(path.join(scratch, 'report-'));
    const out = path.join(folder, 'report.xlsx');
    fs.writeFileSync(out, 'last month');
    const result = await runMain(main, ['report', 'fixtures/example', '--out', out]);
    expect([result.code, result.stderr]).toEqual([
      2,
      `highneeds: cannot write ${fs.realpathSync(out)}: operation not permitted${ADVICE}`,
    ]);
    expect(fs.readdirSync(folder)).toEqual(['report.xlsx']);
    expect(fs.readFileSync(out, 'utf8')).toBe('last month');
  });

  it("project --out with --manifest: neither output's temporary file is left", async () => {
    const folder = fs.mkdtempSync(path.join(scratch, 'project-'));
    const out = path.join(folder, 'projection.csv');
    fs.writeFileSync(out, 'last month');
    const manifest = path.join(folder, 'manifest.json');
    const result = await runMain(main, [
      'project',
      'fixtures/example',
      '--out',
      out,
      '--manifest',
      manifest,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot write ${fs.realpathSync(out)}`);
    expect(fs.readdirSync(folder).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(fs.readFileSync(out, 'utf8')).toBe('last month');
  });

  // Found by a review: the new manifest.json was renamed into place before projection.csv was
  // refused, so the folder held a manifest of a projection that was never written beside the old one.
  it('project --out with a new --manifest: no manifest of an output that was not written', async () => {
    const folder = fs.mkdtempSync(path.join(scratch, 'manifest-'));
    const out = path.join(folder, 'projection.csv');
    fs.writeFileSync(out, 'last month');
    const manifest = path.join(folder, 'manifest.json');
    const args = ['project', 'fixtures/example', '--out', out, '--manifest', manifest];
    const result = await runMain(main, args);
    expect(result.code).toBe(2);
    expect(fs.readdirSync(folder)).toEqual(['projection.csv']);
  });

  it('a new file is written as usual', async () => {
    const out = path.join(fs.mkdtempSync(path.join(scratch, 'new-')), 'projection.csv');
    const result = await runMain(main, ['project', 'fixtures/example', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^area_code,/);
  });
});

// Found by a review: a batch run again with national.csv open in Excel replaced summary.csv, then
// stopped at national.csv, saying only that national.csv could not be written: the folder held
// two runs' outputs, which nothing said.
describe("a batch's national.csv open in another program, its other outputs not", async () => {
  const faulty = await withFault<typeof import('../../src/cli/run.js')>(
    'national-in-use',
    'cli/run.js',
  );
  it('says which outputs were replaced already, so two runs are not taken for one', async () => {
    const out = path.join(fs.mkdtempSync(path.join(scratch, 'batch-')), 'out');
    const args = ['batch', 'fixtures/national', '--out-dir', out, '--jobs', '1', '--quiet'];
    const first = await runMain(faulty.main, args);
    expect(first.code, first.stderr).toBe(0);
    const result = await runMain(faulty.main, args);
    const summary = fs.realpathSync(path.join(out, 'summary.csv'));
    expect([result.code, result.stderr]).toEqual([
      2,
      `highneeds: cannot write ${fs.realpathSync(path.join(out, 'national.csv'))}: operation not permitted; if it is open in another program, such as Excel, close it there and run again (${summary} was replaced already: until the run is made again, the outputs are of two runs)\n`,
    ]);
  });
});
