import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { ROOT } from '../helpers/exec.js';
import { cli, type RunResult } from '../helpers/run-cli.js';

/**
 * The example as a finance officer's spreadsheet export gives it (found by a user trial): Excel
 * headers, year names, SEN2 long names, £ amounts, accounting brackets, percentages, and places
 * for two past years the projection does not model. The terminal says each kind of thing once,
 * errors first; the JSON output and the library keep every issue.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-noise-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LONG: Record<string, string> = {
  ASD: 'Autistic Spectrum Disorder',
  MLD: 'Moderate Learning Difficulty',
  SEMH: '"Social, Emotional and Mental Health"',
};

/** Rewrites a file of the copy. */
function edit(dir: string, file: string, change: (text: string) => string): void {
  writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
}

/** Rewrites each row of a CSV of the copy (not its header), cell by cell. */
function rows(dir: string, file: string, change: (cells: string[], i: number) => string[]): void {
  edit(dir, file, (text) => {
    const [header, ...rest] = text.trimEnd().split('\n');
    const changed = rest.map((line, i) => change(line.split(','), i + 1).join(','));
    return `${[header, ...changed].join('\n')}\n`;
  });
}

function messy(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
  rows(
    dir,
    'cohort.csv',
    ([ncy = '', need = '', setting = '', band = '', count = '', cost = '']) => [
      /^([1-9]|1[01])$/.test(ncy) ? `Y${ncy}` : ncy,
      LONG[need] ?? need,
      setting,
      band,
      count,
      cost || (setting === 'nmss' ? '"£45,000.00"' : ''),
    ],
  );
  edit(dir, 'cohort.csv', (text) =>
    text.replace(/^.*\n/, 'NCY,Need,Setting,Band,Count,Annual Cost\n'),
  );
  rows(dir, 'ceasing.csv', ([ncy = '', rate = '', ...rest]) => [
    ncy,
    `${Math.round(Number(rate) * 100)}%`,
    ...rest,
  ]);
  edit(dir, 'funding.csv', (text) =>
    text.replace('-18500000.00', '"(£18,500,000.00)"').replace('37200000.00', '"£37,200,000.00"'),
  );
  const settings = ['special-maintained', 'special-academy', 'ap', 'resourced-provision'];
  const past = ['2023/24', '2024/25'].flatMap((year) => settings.map((s) => `${year},${s},40\n`));
  edit(dir, 'places.csv', (text) => `${text}${past.join('')}`);
  return dir;
}

const dir = messy('valid');
/** `validate` of that export, which no test changes: run once for the two tests that read it. */
let validated: Promise<RunResult> | undefined;
const validateValid = () => (validated ??= cli(['validate', dir]));
const warningLines = (stderr: string) =>
  stderr.split('\n').filter((line) => / warning /.test(line));

describe('a spreadsheet export of the example', () => {
  it('is told each kind of change once: one line per file, column and kind, with the lines of the rest', async () => {
    const result = await validateValid();
    expect(result.code).toBe(0);
    const shown = warningLines(result.stderr);
    expect(shown.map((line) => line.replace(`${dir}${path.sep}`, ''))).toEqual([
      'ceasing.csv:2:2: warning NUMBER_NORMALISED: "rate": read a percentage as a share in 24 cells ("2%" as 0.02, the first here)',
      'cohort.csv:1:6: warning COLUMN_NORMALISED: column "Annual Cost" is read as annual_cost',
      'cohort.csv:2:2: warning CODE_NORMALISED: "Need": read a SEN2 long name as its code in 688 cells ("Autistic Spectrum Disorder" as ASD, the first here)',
      'cohort.csv:17:6: warning NUMBER_NORMALISED: "Annual Cost": removed £ or thousands separators in 32 cells ("£45,000.00" as 45000.00, the first here)',
      'cohort.csv:70:1: warning CODE_NORMALISED: "NCY": read a year name as an NCY in 878 cells ("Y1" as 1, the first here)',
      'funding.csv:2:3: warning NUMBER_NORMALISED: "amount": read an amount in brackets as negative in 1 cell ("(£18,500,000.00)" as -18500000.00, the first here)',
      'funding.csv:3:3: warning NUMBER_NORMALISED: "amount": removed £ or thousands separators in 1 cell ("£37,200,000.00" as 37200000.00, the first here)',
      'places.csv:26:1: warning YEAR_OUT_OF_RANGE: academic year 2023/24 is outside the modelled years 2025/26 to 2030/31; the row is ignored (and in 3 more cells of this column: lines 27–29)',
      'places.csv:30:1: warning YEAR_OUT_OF_RANGE: academic year 2024/25 is outside the modelled years 2025/26 to 2030/31; the row is ignored (and in 3 more cells of this column: lines 31–33)',
    ]);
    // The count is of every warning, as before: the eight places rows are eight.
    expect(result.stderr).toMatch(/\n15 warnings\n$/);
    expect(result.stderr.split('\n')).toHaveLength(shown.length + 2);
  });

  it('says the same, folded, on project and compare', async () => {
    const validate = await validateValid();
    for (const argv of [
      ['project', dir, '--format', 'csv'],
      ['compare', dir],
    ]) {
      const result = await cli(argv);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(validate.stderr);
    }
  });

  it('puts the error that stops the run first, before the warnings', async () => {
    const bad = messy('error');
    rows(bad, 'cohort.csv', (cells, i) =>
      i === 899 ? [cells[0]!, 'SEMHX', ...cells.slice(2)] : cells,
    );
    const result = await cli(['validate', bad]);
    expect(result.code).toBe(1);
    const [first, hint, next] = result.stderr.split('\n');
    expect(first).toMatch(
      /cohort\.csv:900:2: error UNKNOWN_NEED: need "SEMHX" is not a SEN2 primary-need code$/,
    );
    expect(hint).toMatch(/^ {2}hint: expected one of ASD, /);
    expect(next).toMatch(/ceasing\.csv:2:2: warning NUMBER_NORMALISED: /);
    expect(result.stderr).toMatch(/\n1 error, 15 warnings\n$/);
  });

  it("keeps every issue in project's JSON, on stderr with --format json, and in the library's result", async () => {
    const result = await cli(['project', dir, '--format', 'json']);
    expect(result.code).toBe(0);
    const warnings: string[] = JSON.parse(result.stdout).warnings;
    expect(warnings).toHaveLength(15);
    expect(warnings.filter((w) => w.startsWith('YEAR_OUT_OF_RANGE: '))).toHaveLength(8);
    // JSON output lists every problem, one a line, as README says.
    expect(warningLines(result.stderr)).toHaveLength(15);
    expect(result.stderr).not.toContain('more cells of this column');
    const loaded = loadModel(dir);
    const outside = loaded.issues.filter((issue) => issue.code === 'YEAR_OUT_OF_RANGE');
    expect(outside.map((issue) => issue.location?.line)).toEqual([26, 27, 28, 29, 30, 31, 32, 33]);
  });
});
