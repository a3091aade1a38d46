import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, type RunResult } from '../helpers/run-cli.js';
import { importArgs } from '../helpers/tariff-import-args.js';

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
const HEADER =
  'financial_year,spend_total,income_total,in_year_balance,cumulative_balance,underlying_in_year_balance,target,vary,value\n';

describe('solve', () => {
  /** `solve … --format csv --quiet`, which writes no file: run once for the two tests that read it. */
  let quiet: Promise<RunResult> | undefined;
  const quietCsv = () => (quiet ??= cli([...SOLVE, '--format', 'csv', '--quiet']));

  it('--format csv writes only CSV, the same bytes every run; the answer and the run time go to stderr', async () => {
    const first = await cli([...SOLVE, '--format', 'csv']);
    expect(first.code).toBe(0);
    expect(first.stdout.startsWith(HEADER)).toBe(true);
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(first.stderr).toMatch(
      /^cumulative-balance >= £0\.00 in 2030-31 holds from assumption:hnbGrowth = 0\.\d+ .*\d+ projections in \d+ ms/,
    );
    expect((await cli([...SOLVE, '--format', 'csv'])).stdout).toBe(first.stdout);
    expect((await quietCsv()).stderr).toBe('');
  });

  // The answer is the output (README, "--quiet"): `solve --quiet --format csv` (and --quiet with
  // the default output when stdout is not a terminal) printed the projection at the answer and
  // nowhere the value found, since the sentence saying it went to stderr, which --quiet leaves
  // out. The CSV now carries the answer as data, as the JSON does: target, vary and value.
  it('--quiet --format csv keeps the answer: the value the JSON gives, on every row', async () => {
    const [csv, json] = await Promise.all([
      quietCsv(),
      cli([...SOLVE, '--format', 'json', '--quiet']),
    ]);
    expect([csv.code, csv.stderr]).toEqual([0, '']);
    const value = /"value": (.*),/.exec(json.stdout)![1]!;
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    expect(`${header!}\n`).toBe(HEADER);
    expect(rows.map((row) => row.split(',').slice(-3))).toEqual(
      rows.map(() => ['cumulative-balance>=0@2030-31', 'assumption:hnbGrowth', value]),
    );
  });

  it('no answer (exit 4): the reason on stderr, nothing on stdout', async () => {
    const result = await cli([
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

  it('--out writes the file (the format from its extension) and nothing to stdout', async () => {
    const out = path.join(scratch, 'solved.json');
    const result = await cli([...SOLVE, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { value: number }).value).toBeGreaterThan(0);
  });
});

describe('--out and --format', () => {
  it('an extension that names another format than --format is a usage error, and nothing is written', async () => {
    const out = path.join(scratch, 'x.json');
    const result = await cli(['project', 'fixtures/example', '--out', out, '--format', 'csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('names a JSON file but --format is csv');
    expect(() => readFileSync(out)).toThrow();
  });

  it.each([
    ['compare', 'x.xlsx'],
    ['project', 'p.html'],
  ])('%s --out %s is refused, pointing at highneeds report', async (command, name) => {
    const out = path.join(scratch, name);
    const result = await cli([command, 'fixtures/example', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `not ${path.extname(name)}; for a workbook or a page to present, run highneeds report MODEL --out FILE.xlsx or FILE.html, or write a .csv (with --bom for Excel)`,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('without --format, .json gives JSON and .csv CSV', async () => {
    const json = path.join(scratch, 'p.json');
    expect((await cli(['project', 'fixtures/example', '--out', json])).code).toBe(0);
    expect(readFileSync(json, 'utf8').startsWith('{')).toBe(true);
    const csv = path.join(scratch, 'n.csv');
    expect(
      (await cli(['nff', 'fixtures/nff/nff-factors.csv', '--year', '2025-26', '--out', csv])).code,
    ).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('area_code,')).toBe(true);
  });
});

describe('--bom', () => {
  it("starts CSV with Excel's byte order mark, and is refused on other formats", async () => {
    const plain = (await cli(['project', 'fixtures/example', '--format', 'csv'])).stdout;
    expect((await cli(['project', 'fixtures/example', '--format', 'csv', '--bom'])).stdout).toBe(
      `\uFEFF${plain}`,
    );
    expect(
      (await cli(['tariffs', 'list', '--format', 'csv', '--bom'])).stdout.startsWith('\uFEFFid,'),
    ).toBe(true);
    expect(
      (await cli([...SOLVE, '--format', 'csv', '--bom'])).stdout.startsWith(`\uFEFF${HEADER}`),
    ).toBe(true);
    const refused = await cli(['project', 'fixtures/example', '--format', 'json', '--bom']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--bom applies to CSV output, not json');
  });

  const BOM = [0xef, 0xbb, 0xbf];
  const firstBytes = (file: string) => [...readFileSync(file).subarray(0, 3)];

  it('tariffs export --csv writes the spreadsheet form with the BOM by default, without it with --no-bom, and import reads both', async () => {
    const withMark = path.join(scratch, 'export-bom');
    const without = path.join(scratch, 'export-no-bom');
    expect(
      (
        await cli([
          'tariffs',
          'export',
          'example-borough-2025',
          '--csv',
          '--out-dir',
          withMark,
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await cli([
          'tariffs',
          'export',
          'example-borough-2025',
          '--csv',
          '--out-dir',
          without,
          '--no-bom',
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    const json = (await cli(['tariffs', 'export', 'example-borough-2025'])).stdout;
    for (const name of ['tariff.csv', 'references.csv', 'settings.csv', 'bands.csv', 'rates.csv']) {
      expect(firstBytes(path.join(withMark, name)), name).toEqual(BOM);
      expect(firstBytes(path.join(without, name)), name).not.toEqual(BOM);
      expect(readFileSync(path.join(withMark, name), 'utf8')).toBe(
        `\uFEFF${readFileSync(path.join(without, name), 'utf8')}`,
      );
    }
    for (const dir of [withMark, without]) {
      const back = await cli(importArgs(dir, '--quiet'));
      expect(back.stdout).toBe(json);
    }
    // The JSON form has no BOM; --bom on it is refused rather than ignored.
    expect(json.startsWith('{')).toBe(true);
    const refused = await cli(['tariffs', 'export', 'example-borough-2025', '--bom']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--bom applies to the spreadsheet form (--csv)');
  });

  it('batch --bom starts summary.csv, national.csv and failures.csv with the BOM; without it none does', async () => {
    const plain = path.join(scratch, 'batch-plain');
    const marked = path.join(scratch, 'batch-bom');
    expect(
      (await cli(['batch', 'fixtures/national', '--out-dir', plain, '--quiet', '--jobs', '1']))
        .code,
    ).toBe(0);
    expect(
      (
        await cli([
          'batch',
          'fixtures/national',
          '--out-dir',
          marked,
          '--quiet',
          '--bom',
          '--jobs',
          '1',
        ])
      ).code,
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

  // Found by an analyst's trial: batch --bom starts intervals.csv with the BOM too, as simulate
  // --bom does its CSV, but batch's --help named only the other three.
  it('batch --bom --draws starts intervals.csv with the BOM too, and --help says so', async () => {
    const out = path.join(scratch, 'batch-bom-draws');
    const args = ['fixtures/national', '--out-dir', out, '--draws', '3', '--quiet', '--bom'];
    expect((await cli(['batch', ...args])).code).toBe(0);
    expect(firstBytes(path.join(out, 'intervals.csv'))).toEqual(BOM);
    const help = (await cli(['batch', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('failures.csv and, with --draws, intervals.csv with Excel');
  });
});

// A scripter's trial: the JSON outputs' warnings were "CODE: message" lines, with the file and line
// a script needs to say what to fix lost. They are now also `issues`, located, each path from the
// model folder as the manifest names files, so the bytes are the same from any working folder.
describe('--format json lists each warning located, in `issues`', () => {
  const model = 'fixtures/errors/CODE_NORMALISED';
  const located = {
    severity: 'warning',
    code: 'CODE_NORMALISED',
    hint: null,
    file: 'cohort.csv',
    line: 3,
    column: 2,
  };

  it('project: beside the same warning as a line, the same bytes from another working folder', async () => {
    const here = await cli(['project', model, '--format', 'json']);
    expect(here.code).toBe(0);
    const json = JSON.parse(here.stdout) as { warnings: string[]; issues: object[] };
    expect(json.issues).toEqual([expect.objectContaining(located)]);
    expect(json.warnings).toEqual([expect.stringMatching(/^CODE_NORMALISED: "need": read/)]);
    const elsewhere = await cli(['project', path.resolve(model), '--format', 'json'], {
      cwd: scratch,
    });
    expect(elsewhere.stdout).toBe(here.stdout);
  });

  it('simulate: the same', async () => {
    const run = await cli(['simulate', model, '--draws', '20', '--format', 'json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { issues: object[] }).issues).toEqual([
      expect.objectContaining(located),
    ]);
  });

  it('a run with no warnings: an empty list (project, nff)', async () => {
    const run = await cli(['project', 'fixtures/example', '--format', 'json']);
    expect((JSON.parse(run.stdout) as { issues: object[] }).issues).toEqual([]);
    const nff = await cli([
      'nff',
      'fixtures/nff/nff-factors.csv',
      '--year',
      '2025-26',
      '--format',
      'json',
    ]);
    expect((JSON.parse(nff.stdout) as { issues: object[] }).issues).toEqual([]);
  });
});

describe('compare --format json', () => {
  // Found by a scripter's trial: the agreements' money alone came as strings ("-7520141.07")
  // beside the rows' number literals, so `agreement.cumulative_at_horizon - row.cumulative_balance`
  // worked and `+` concatenated text.
  it("gives the Safety Valve agreement's money as number literals, as the rows beside it", async () => {
    const result = await cli([
      'compare',
      'fixtures/example',
      '--scenarios',
      'mitigated,safety-valve',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      rows: { scenario: string; cumulative_balance: unknown }[];
      agreements: {
        instalments_total: unknown;
        agreed_total: unknown;
        at_risk: { financial_year: string; amount: unknown }[];
        cumulative_at_horizon: unknown;
        cumulative_at_horizon_without_at_risk: unknown;
      }[];
    };
    const [agreement] = parsed.agreements;
    expect(agreement?.at_risk.length).toBeGreaterThan(0);
    for (const money of [
      agreement!.instalments_total,
      agreement!.agreed_total,
      agreement!.cumulative_at_horizon,
      agreement!.cumulative_at_horizon_without_at_risk,
      ...agreement!.at_risk.map((r) => r.amount),
    ])
      expect(typeof money).toBe('number');
    const last = parsed.rows.filter((r) => r.scenario === 'safety-valve').at(-1);
    expect(agreement!.cumulative_at_horizon).toBe(last?.cumulative_balance);
    // Written from the exact pence, as the rows are: 24000000.00, not 24000000.
    expect(result.stdout).toContain('"agreed_total": 24000000.00,');
  });
});

describe('tariffs list and show --format json', () => {
  // Found by a scripter's trial: the counts came as text, "16" and "8", so a script's
  // `rates > 10` or a sort by rates compared them as words.
  it('give counts as numbers, as money is', async () => {
    const list = await cli(['tariffs', 'list', '--format', 'json']);
    expect(list.code, list.stderr).toBe(0);
    const tables = JSON.parse(list.stdout) as Record<string, unknown>[];
    for (const table of tables)
      for (const column of ['settings', 'bands', 'rates', 'references'])
        expect(typeof table[column], `${String(table['id'])} ${column}`).toBe('number');
    const show = await cli([
      'tariffs',
      'show',
      'devon-2022-24',
      '--at',
      '2024-04-01',
      '--format',
      'json',
    ]);
    expect(show.code, show.stderr).toBe(0);
    const rows = JSON.parse(show.stdout) as { uplift_years: unknown }[];
    expect(rows.map((r) => r.uplift_years)).toContain(1);
    for (const row of rows) expect(typeof row.uplift_years).toBe('number');
  });
});
