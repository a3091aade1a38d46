import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/exec.js';

/** Scriptable output (issue 19, item 8): data alone on stdout or in --out, in the format asked for. */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-scriptable-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SOLVE = [
  'solve',
  'fixtures/example',
  '--target',
  'cumulative-balance>=0@2030-31',
  '--vary',
  'assumption:hnbGrowth',
  '--range',
  '0,0.2',
];
const HEADER = 'financial_year,spend_total,income_total,in_year_balance,cumulative_balance\n';

describe('solve', () => {
  it('--format csv writes only CSV, the same bytes every run; the answer and the run time go to stderr', () => {
    const first = runCli([...SOLVE, '--format', 'csv']);
    expect(first.code).toBe(0);
    expect(first.stdout.startsWith(HEADER)).toBe(true);
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(first.stderr).toMatch(
      /^cumulative-balance >= 0 in 2030-31 holds from assumption:hnbGrowth = 0\.\d+ .*\d+ projections in \d+ ms/,
    );
    expect(runCli([...SOLVE, '--format', 'csv']).stdout).toBe(first.stdout);
    expect(runCli([...SOLVE, '--format', 'csv', '--quiet']).stderr).toBe('');
  });

  it('no answer (exit 4): the reason on stderr, nothing on stdout', () => {
    const result = runCli([
      'solve',
      '--scenario',
      'demand-management',
      '--target',
      'spend-total<=1@2028-29',
      '--vary',
      'lever:fewer-new-plans.share',
      '--range',
      '-1,0',
      '--tolerance',
      '0.01',
      '--format',
      'csv',
    ]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('No value of lever:fewer-new-plans.share in -1,0 meets');
  });

  it('--out writes the file (the format from its extension) and nothing to stdout', () => {
    const out = path.join(scratch, 'solved.json');
    const result = runCli([...SOLVE, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { value: number }).value).toBeGreaterThan(0);
  });
});

describe('--out and --format', () => {
  it('an extension that names another format than --format is a usage error, and nothing is written', () => {
    const out = path.join(scratch, 'x.json');
    const result = runCli(['project', 'fixtures/example', '--out', out, '--format', 'csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('names a JSON file but --format is csv');
    expect(() => readFileSync(out)).toThrow();
  });

  it('a workbook is refused: highneeds writes CSV', () => {
    const result = runCli(['compare', 'fixtures/example', '--out', path.join(scratch, 'x.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a .xlsx workbook; write a .csv (with --bom for Excel)');
  });

  it('without --format, .json gives JSON and .csv CSV', () => {
    const json = path.join(scratch, 'p.json');
    expect(runCli(['project', 'fixtures/example', '--out', json]).code).toBe(0);
    expect(readFileSync(json, 'utf8').startsWith('{')).toBe(true);
    const csv = path.join(scratch, 'n.csv');
    expect(
      runCli(['nff', 'fixtures/nff/nff-factors.csv', '--year', '2025-26', '--out', csv]).code,
    ).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('area_code,')).toBe(true);
  });
});

describe('--bom', () => {
  it("starts CSV with Excel's byte order mark, and is refused on other formats", () => {
    const plain = runCli(['project', 'fixtures/example', '--format', 'csv']).stdout;
    expect(runCli(['project', 'fixtures/example', '--format', 'csv', '--bom']).stdout).toBe(
      `\uFEFF${plain}`,
    );
    expect(
      runCli(['tariffs', 'list', '--format', 'csv', '--bom']).stdout.startsWith('\uFEFFid,'),
    ).toBe(true);
    expect(
      runCli([...SOLVE, '--format', 'csv', '--bom']).stdout.startsWith(`\uFEFF${HEADER}`),
    ).toBe(true);
    const refused = runCli(['project', 'fixtures/example', '--format', 'json', '--bom']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--bom applies to CSV output, not json');
  });

  const BOM = [0xef, 0xbb, 0xbf];
  const firstBytes = (file: string) => [...readFileSync(file).subarray(0, 3)];

  it('tariffs export --csv writes the spreadsheet form with the BOM by default, without it with --no-bom, and import reads both', () => {
    const withMark = path.join(scratch, 'export-bom');
    const without = path.join(scratch, 'export-no-bom');
    expect(
      runCli([
        'tariffs',
        'export',
        'example-borough-2025',
        '--csv',
        '--out-dir',
        withMark,
        '--quiet',
      ]).code,
    ).toBe(0);
    expect(
      runCli([
        'tariffs',
        'export',
        'example-borough-2025',
        '--csv',
        '--out-dir',
        without,
        '--no-bom',
        '--quiet',
      ]).code,
    ).toBe(0);
    const json = runCli(['tariffs', 'export', 'example-borough-2025']).stdout;
    for (const name of ['tariff.csv', 'references.csv', 'settings.csv', 'bands.csv', 'rates.csv']) {
      expect(firstBytes(path.join(withMark, name)), name).toEqual(BOM);
      expect(firstBytes(path.join(without, name)), name).not.toEqual(BOM);
      expect(readFileSync(path.join(withMark, name), 'utf8')).toBe(
        `\uFEFF${readFileSync(path.join(without, name), 'utf8')}`,
      );
    }
    for (const dir of [withMark, without]) {
      const back = runCli([
        'tariffs',
        'import',
        path.join(dir, 'rates.csv'),
        '--settings',
        path.join(dir, 'settings.csv'),
        '--bands',
        path.join(dir, 'bands.csv'),
        '--references',
        path.join(dir, 'references.csv'),
        '--meta',
        path.join(dir, 'tariff.csv'),
        '--quiet',
      ]);
      expect(back.stdout).toBe(json);
    }
    // The JSON form has no BOM; --bom on it is refused rather than ignored.
    expect(json.startsWith('{')).toBe(true);
    const refused = runCli(['tariffs', 'export', 'example-borough-2025', '--bom']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--bom applies to the spreadsheet form (--csv)');
  });

  it('batch --bom starts summary.csv, national.csv and failures.csv with the BOM; without it none does', () => {
    const plain = path.join(scratch, 'batch-plain');
    const marked = path.join(scratch, 'batch-bom');
    expect(runCli(['batch', 'fixtures/national', '--out-dir', plain, '--quiet']).code).toBe(0);
    expect(
      runCli(['batch', 'fixtures/national', '--out-dir', marked, '--quiet', '--bom']).code,
    ).toBe(0);
    for (const name of ['summary.csv', 'national.csv', 'failures.csv']) {
      expect(firstBytes(path.join(marked, name)), name).toEqual(BOM);
      expect(firstBytes(path.join(plain, name)), name).not.toEqual(BOM);
      expect(readFileSync(path.join(marked, name), 'utf8')).toBe(
        `\uFEFF${readFileSync(path.join(plain, name), 'utf8')}`,
      );
    }
    expect(readFileSync(path.join(marked, 'manifest.json'), 'utf8').startsWith('{')).toBe(true);
  });
});
