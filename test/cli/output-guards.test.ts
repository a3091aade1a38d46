import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/** Issue 18, defect 9 (but manifest paths): outputs a user did not mean, and text that drives the terminal. */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-guards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('tariffs export --csv --out-dir never overwrites silently', () => {
  const dir = path.join(scratch, 'export');
  const args = ['tariffs', 'export', 'example-borough-2025', '--csv', '--out-dir', dir, '--quiet'];

  it('a second export into the same folder is refused (exit 2), the edited files unchanged', async () => {
    expect((await cli(args)).code).toBe(0);
    writeFileSync(path.join(dir, 'rates.csv'), 'edited by hand\n');
    const again = await cli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `highneeds: --out-dir ${dir} already holds tariff.csv, references.csv, settings.csv, bands.csv, rates.csv; choose a new folder, or add --force to replace them\n`,
    );
    expect(readFileSync(path.join(dir, 'rates.csv'), 'utf8')).toBe('edited by hand\n');
    expect(readdirSync(dir).sort()).toEqual([
      'bands.csv',
      'rates.csv',
      'references.csv',
      'settings.csv',
      'tariff.csv',
    ]);
  });

  it('--force replaces them', async () => {
    const forced = await cli([...args, '--force']);
    expect([forced.code, forced.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(dir, 'rates.csv'), 'utf8')).toMatch(/^\uFEFFeffective_from,/);
  });

  it('one file of the set already there is enough to refuse', async () => {
    const other = path.join(scratch, 'one-there');
    expect((await cli(['init', other, '--quiet'])).code).toBe(0);
    writeFileSync(path.join(other, 'bands.csv'), 'mine\n');
    const result = await cli([...args.slice(0, -3), '--out-dir', other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `already holds bands.csv; choose a new folder, or add --force to replace it`,
    );
  });
});

const HISTORY = ['transitions', 'population', 'codes'].flatMap((f) => [
  `--${f}`,
  `fixtures/history/${f}.csv`,
]);

describe("--out '' is a usage error for every command that writes one", () => {
  const cases: string[][] = [
    ['project', '--out', ''],
    ['compare', '--out', ''],
    [
      'solve',
      '--target',
      'in-year-balance>=0@2028-29',
      '--vary',
      'lever:early-help-semh.share',
      '--scenario',
      'mitigated',
      '--range',
      '-1,0',
      '--out',
      '',
    ],
    ['nff', 'fixtures/nff/nff-factors.csv', '--year', '2025-26', '--out', ''],
    ['tariffs', 'list', '--out', ''],
    ['tariffs', 'show', 'example-borough-2025', '--out', ''],
    ['tariffs', 'diff', 'example-borough-2025', 'devon-2022-24', '--out', ''],
    ['tariffs', 'export', 'example-borough-2025', '--out', ''],
    ['tariffs', 'export', 'example-borough-2025', '--csv', '--out-dir', ''],
    ['batch', 'fixtures/national', '--out-dir', ''],
    // Refused before anything is read: a folder that is no model would fail later (exit 1).
    ['batch', 'fixtures/no-such-model', '--out-dir', ''],
    ['project', '--manifest', ''],
    // The commands added since (a probe): report said "--out : the report is written as HTML …".
    ['report', '--out', ''],
    ['simulate', '--draws', '10', '--out', ''],
    ['explain', '--year', '2027-28', '--figure', 'spend_total', '--out', ''],
    ['backtest', ...HISTORY, '--out', ''],
    ['calibrate', ...HISTORY, '--out-dir', ''],
    ['batch', 'fixtures/no-such-model', '--out-dir', path.join(scratch, 'unmade'), '--report', ''],
  ];
  for (const args of cases) {
    it(args.join(' '), async () => {
      const result = await cli(args);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toMatch(
        /^highneeds: --(out|out-dir|manifest|report) is empty; give a (file name|folder)\n$/,
      );
    });
  }

  // `--out -`, which many tools read as stdout, made a file named "-", exit 0 and not a word
  // (found by trying it in a pipe). Each case again, with - for the empty name.
  for (const args of cases) {
    const dashed = [...args.slice(0, -1), '-'];
    it(dashed.join(' '), async () => {
      const result = await cli(dashed);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toMatch(
        /^highneeds: --(out|out-dir|manifest|report) - would make a (file|folder) named "-"; give a (file name|folder)( \(a command that prints its output does so without --out\))?\n$/,
      );
      const made = existsSync(path.join(ROOT, '-'));
      rmSync(path.join(ROOT, '-'), { recursive: true, force: true });
      expect(made).toBe(false);
    });
  }
});

// report's --out is required, so report --out - is not told that a command prints without it (found by a review).
it('report --out - is told to give a file name, not to leave --out out', async () => {
  const result = await cli(['report', '--out', '-']);
  expect([result.code, result.stderr]).toEqual([
    2,
    'highneeds: --out - would make a file named "-"; give a file name\n',
  ]);
});

describe('batch refuses an output folder that cannot be made before it models any area', () => {
  // A probe found --report (and --out-dir) under a file refused only once every area was modelled.
  const file = path.join(scratch, 'a-file');
  writeFileSync(file, '');
  const under = path.join(file, 'folder');
  for (const [option, args] of [
    ['--out-dir', ['--out-dir', under]],
    ['--report', ['--out-dir', path.join(scratch, 'unmade'), '--report', under]],
  ] as const) {
    it(option, async () => {
      // The model is not there: a run that read it first would fail with exit 1.
      const result = await cli(['batch', 'fixtures/no-such-model', ...args]);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toBe(
        `highneeds: cannot make ${option} ${under}: ${file} is a file, not a folder\n`,
      );
    });
  }
});

describe('control characters in names and values are shown, not obeyed, on a terminal', () => {
  const ESC = '\u001b';
  const model = path.join(scratch, 'escape');
  cpSync(path.join(ROOT, 'fixtures/worked-example'), model, { recursive: true });
  const manifest = readFileSync(path.join(model, 'model.json'), 'utf8').replace(
    '"name": "Worked Example"',
    '"name": "Worked\\u001b]0;pwned\\u0007\\u001b[2J Example"',
  );
  writeFileSync(path.join(model, 'model.json'), manifest);

  it('an area name in the table', async () => {
    const result = await cli(['project', model, '--format', 'table']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain('Worked\\x1b]0;pwned\\x07\\x1b[2J Example');
  });

  it('the same name is kept as read in CSV (data, for a program)', async () => {
    const result = await cli(['project', model, '--format', 'csv']);
    expect(result.stdout).toContain(`Worked${ESC}]0;pwned\u0007${ESC}[2J Example`);
  });

  it('a value quoted in an error message on stderr', async () => {
    const broken = path.join(scratch, 'escape-need');
    cpSync(path.join(ROOT, 'fixtures/errors/_valid'), broken, { recursive: true });
    writeFileSync(
      path.join(broken, 'cohort.csv'),
      `ncy,need,setting,band,count\n3,${ESC}[31mASD,mainstream,1,2\n`,
    );
    const result = await cli(['validate', broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(ESC);
    expect(result.stderr).toContain('need "\\x1b[31mASD"');
  });

  it('a tariff title in tariffs list', async () => {
    const library = path.join(scratch, 'library');
    cpSync(path.join(ROOT, 'tariffs'), library, { recursive: true });
    const file = path.join(library, 'example-borough-2025.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '"title": "Example Borough',
        '"title": "\\u001b[5mExample Borough',
      ),
    );
    const result = await cli(['tariffs', 'list', '--dir', library, '--format', 'table']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain('\\x1b[5mExample Borough');
  });
});
