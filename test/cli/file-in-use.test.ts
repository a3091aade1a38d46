import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFault } from '../helpers/faults.js';
import { cli, runMain } from '../helpers/run-cli.js';

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
    // One scenario: the write is what is tested, not what is written (three, and the savings
    // between them, cost some 0.5 s more CPU in this fresh copy of dist/).
    const result = await runMain(main, [
      'report',
      'fixtures/example',
      '--scenarios',
      'unmitigated',
      '--out',
      out,
    ]);
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

  it('--out /dev/null, written first, and a --manifest held open: not said to be "nothing written"', async () => {
    const manifest = path.join(fs.mkdtempSync(path.join(scratch, 'device-')), 'manifest.json');
    fs.writeFileSync(manifest, 'last month');
    const args = ['project', 'fixtures/example', '--out', '/dev/null', '--manifest', manifest];
    const result = await runMain(main, args);
    expect([result.code, result.stderr]).toEqual([
      2,
      `highneeds: cannot write ${fs.realpathSync(manifest)}: operation not permitted${ADVICE}`,
    ]);
    expect(fs.readFileSync(manifest, 'utf8')).toBe('last month');
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
// two runs' outputs, which nothing said. The message then named what it had replaced; now, as a
// leftover asked, the run replaces every output or none: each file it replaces or removes is set
// aside first, and one that cannot be (open in Excel) stops the run before any is replaced.
describe("a batch's outputs open in another program", async () => {
  const faulty = await withFault<typeof import('../../src/cli/run.js')>(
    'national-in-use',
    'cli/run.js',
  );
  const several = await withFault<typeof import('../../src/cli/run.js')>(
    'outputs-in-use',
    'cli/run.js',
  );

  /** The files of a folder and what each holds. */
  const contents = (dir: string) =>
    Object.fromEntries(
      fs
        .readdirSync(dir)
        .sort()
        .map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]),
    );

  /** An --out-dir of an earlier run, its CSVs marked so that a replaced one shows. */
  async function earlierRun(extra: readonly string[] = []) {
    const out = path.join(fs.mkdtempSync(path.join(scratch, 'batch-')), 'out');
    const args = ['batch', 'fixtures/national', '--out-dir', out, '--jobs', '1', '--quiet'];
    const first = await cli([...args, ...extra]);
    expect(first.code, first.stderr).toBe(0);
    for (const name of fs.readdirSync(out).filter((n) => n.endsWith('.csv')))
      fs.appendFileSync(path.join(out, name), 'the earlier run\n');
    return { out, args, before: contents(out) };
  }

  it('national.csv open: none is replaced, and the message says it is the only one', async () => {
    const { out, args, before } = await earlierRun();
    const result = await runMain(faulty.main, args);
    expect([result.code, result.stderr]).toEqual([
      2,
      `highneeds: cannot write ${fs.realpathSync(path.join(out, 'national.csv'))}: operation not permitted${ADVICE.trimEnd()} (nothing was written: every file is as it was)\n`,
    ]);
    expect(contents(out)).toEqual(before);
  });

  it('a new file that cannot be renamed in, after the earlier ones were set aside: they are put back', async () => {
    const refused = await withFault<typeof import('../../src/cli/run.js')>(
      'rename-refused',
      'cli/run.js',
    );
    const { out, args, before } = await earlierRun();
    const result = await runMain(refused.main, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^highneeds: cannot write \S+\/out\/\S+: permission denied \(nothing was written: every file is as it was\)\n$/,
    );
    expect(contents(out)).toEqual(before);
  });

  it('three open, one of them an output this run would remove: all named in one message, none changed', async () => {
    const { out, args, before } = await earlierRun(['--draws', '5', '--seed', '1']);
    expect(Object.keys(before)).toContain('intervals.csv');
    const result = await runMain(several.main, args);
    const real = (name: string) => fs.realpathSync(path.join(out, name));
    expect([result.code, result.stderr]).toEqual([
      2,
      `highneeds: cannot write ${real('national.csv')} and ${real('failures.csv')}, or remove ${real('intervals.csv')} (an earlier run's, which this run does not write): operation not permitted; if they are open in another program, such as Excel, close them there and run again (nothing was written: every file is as it was)\n`,
    ]);
    expect(contents(out)).toEqual(before);
  });
});
