import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listParameters } from '../../src/report/nff-parameters.js';
import { loadNff } from '../../src/io/load-nff.js';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

const WORKED = [
  'fixtures/nff/worked/nff-factors.csv',
  '--year',
  '2025-26',
  '--params',
  'fixtures/nff/worked/nff-parameters',
];
/** The worked example's rollover year (docs/nff.md, "A rollover year"). */
const ROLLOVER = [
  'fixtures/nff/worked/rollover-factors.csv',
  '--year',
  '2026-27',
  '--params',
  'fixtures/nff/worked/nff-parameters',
];

describe('the shipped parameter files (lint)', () => {
  for (const [year, label] of [
    [2024, '2024-25'],
    [2025, '2025-26'],
    [2026, '2026-27'],
  ] as const) {
    it(`${label}: read cleanly, every value with a status and a reference`, () => {
      const loaded = loadNff(
        path.join(ROOT, 'fixtures/nff/nff-factors.csv'),
        path.join(ROOT, 'nff-parameters'),
        year,
      );
      expect(loaded.issues).toEqual([]);
      const values = listParameters(loaded.parameters!);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values)
        expect(
          loaded.parameters!.references.map((r) => r.id),
          value.name,
        ).toContain(value.reference);
    });
  }

  it('never presents a figure the brief marks unconfirmed, or an invented one, as published', () => {
    const standing = (year: number) =>
      Object.fromEntries(
        listParameters(
          loadNff(
            path.join(ROOT, 'fixtures/nff/nff-factors.csv'),
            path.join(ROOT, 'nff-parameters'),
            year,
          ).parameters!,
        ).map((v) => [v.name.replace(/^proxyFactors\.[^.]+\./, 'proxyFactors.*.'), v.status]),
      );
    expect(standing(2024)).toMatchObject({
      'basicEntitlement.rate': 'assumption',
      'historicSpend.share': 'assumption',
      'proxyFactors.*.weight': 'assumption',
      'proxyFactors.*.unitValue': 'illustrative',
      'importExport.rate': 'assumption',
      'floorCap.floor': 'published',
      'floorCap.cap': 'assumption',
      'floorCap.compare': 'assumption',
    });
    expect(standing(2025)).toMatchObject({
      'basicEntitlement.rate': 'published',
      'historicSpend.share': 'assumption',
      'proxyFactors.*.weight': 'assumption',
      'proxyFactors.*.unitValue': 'illustrative',
      'importExport.rate': 'assumption',
      'floorCap.floor': 'published',
      'floorCap.cap': 'published',
      'floorCap.compare': 'assumption',
    });
  });
});

