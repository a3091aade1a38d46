import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shellWord } from '../../src/cli/shell-word.js';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/**
 * The commands init, calibrate and tariffs export say to run next name the folder written: one
 * named `My Area` was printed bare, `highneeds validate My Area`, which a shell splits into two
 * folders (found by a user trial). Each printed command is split here by a real shell, as a
 * person pasting it would have it split, and run.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-next-steps-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The words a POSIX shell makes of a command line. */
function shellSplit(line: string): string[] {
  const words = execFileSync('sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  return words.split('\0').slice(0, -1);
}

/** The `highneeds …` commands a run printed on stderr, as word lists without `highneeds`. */
const printedCommands = (stderr: string): string[][] =>
  [...stderr.matchAll(/highneeds ((?:validate|project|tariffs import) .*)$/gm)].map((m) =>
    shellSplit(m[1]!),
  );

const HISTORY = ['transitions', 'population', 'codes'].flatMap((name) => [
  `--${name}`,
  path.join(ROOT, 'fixtures/history', `${name}.csv`),
]);

describe('the next steps printed: a folder with spaces or quotes as one word, sentences fitted', () => {
  it.each(['My Area', "O'Brien's area", 'costs $ and `ticks`'])(
    'init %j: the validate and project lines run as printed',
    async (name) => {
      const init = await cli(['init', name], { cwd: scratch });
      expect(init.code, init.stderr).toBe(0);
      const commands = printedCommands(init.stderr);
      expect(commands.map((words) => words.slice(0, 2))).toEqual([
        ['validate', name],
        ['project', name],
      ]);
      for (const words of commands)
        expect((await cli(words, { cwd: scratch })).code, words.join(' ')).toBe(0);
    },
  );

  // Found by a review: `init -- -x` printed `highneeds validate -x`, which said "unknown option '-x'".
  it('init -- -x: a folder beginning with a dash is printed ./-x, not read as an option', async () => {
    const init = await cli(['init', '--', '-x'], { cwd: scratch });
    expect(init.code, init.stderr).toBe(0);
    const commands = printedCommands(init.stderr);
    expect(commands.map((words) => words.slice(0, 2))).toEqual([
      ['validate', './-x'],
      ['project', './-x'],
    ]);
    for (const words of commands)
      expect((await cli(words, { cwd: scratch })).code, words.join(' ')).toBe(0);
  });

  it('calibrate: the project line names the folder written', async () => {
    const run = await cli(['calibrate', ...HISTORY, '--out-dir', 'fitted area'], {
      cwd: scratch,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(printedCommands(run.stderr)).toEqual([['project', 'fitted area']]);
  });

  it('tariffs export --csv: the import line reads the files written', async () => {
    const exported = await cli(
      ['tariffs', 'export', 'example-borough-2025', '--csv', '--out-dir', 'my bands'],
      { cwd: scratch },
    );
    expect(exported.code, exported.stderr).toBe(0);
    const [words] = printedCommands(exported.stderr);
    expect(words).toContain(path.join('my bands', 'rates.csv'));
    const imported = await cli(words!, { cwd: scratch });
    expect(imported.code, imported.stderr).toBe(0);
  });

  /**
   * On an 80-column terminal the terminal broke init's message mid-word, "the Janua" over
   * "ry 2026 census" (a user trial): its sentences wrap to stderr's width, off a terminal not.
   */
  it.each([
    ['init', ['init', 'wrapped area', '--name', 'Royal Borough of Windsor and Maidenhead']],
    ['calibrate', ['calibrate', ...HISTORY, '--out-dir', 'wrapped fit']],
  ])(
    '%s: the sentences wrap on an 80-column terminal, the commands stay whole',
    async (_, args) => {
      const run = await cli(args, { cwd: scratch, stderrColumns: 80 });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.split('\n').filter((line) => line.length > 80)).toEqual([]);
      expect(printedCommands(run.stderr).length).toBeGreaterThan(0);
      const piped = await cli(
        args.map((arg) => arg.replace('wrapped', 'piped')),
        { cwd: scratch },
      );
      expect(piped.stderr.split('\n')[0]!.length).toBeGreaterThan(80);
    },
  );

  it('a plain path is printed as it is', () => {
    expect(shellWord('my-area/out_2026.v1')).toBe('my-area/out_2026.v1');
    expect(shellWord('My Area')).toBe('"My Area"');
    expect(shellWord('C:\\LA files\\area')).toBe('"C:\\LA files\\area"');
    expect(shellWord('a "b"')).toBe(`'a "b"'`);
  });
});

// Found by a DfE analyst's trial: --area, which opens one area of a national model as batch
// modelled it, was in the README only. On a terminal, batch now ends with a command that does so.
describe("batch's next step on a terminal: one area, with --area", () => {
  it('names the first area and its horizon, and runs as printed', async () => {
    const out = path.join(scratch, 'batch-next');
    const run = await cli(['batch', 'fixtures/national', '--out-dir', out], { stderrColumns: 100 });
    expect(run.code, run.stderr).toBe(0);
    const line = /^ {2}highneeds (explain .*)$/m.exec(run.stderr)?.[1];
    expect(line).toBe(
      'explain fixtures/national --area N01 --year 2029-30 --figure cumulative_balance',
    );
    const explained = await cli(shellSplit(line!));
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toMatch(/^Northshire \(N01\): cumulative_balance, 2029-30/);
  });

  it('says nothing off a terminal or with --quiet', async () => {
    const args = ['batch', 'fixtures/national', '--out-dir', path.join(scratch, 'batch-quiet')];
    const off = await cli(args);
    expect(off.stderr).not.toContain('--area');
    expect(off.stderr).not.toContain('Wrote');
    const quiet = await cli([...args, '--quiet'], { stderrColumns: 100 });
    expect(quiet.stderr).not.toContain('--area');
    expect(quiet.stderr).not.toContain('Wrote');
  });

  // Found by an analyst's trial: batch --draws printed the projection's totals, and nothing said
  // that intervals.csv held the ranges, or where the outputs went.
  it('says which files it wrote where, intervals.csv with its draws and seed', async () => {
    const out = path.join(scratch, 'batch-wrote');
    const report = path.join(out, 'report');
    const run = await cli(
      [
        ...['batch', 'fixtures/national', '--out-dir', out, '--report', report],
        ...['--draws', '3', '--seed', '5', '--scenarios', 'unmitigated'],
      ],
      { stderrColumns: 400 },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `Wrote summary.csv, national.csv, failures.csv, manifest.json and intervals.csv (the ranges of 3 draws, seed 5) in ${out}; national-report.html and national-report.xlsx in ${report}.\n`,
    );
  });
});
