import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests (which outputs an --out-dir keeps is decided on this
// thread): its batches run on one (the reason is in the helper).
asOnOneCore();

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-batch-stale-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const BASE = ['batch', 'fixtures/national', '--scenarios', 'unmitigated', '--quiet'];

// Every batch output in an --out-dir is of one run: an intervals.csv or national report an earlier
// run left, and this one does not write, would be read beside figures they do not belong to.
describe('batch --out-dir holds the outputs of one run', () => {
  it('removes an earlier run’s intervals.csv and national report that this run does not write, and says the draws in manifest.json', async () => {
    const out = path.join(scratch, 'out');
    const first = await cli([
      ...BASE,
      '--out-dir',
      out,
      '--draws',
      '20',
      '--seed',
      '3',
      '--report',
      out,
    ]);
    expect(first.code, first.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as object;
    expect(manifest).toMatchObject({ draws: 20, seed: 3 });
    for (const name of ['intervals.csv', 'national-report.html', 'national-report.xlsx'])
      expect(existsSync(path.join(out, name)), name).toBe(true);

    const second = await cli([...BASE, '--out-dir', out]);
    expect(second.code, second.stderr).toBe(0);
    for (const name of ['intervals.csv', 'national-report.html', 'national-report.xlsx'])
      expect(existsSync(path.join(out, name)), name).toBe(false);
    const after = readFileSync(path.join(out, 'manifest.json'), 'utf8');
    expect(after).not.toContain('"draws"');
  });

  it('writes through a link of that name, keeps it while it writes there, and removes the link (never its file) once it does not', async () => {
    const out = path.join(scratch, 'linked');
    await cli([...BASE, '--out-dir', out, '--draws', '5', '--seed', '1']);
    const elsewhere = path.join(scratch, 'shared-intervals.csv');
    writeFileSync(elsewhere, 'keep\n');
    rmSync(path.join(out, 'intervals.csv'));
    symlinkSync(elsewhere, path.join(out, 'intervals.csv'));
    expect((await cli([...BASE, '--out-dir', out, '--draws', '5', '--seed', '1'])).code).toBe(0);
    const drawn = readFileSync(elsewhere, 'utf8');
    expect(drawn).toContain('p2_5');
    expect(lstatSync(path.join(out, 'intervals.csv')).isSymbolicLink()).toBe(true);
    expect((await cli([...BASE, '--out-dir', out])).code).toBe(0);
    expect(existsSync(path.join(out, 'intervals.csv'))).toBe(false);
    expect(readFileSync(elsewhere, 'utf8')).toBe(drawn);
  });

  it("leaves simulate's intervals.csv alone: refused without --force, kept with it, run after run", async () => {
    const out = path.join(scratch, 'simulated');
    mkdirSync(out);
    const mine = path.join(out, 'intervals.csv');
    const made = await cli(['simulate', 'fixtures/example', '--draws', '10', '--out', mine]);
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(mine)).toBe(true);
    const simulated = readFileSync(mine, 'utf8');
    const refused = await cli([...BASE, '--out-dir', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already holds other files (intervals.csv)');
    for (let run = 0; run < 2; run += 1)
      expect((await cli([...BASE, '--out-dir', out, '--force'])).code).toBe(0);
    expect(readFileSync(mine, 'utf8')).toBe(simulated);
  });

  it('refuses --seed without --draws, as report does, before reading anything', async () => {
    const run = await cli([...BASE, '--out-dir', path.join(scratch, 'seed'), '--seed', '5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--seed goes with --draws N');
    expect(existsSync(path.join(scratch, 'seed'))).toBe(false);
  });

  // With --draws the run takes minutes: an output it cannot write is refused before any area is
  // read (a folder that is not there gives FILE_MISSING otherwise, after the out-dir check).
  it.each([
    ['--out-dir', 'intervals.csv'],
    ['--report', 'national-report.xlsx'],
  ])('refuses %s whose %s is a link to nowhere before reading anything', async (option, name) => {
    const out = path.join(scratch, `dangling-${name}`);
    mkdirSync(out);
    symlinkSync(path.join(scratch, 'nowhere', name), path.join(out, name));
    const args = ['batch', path.join(scratch, 'no-such-model'), '--quiet', '--draws', '5'];
    const run = await cli([
      ...args,
      '--out-dir',
      option === '--out-dir' ? out : path.join(scratch, `out-${name}`),
      '--force',
      ...(option === '--report' ? ['--report', out] : []),
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(
      `cannot write ${path.join(out, name)}: it is a symbolic link to a file that does not exist`,
    );
  });
});

// Found by a user trial: --report DIR replaced a user's annotated national-report.html with exit 0, where
// --out-dir holding the same file is refused. A --report folder now replaces a national report
// only as --out-dir would: one beside a batch's manifest.json, or any with --force.
describe('batch --report replaces a national report only as --out-dir would', () => {
  const mine = '<p>my annotated copy</p>\n';

  it('refuses a --report folder holding a national report no batch wrote, before reading anything, and replaces it with --force', async () => {
    const report = path.join(scratch, 'annotated');
    mkdirSync(report);
    writeFileSync(path.join(report, 'national-report.html'), mine);
    const out = path.join(scratch, 'annotated-out');
    const refused = await cli([...BASE, '--out-dir', out, '--report', report]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `highneeds: --report ${report} already holds national-report.html; choose a new folder, or add --force to replace it\n`,
    );
    expect(readFileSync(path.join(report, 'national-report.html'), 'utf8')).toBe(mine);
    expect(existsSync(out)).toBe(false);

    const forced = await cli([...BASE, '--out-dir', out, '--report', report, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(path.join(report, 'national-report.html'), 'utf8')).toContain('<html');
  });

  it('replaces the national report beside an earlier batch’s manifest, in --out-dir or in another folder', async () => {
    const first = path.join(scratch, 'first');
    expect((await cli([...BASE, '--out-dir', first, '--report', first])).code).toBe(0);
    const again = await cli([...BASE, '--out-dir', first, '--report', first]);
    expect(again.code, again.stderr).toBe(0);
    const elsewhere = await cli([
      ...BASE,
      '--out-dir',
      path.join(scratch, 'second'),
      '--report',
      first,
    ]);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
  });

  // A review found the same command refused when run again: the report folder has no manifest.
  it('replaces its own report when the same command runs again, the --out-dir’s manifest naming the --report folder; not a report the manifest does not name', async () => {
    const out = path.join(scratch, 'rerun-out');
    const report = path.join(scratch, 'rerun-report');
    const args = [...BASE, '--out-dir', out, '--report', report];
    expect((await cli(args)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      report?: string;
    };
    expect(manifest.report).toBe('../rerun-report');
    const again = await cli(args);
    expect(again.code, again.stderr).toBe(0);
    // The same report folder under another --out-dir, whose manifest does not name it: refused.
    const other = path.join(scratch, 'rerun-other');
    const refused = await cli([...BASE, '--out-dir', other, '--report', report]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--report ${report} already holds national-report.html`);
  });

  it('refuses --report that is the --out-dir when the report there is not a batch’s, as --out-dir does', async () => {
    const out = path.join(scratch, 'same');
    mkdirSync(out);
    writeFileSync(path.join(out, 'national-report.xlsx'), mine);
    const refused = await cli([...BASE, '--out-dir', out, '--report', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already holds other files (national-report.xlsx)');
    expect(readFileSync(path.join(out, 'national-report.xlsx'), 'utf8')).toBe(mine);
  });
});