describe('highneeds nff as a user runs it', () => {
  it('--area shows one area step by step in words and numbers', async () => {
    const result = await cli(['nff', ...WORKED, '--area', 'A', '--format', 'table']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      ' 1. Basic entitlement: 50 pupils × £4,000.00 × ACA 1 = £200,000.00',
    );
    expect(result.stdout).toContain('      population_2_18: 10,000 × £75.00 × 1 = £750,000.00');
    expect(result.stdout).toContain(
      '      change per head -2.78%; floor +5%, cap +10%: below the floor, so protected by £112,000.00',
    );
    expect(result.stdout).toContain(' 9. Allocation (7 + 8) = £1,742,000.00');
    expect(result.stdout).toContain(
      'After place deductions (academy places £100,000.00) = £1,642,000.00',
    );
  });

  it("a rollover year's table shows every step its allocation adds up, import/export among them", async () => {
    const result = await cli(['nff', ...ROLLOVER, '--format', 'table']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    // A: 1,712,000 + 34,240 + 20,000 + 24,000 = 1,790,240 (docs/nff.md, "A rollover year").
    expect(lines[1]).toMatch(
      /baseline_allocation +uplift +grant_pay_and_nics +import_export +allocation/,
    );
    expect(lines[2]).toMatch(/1,712,000\.00 +34,240\.00 +20,000\.00 +24,000\.00 +1,790,240\.00/);
    expect(result.stdout).toContain(
      'allocation = baseline allocation × (1 + 0.02) + rolled-in grants + import/export',
    );
  });

  it("a solved gains cap is not shown as the published one it replaced: the file's cap is listed as not used, its source left out", async () => {
    // The shipped 2025-26 file (its 10% cap published, from the IFS) with a national total added, as docs/nff.md says to.
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-'));
    const shipped = JSON.parse(
      readFileSync(path.join(ROOT, 'nff-parameters/2025-26.json'), 'utf8'),
    ) as Record<string, unknown>;
    shipped['nationalTotal'] = {
      value: '135400000.00',
      status: 'illustrative',
      reference: 'illustrative',
    };
    writeFileSync(path.join(dir, '2025-26.json'), JSON.stringify(shipped, null, 2));
    const solve = ['fixtures/nff/nff-factors.csv', '--year', '2025-26', '--params', dir];
    for (const extra of [[], ['--area', '880']]) {
      const result = await cli(['nff', ...solve, '--solve-cap', '--format', 'table', ...extra]);
      expect(result.code, result.stderr).toBe(0);
      const standing = result.stdout.split('\n').find((l) => l.startsWith('parameter values'))!;
      expect(standing).toContain('published: basicEntitlement.rate, floorCap.floor;');
      expect(standing).toContain(
        'not used: floorCap.cap (the gains cap is solved for nationalTotal)',
      );
      expect(result.stdout).not.toContain('ifs-2025');
      // Without --solve-cap the file's cap is used, and published, with its source.
      const given = await cli(['nff', ...solve, '--format', 'table', ...extra]);
      expect(given.stdout).toContain(
        'published: basicEntitlement.rate, floorCap.floor, floorCap.cap;',
      );
      expect(given.stdout).toContain('ifs-2025 https://ifs.org.uk/');
    }
    const json = JSON.parse(
      (await cli(['nff', ...solve, '--solve-cap', '--format', 'json'])).stdout,
    ) as {
      parameters: { values: { name: string; used?: boolean }[] };
    };
    expect(json.parameters.values.find((v) => v.name === 'floorCap.cap')).toMatchObject({
      used: false,
    });
  });

  it("--area with CSV is that area's row only", async () => {
    const lines = (await cli(['nff', ...WORKED, '--area', 'C', '--format', 'csv'])).stdout
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^C,Area C \(in between\),2025-26,1\.2,288000\.00,/);
  });

  // Found by an analyst's trial: with --area the JSON had no `total` key at all, so a script
  // reading it failed on one area where it ran on all.
  it('JSON of one area has the same keys, its total null', async () => {
    const all = JSON.parse((await cli(['nff', ...WORKED, '--format', 'json'])).stdout);
    const one = JSON.parse(
      (await cli(['nff', ...WORKED, '--area', 'C', '--format', 'json'])).stdout,
    );
    expect(Object.keys(one)).toEqual(Object.keys(all));
    expect(one.total).toBeNull();
    expect(one.areas.map((a: { area_code: string }) => a.area_code)).toEqual(['C']);
  });

  it('JSON: exact numbers, every parameter with its standing, the total, the solved cap', async () => {
    const json = JSON.parse(
      (await cli(['nff', ...WORKED, '--solve-cap', '--format', 'json'])).stdout,
    );
    expect(json.mode).toBe('formula');
    expect(json.areas).toHaveLength(3);
    expect(json.total.allocation).toBe(5416000);
    expect(json.solved_cap.target).toBe(5416000);
    expect(Math.abs(json.cap - 0.12)).toBeLessThan(1e-8);
    expect(
      json.parameters.values.every((v: { status: string }) => v.status === 'illustrative'),
    ).toBe(true);
    expect(json.unit_values).toEqual([
      { factor: 'population_2_18', unit_value: 75 },
      { factor: 'fsm', unit_value: 100 },
    ]);
  });

  it('--out writes the same bytes as stdout, and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-'));
    const out = path.join(dir, 'nff.csv');
    expect((await cli(['nff', ...WORKED, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      (await cli(['nff', ...WORKED, '--format', 'csv'])).stdout,
    );
    expect(readdirSync(dir)).toEqual(['nff.csv']);
  });

  it('--manifest records both inputs with their SHA-256, the parameters and the options, the same bytes every run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-'));
    const [out, manifest] = [path.join(dir, 'nff.csv'), path.join(dir, 'manifest.json')];
    expect(
      (await cli(['nff', ...WORKED, '--solve-cap', '--out', out, '--manifest', manifest])).code,
    ).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'nff.csv']);
    const first = readFileSync(manifest, 'utf8');
    const parsed = JSON.parse(first) as {
      command: string;
      inputs: { path: string; sha256: string }[];
      parameters: { financial_year: string };
      options: Record<string, unknown>;
    };
    expect(parsed.command).toBe('nff');
    // Relative to the factors file's folder (src/io/provenance-name.ts), not the working folder.
    expect(parsed.inputs.map((i) => i.path)).toEqual([
      'nff-parameters/2025-26.json',
      'nff-factors.csv',
    ]);
    for (const input of parsed.inputs)
      expect(input.sha256).toBe(
        createHash('sha256')
          .update(readFileSync(path.join(ROOT, 'fixtures/nff/worked', input.path)))
          .digest('hex'),
      );
    expect(parsed.parameters.financial_year).toBe('2025-26');
    expect(parsed.options).toEqual({ year: '2025-26', format: 'csv', solve_cap: true });
    expect(
      (await cli(['nff', ...WORKED, '--solve-cap', '--format', 'csv', '--manifest', manifest]))
        .code,
    ).toBe(0);
    expect(readFileSync(manifest, 'utf8')).toBe(first);
    expect((await cli(['nff', ...WORKED, '--out', out, '--manifest', out])).code).toBe(2);
    // A manifest refused after the output was staged leaves no temporary file behind.
    const refused = await cli([
      'nff',
      ...WORKED,
      '--out',
      path.join(dir, 'new.csv'),
      '--manifest',
      path.join(ROOT, WORKED[0]!),
    ]);
    expect(refused.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'nff.csv']);
  });

  it("--baseline-from chains a rollover year from the year before's output: the same figures as baselines typed in", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-'));
    const before = path.join(dir, 'nff-2025-26.csv');
    expect((await cli(['nff', ...WORKED, '--out', before])).code).toBe(0);
    // The rollover factors without their baseline column: it comes from last year's output.
    const typed = readFileSync(path.join(ROOT, 'fixtures/nff/worked/rollover-factors.csv'), 'utf8');
    const bare = path.join(dir, 'rollover.csv');
    writeFileSync(
      bare,
      typed
        .split('\n')
        .map((line) =>
          line
            .split(',')
            .filter((_, i) => i !== 2)
            .join(','),
        )
        .join('\n'),
    );
    const rollover = [
      '--year',
      '2026-27',
      '--params',
      'fixtures/nff/worked/nff-parameters',
      '--format',
      'csv',
    ];
    const chained = await cli([
      'nff',
      bare,
      ...rollover,
      '--baseline-from',
      before,
      '--manifest',
      path.join(dir, 'manifest.json'),
    ]);
    expect(chained.code, chained.stderr).toBe(0);
    expect(chained.stdout).toBe(
      (await cli(['nff', 'fixtures/nff/worked/rollover-factors.csv', ...rollover])).stdout,
    );
    expect(chained.stdout).toContain('A,Area A (on the floor),2026-27,1712000.00');
    // docs/nff.md, "A rollover year": last year's allocation before import/export, uplifted, plus the grant and this year's import/export.
    expect(chained.stdout).toContain(
      'A,Area A (on the floor),2026-27,1712000.00,34240.00,20000.00,24000.00,1790240.00',
    );
    expect(chained.stdout).toContain(
      'B,Area B (capped),2026-27,1480000.00,29600.00,15000.00,-12000.00,1512600.00',
    );
    expect(chained.stdout).toContain(
      'C,Area C (in between),2026-27,2188000.00,43760.00,0.00,0.00,2231760.00',
    );
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      inputs: { path: string }[];
    };
    expect(manifest.inputs.map((i) => path.basename(i.path))).toEqual([
      '2026-27.json',
      'rollover.csv',
      'nff-2025-26.csv',
    ]);

    // An area the earlier output lacks is an error at its row; a formula year has no use for it (exit 2).
    writeFileSync(
      before,
      readFileSync(before, 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('B,'))
        .join('\n'),
    );
    const missing = await cli(['nff', bare, ...rollover, '--baseline-from', before]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('rollover.csv:3:1: error NFF_AREA_MISSING:');
    expect(missing.stderr).toContain('has no allocation for area B in 2025-26, the year before');
    expect((await cli(['nff', ...WORKED, '--baseline-from', before])).code).toBe(2);

    // Only the year before counts: rows for other years are passed over; a second row for it is refused.
    const years = path.join(dir, 'years.csv');
    const output = (await cli(['nff', ...WORKED, '--format', 'csv'])).stdout;
    const [header, ...body] = output.trimEnd().split('\n');
    writeFileSync(
      years,
      [
        header,
        ...body.map((line) =>
          line.replace(',2025-26,', ',2024-25,').replace(/,[\d.]+,[\d.]*,[\d.]*$/, ',1.00,,'),
        ),
        ...body,
      ].join('\n'),
    );
    const multi = await cli(['nff', bare, ...rollover, '--baseline-from', years]);
    expect(multi.code, multi.stderr).toBe(0);
    expect(multi.stdout).toBe(chained.stdout);
    writeFileSync(years, [header, ...body, body[0]!].join('\n'));
    expect((await cli(['nff', bare, ...rollover, '--baseline-from', years])).stderr).toContain(
      'DUPLICATE_ROW: area A already has an allocation for 2025-26',
    );
    // A file that is not there is that, and only that.
    const gone = await cli([
      'nff',
      bare,
      ...rollover,
      '--baseline-from',
      path.join(dir, 'gone.csv'),
    ]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('FILE_MISSING');
    expect(gone.stderr).not.toContain('MISSING_COLUMN');
  });

  it('--baseline-from finds an area whose code a spreadsheet rewrote in the earlier output (a, 0880.0), and says so once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-'));
    const before = path.join(dir, 'nff-2025-26.csv');
    const saved = (await cli(['nff', ...WORKED, '--format', 'csv'])).stdout
      .replace(/^A,/m, 'a,')
      .replace(/^C,/m, 'c.0,');
    writeFileSync(before, saved);
    const chained = await cli(['nff', ...ROLLOVER, '--format', 'csv', '--baseline-from', before]);
    expect(chained.code, chained.stderr).toBe(0);
    expect(chained.stdout).toContain('A,Area A (on the floor),2026-27,1712000.00,');
    expect(chained.stdout).toContain('C,Area C (in between),2026-27,2188000.00,');
    expect(chained.stderr).toContain('nff-2025-26.csv:2:1: warning CODE_NORMALISED:');
    // Two rows that are then one area, for the year before, are refused at the second.
    writeFileSync(before, `${saved}${saved.split('\n')[1]!.replace(/^a,/, 'A,')}\n`);
    const twice = await cli(['nff', ...ROLLOVER, '--baseline-from', before]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(
      'nff-2025-26.csv:6:1: error DUPLICATE_ROW: area A already has an allocation for 2025-26 on line 2',
    );
  });

  it('--baseline-from reads a financial_year written another way (2025–26, an autocorrected dash) as --hnb-from does, and refuses one that is not a financial year at its cell', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-'));
    const before = path.join(dir, 'nff-2025-26.csv');
    const output = (await cli(['nff', ...WORKED, '--format', 'csv'])).stdout;
    writeFileSync(before, output.replaceAll(',2025-26,', ',2025\u201326,'));
    const chained = await cli(['nff', ...ROLLOVER, '--format', 'csv', '--baseline-from', before]);
    expect(chained.code, chained.stderr).toBe(0);
    expect(chained.stdout).toContain('A,Area A (on the floor),2026-27,1712000.00,');
    expect(chained.stderr).toContain('nff-2025-26.csv:2:3: warning CODE_NORMALISED:');
    // An academic year's slash was passed over, and every area then said to be missing.
    writeFileSync(before, output.replaceAll(',2025-26,', ',2025/26,'));
    const slash = await cli(['nff', ...ROLLOVER, '--baseline-from', before]);
    expect(slash.code).toBe(1);
    expect(slash.stderr).toContain('nff-2025-26.csv:2:3: error INVALID_YEAR:');
  });

  it('reports a missing factor, a repeated area and a negative count all at once, located (exit 1)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-'));
    const factors = readFileSync(
      path.join(ROOT, 'fixtures/nff/worked/nff-factors.csv'),
      'utf8',
    ).split('\n');
    factors[1] = factors[1]!.replace('10000,1000,50,', '10000,,50,');
    factors[2] = factors[2]!.replace('10000,2000,40,', '10000,-2000,40,');
    factors[3] = factors[3]!.replace(/^C,/, 'A,');
    const file = path.join(dir, 'nff-factors.csv');
    writeFileSync(file, factors.join('\n'));
    const result = await cli([
      'nff',
      file,
      '--year',
      '2025-26',
      '--params',
      'fixtures/nff/worked/nff-parameters',
      '--format',
      'csv',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr
      .split('\n')
      .filter((l) => / error /.test(l))
      .map((l) => l.slice(file.length));
    expect(lines).toEqual([
      ':2:4: error MISSING_VALUE: area A has no "fsm"',
      ':3:4: error NEGATIVE_VALUE: "fsm" is -2000, which must not be negative',
      ':4:1: error DUPLICATE_ROW: area A is already given on line 2',
    ]);
  });

  // Found by an analyst's trial: 0880 beside 880 (a code column saved as text and as a number)
  // were two areas, the formula total and a pot's shares counting Torbay twice, without a word.
  it('refuses an area given twice with its code written another way (0880 and 880, 353.0 and 353)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-'));
    const factors = readFileSync(path.join(ROOT, 'fixtures/nff/nff-factors.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    const file = path.join(dir, 'nff-factors.csv');
    const again = (line: string, code: string) => line.replace(/^\d+,/, `${code},`);
    writeFileSync(
      file,
      [...factors, again(factors[1]!, '0880'), again(factors[2]!, '353.0')].join('\n'),
    );
    const result = await cli(['nff', file, '--year', '2025-26', '--format', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((l) => / error /.test(l))).toEqual([
      `${file}:5:1: error DUPLICATE_ROW: area 0880 is already given on line 2, written 880`,
      `${file}:6:1: error DUPLICATE_ROW: area 353.0 is already given on line 3, written 353`,
    ]);
  });

  it('usage errors exit 2: a bad --year, an unknown --area, --solve-cap in a rollover year or without a national total, --out and --manifest the same file', async () => {
    expect((await cli(['nff', ...WORKED.slice(0, 1), '--year', '2025/26'])).code).toBe(2);
    expect((await cli(['nff', ...WORKED, '--area', 'Z'])).stderr).toContain('--area Z is not in');
    const rollover = await cli(['nff', ...ROLLOVER, '--solve-cap']);
    expect(rollover.code).toBe(2);
    expect(rollover.stderr).toContain('--solve-cap needs a formula year');
    const shipped = await cli([
      'nff',
      'fixtures/nff/nff-factors.csv',
      '--year',
      '2025-26',
      '--solve-cap',
    ]);
    expect(shipped.code).toBe(2);
    expect(shipped.stderr).toContain('--solve-cap needs "nationalTotal"');
    const same = path.join(mkdtempSync(path.join(tmpdir(), 'highneeds-nff-same-')), 'nff.csv');
    const both = await cli(['nff', ...WORKED, '--out', same, '--manifest', same]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--manifest and --out name the same file');
    expect(readdirSync(path.dirname(same))).toEqual([]);
  });

  it('a year with no parameter file is a located input error', async () => {
    const result = await cli([
      'nff',
      ...WORKED.slice(0, 1),
      '--year',
      '2030-31',
      '--params',
      'fixtures/nff/worked/nff-parameters',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'fixtures/nff/worked/nff-parameters/2030-31.json: error FILE_MISSING',
    );
  });
});

describe('import_export in a formula year', () => {
  it('is not dropped without a word: a warning at the first cell that gives it, the allocation as without it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-ie-'));
    const [header, ...rows] = readFileSync(path.join(ROOT, 'fixtures/nff/nff-factors.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    const file = path.join(dir, 'nff-factors.csv');
    writeFileSync(
      file,
      [`${header},import_export`, ...rows.map((r) => `${r},-250000.00`)].join('\n'),
    );
    const plain = await cli([
      'nff',
      'fixtures/nff/nff-factors.csv',
      '--year',
      '2025-26',
      '--format',
      'csv',
    ]);
    const given = await cli(['nff', file, '--year', '2025-26', '--format', 'csv']);
    expect(given.code).toBe(0);
    expect(given.stdout).toBe(plain.stdout);
    expect(given.stderr).toContain(
      `${file}:2:${header!.split(',').length + 1}: warning UNKNOWN_COLUMN: column "import_export" is not used in 2025-26, a formula year, and will be ignored`,
    );
  });
});
