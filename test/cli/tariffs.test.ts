import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryFiles, readTariffFile } from '../../src/io/tariff-library.js';
import { ROOT } from '../helpers/exec.js';
import { publishedWorkedExampleTariff } from '../helpers/published-tariff.js';
import { cli } from '../helpers/run-cli.js';
import { importArgs } from '../helpers/tariff-import-args.js';
import { SUMMARY_COLUMNS } from '../../src/report/rows.js';

const LIBRARY = path.join(ROOT, 'tariffs');

describe('the tariff library (lint)', () => {
  const files = libraryFiles(LIBRARY);

  it('tariffs check passes on the whole library', async () => {
    const result = await cli(['tariffs', 'check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(files.length);
  });

  for (const file of files) {
    it(`${path.basename(file)}: cited, every value with a status and a source, id matching the file name`, () => {
      const { tariff, issues } = readTariffFile(file);
      expect(issues).toEqual([]);
      expect(tariff!.id).toBe(path.basename(file, '.json'));
      expect(tariff!.references.length).toBeGreaterThan(0);
      for (const value of [...tariff!.settings, ...tariff!.rates]) {
        expect(value.status, JSON.stringify(value.origin)).toBeDefined();
        expect(value.reference, JSON.stringify(value.origin)).toBeDefined();
      }
    });

    it(`${path.basename(file)}: export --csv then import gives the identical table`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-roundtrip-'));
      expect(
        (await cli(['tariffs', 'export', file, '--csv', '--out-dir', dir, '--quiet'])).code,
      ).toBe(0);
      const back = await cli(importArgs(dir, '--quiet'));
      expect(back.stderr).toBe('');
      expect(back.stdout).toBe((await cli(['tariffs', 'export', file])).stdout);
    });
  }

  it('never presents the illustrative table as published', () => {
    const { tariff } = readTariffFile(path.join(LIBRARY, 'national-illustrative.json'));
    expect(tariff!.title).toMatch(/ILLUSTRATIVE/);
    expect(tariff!.rates.every((rate) => rate.status === 'illustrative')).toBe(true);
  });
});

describe('tariffs list and show', () => {
  it('list: one row per library file, with its years, settings, bands and sources', async () => {
    const result = await cli(['tariffs', 'list', '--format', 'csv']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,title,from,to,settings,bands,rates,references,status');
    expect(lines.map((line) => line.split(',')[0])).toEqual([
      'id',
      ...libraryFiles(LIBRARY).map((f) => path.basename(f, '.json')),
    ]);
  });

  it('show --at: the row in force on the date, uplifted by the declared rule', async () => {
    // Worked example tariff: special band B is 12,000 to August 2026, 13,200 from 1 September 2026, uplifted 5% on 1 April 2027.
    const at = async (date: string) =>
      (
        await cli([
          'tariffs',
          'show',
          'fixtures/worked-example/tariff.json',
          '--at',
          date,
          '--format',
          'csv',
        ])
      ).stdout
        .split('\n')
        .find((line) => line.startsWith('special,B'));
    expect(await at('2026-08-31')).toBe('special,B,B,*,12000.00,10000.00,2025-04-01,,0,,');
    expect(await at('2026-09-01')).toBe('special,B,B,*,13200.00,10000.00,2026-09-01,,0,,');
    expect(await at('2027-04-01')).toBe('special,B,B,*,13860.00,10000.00,2026-09-01,,1,,');
  });

  it('show --at: an uplifted published rate is shown as derived, the row as published', async () => {
    // The worked example's special band B, marked published: £13,200 from September 2026 is the
    // published figure; uplifted 5% to £13,860 on 1 April 2027 it is worked out from it.
    const file = publishedWorkedExampleTariff();
    const at = async (date: string) =>
      (await cli(['tariffs', 'show', file, '--at', date, '--format', 'csv'])).stdout
        .split('\n')
        .find((line) => line.startsWith('special,B'));
    expect(await at('2026-09-01')).toBe(
      'special,B,B,*,13200.00,10000.00,2026-09-01,,0,published,src',
    );
    expect(await at('2027-04-01')).toBe(
      'special,B,B,*,13860.00,10000.00,2026-09-01,,1,derived,src',
    );
    const rows = (await cli(['tariffs', 'show', file, '--format', 'csv'])).stdout;
    expect(rows).toContain('special,B,B,*,13200.00,10000.00,2026-09-01,,0,published,src');
  });

  it('a table of place values alone shows each setting by its place value, status and source', async () => {
    // Found by a domain audit: national-place-values showed a header alone, its rates being none.
    const shown = await cli(['tariffs', 'show', 'national-place-values', '--format', 'csv']);
    expect(shown.code, shown.stderr).toBe(0);
    const lines = shown.stdout.trimEnd().split('\n');
    expect(lines).toContain('special-maintained,,,,,10000.00,,,,published,dorset');
    expect(lines).toContain('resourced-provision,,,,,6000.00,,,,assumption,dorset');
    expect(lines).toHaveLength(9);
    // A table with rates shows its rates alone, as before: every setting of the example is priced.
    const example = await cli(['tariffs', 'show', 'example-borough-2025', '--format', 'csv']);
    expect(example.stdout.split('\n').filter((line) => /^[^,]+,,/.test(line))).toEqual([]);
  });

  // Found by a docs audit: list gave the table's id, which show then said was not in the folder.
  it('show --dir finds a table by the id list gives, in a file of another name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-own-library-'));
    try {
      const text = readFileSync(path.join(LIBRARY, 'example-borough-2025.json'), 'utf8');
      writeFileSync(path.join(dir, 'our-banding.json'), text);
      const listed = await cli(['tariffs', 'list', '--dir', dir]);
      expect(listed.stdout.split('\n')[1]).toMatch(/^example-borough-2025,/);
      const byId = await cli(['tariffs', 'show', 'example-borough-2025', '--dir', dir]);
      expect(byId.code, byId.stderr).toBe(0);
      const byName = await cli(['tariffs', 'show', 'our-banding', '--dir', dir]);
      expect(byId.stdout).toBe(byName.stdout);
      // check takes the id too (found by a review: it said the "file" was not found).
      const checked = await cli(['tariffs', 'check', 'example-borough-2025', '--dir', dir]);
      expect([checked.code, checked.stdout]).toEqual([
        0,
        `${path.join(dir, 'our-banding.json')}: ok (example-borough-2025: 8 settings, 30 rates, 4 references)\n`,
      ]);
      // Two files with the id: neither is chosen.
      writeFileSync(path.join(dir, 'our-banding-copy.json'), text);
      const twice = await cli(['tariffs', 'show', 'example-borough-2025', '--dir', dir]);
      expect(twice.code).toBe(2);
      // Said as two, not as none (found by a review: "neither a tariff file nor the id of one").
      expect(twice.stderr).toContain(
        `"example-borough-2025" is the id of the tables in our-banding-copy.json and our-banding.json in ${dir}: give the one meant as a file, such as ${path.join(dir, 'our-banding-copy.json')}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown tariff id is a usage error', async () => {
    const result = await cli(['tariffs', 'show', 'no-such-table']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"no-such-table" is neither a tariff file nor the id of one');
  });
});

describe('tariffs diff', () => {
  it('two small tables, row by row, to the penny', async () => {
    const result = await cli([
      'tariffs',
      'diff',
      'fixtures/tariff-diff/a.json',
      'fixtures/tariff-diff/b.json',
      '--format',
      'csv',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'change,what,setting,band,need,effective_from,a,b,difference,percent',
        'added,place,independent,,,,,0.00,,',
        'changed,place,special,,,,10000.00,10500.00,500.00,5.0',
        'added,top-up,independent,fee,*,2025-04-01,,60000.00,,',
        'changed,top-up,mainstream,A,*,2025-04-01,6000.00,6300.00,300.00,5.0',
        'removed,top-up,special,C,*,2025-04-01,15000.00,,,',
        'added,top-up,special,D,*,2025-04-01,,19999.99,,',
        '',
      ].join('\n'),
    );
  });

  it("--model: the cost of switching per financial year equals the two projections' difference", async () => {
    const result = await cli([
      'tariffs',
      'diff',
      'example-borough-2025',
      'national-illustrative',
      '--model',
      'fixtures/example',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const { cost } = JSON.parse(result.stdout) as { cost: Record<string, number | string>[] };
    expect(cost.map((row) => row['financial_year'])).toEqual([
      '2026-27',
      '2027-28',
      '2028-29',
      '2029-30',
      '2030-31',
    ]);
    const a = (await cli(['project', 'fixtures/example', '--format', 'csv'])).stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const b = (
      await cli([
        'project',
        'fixtures/example',
        '--tariff',
        'national-illustrative',
        '--format',
        'csv',
      ])
    ).stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    cost.forEach((row, i) => {
      expect(String(row['spend_a'])).toBe(String(Number(a[i]![6])));
      expect(String(row['spend_b'])).toBe(String(Number(b[i]![6])));
      expect(String(row['cumulative_b'])).toBe(
        String(Number(b[i]![SUMMARY_COLUMNS.indexOf('cumulative_balance')])),
      );
    });
  });

  // Found by a user trial reading the output back in a script: the CSV held the rows, a blank
  // line and the cost table, which no CSV reader takes as one table; and the model's warnings
  // (NUMBER_NORMALISED here) were dropped, where project says them.
  it('--model --format csv: the cost table alone, and the model warnings on stderr', async () => {
    const fixture = 'fixtures/errors/NUMBER_NORMALISED';
    const table = `${fixture}/tariff.json`;
    const result = await cli([
      'tariffs',
      'diff',
      table,
      table,
      '--model',
      fixture,
      '--format',
      'csv',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'financial_year,spend_a,spend_b,spend_change,cumulative_a,cumulative_b,cumulative_change',
        '2026-27,54000.00,54000.00,0.00,45000.00,45000.00,0.00',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(
      [
        `${fixture}/funding.csv:3:3: warning NUMBER_NORMALISED: "amount": removed £ or thousands separators in 1 cell ("£100,000.00" as 100000.00, the first here)`,
        '1 warning',
        '',
      ].join('\n'),
    );
  });
});

describe('tariffs import from a spreadsheet', () => {
  const dir = 'fixtures/tariff-import';

  const messy = [
    'tariffs',
    'import',
    `${dir}/rates.csv`,
    '--settings',
    `${dir}/settings.csv`,
    '--id',
    'messy',
    '--title',
    'Messy spreadsheet',
    '--reference',
    'https://example.invalid/messy',
  ];

  // Found by a user trial: import said these as "normalised: FILE: … (first at FILE:3:3)" lines,
  // unlike every other command, which warns of the same readings at their first cell.
  it('accepts £ signs, thousands separators, dd/mm/yyyy dates, a BOM, CRLF and blank rows, and warns of what it read in another form, as project does', async () => {
    const result = await cli(messy);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(ROOT, dir, 'expected.json'), 'utf8'));
    expect(result.stderr).toBe(
      [
        `${dir}/rates.csv:2:1: warning DATE_NORMALISED: "effective_from": read a UK date (dd/mm/yyyy, day first) in 5 cells ("01/04/2025" as 2025-04-01, the first here)`,
        `${dir}/rates.csv:2:5: warning NUMBER_NORMALISED: "top_up": removed £ or thousands separators in 3 cells ("£1,600.00" as 1600.00, the first here)`,
        `${dir}/settings.csv:3:3: warning NUMBER_NORMALISED: "place_value": removed £ or thousands separators in 1 cell ("£10,000.00" as 10000.00, the first here)`,
        '3 warnings',
        '',
      ].join('\n'),
    );
  });

  it('warns of what it read in another form with --quiet too, as project does (README, "--quiet")', async () => {
    const loud = await cli(messy);
    const quiet = await cli([...messy, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe(loud.stderr);
  });

  it('the imported table round-trips through export and import exactly', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'highneeds-import-'));
    expect(
      (
        await cli([
          'tariffs',
          'export',
          `${dir}/expected.json`,
          '--csv',
          '--out-dir',
          out,
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    const back = await cli([
      'tariffs',
      'import',
      path.join(out, 'rates.csv'),
      '--settings',
      path.join(out, 'settings.csv'),
      '--references',
      path.join(out, 'references.csv'),
      '--meta',
      path.join(out, 'tariff.csv'),
      '--quiet',
    ]);
    expect(back.stdout).toBe(readFileSync(path.join(ROOT, dir, 'expected.json'), 'utf8'));
  });

  // Found by a user trial: 01/04/2025 was read but 1-Apr-2025 and 1 April 2025 (a date column
  // formatted d-mmm-yyyy or long) were "not a date", and a serial number said nothing of one.
  it('reads one with its month named or a midnight time, and says why a two-digit year or a serial is not read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-dates-'));
    const rates = path.join(dir, 'rates.csv');
    writeFileSync(
      rates,
      [
        'effective_from,setting,band,need,top_up',
        '1-Apr-2025,mainstream,1,*,1600.00',
        '1 April 2025,mainstream,2,*,3100.00',
        '2025-04-01T00:00:00,special,A,*,12132.00',
        '2025-04-01,special,A,ASD,12500.50',
        '',
      ].join('\n'),
    );
    const args = (file: string) => ['tariffs', 'import', file, ...messy.slice(3)];
    const read = await cli(args(rates));
    expect(read.stderr).toBe(
      `${rates}:2:1: warning DATE_NORMALISED: "effective_from": read a date written with its month's name, year first or with a midnight time in 3 cells ("1-Apr-2025" as 2025-04-01, the first here)\nfixtures/tariff-import/settings.csv:3:3: warning NUMBER_NORMALISED: "place_value": removed £ or thousands separators in 1 cell ("£10,000.00" as 10000.00, the first here)\n2 warnings\n`,
    );
    expect(read.code).toBe(0);
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      [
        'effective_from,setting,band,need,top_up',
        '01-Apr-25,mainstream,1,*,1',
        '45748,mainstream,2,*,1',
        '',
      ].join('\n'),
    );
    const refused = await cli(args(bad));
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n').filter((line) => line.includes(' error '))).toEqual([
      `${bad}:2:1: error INVALID_DATE: "effective_from" is "01-Apr-25", which has a two-digit year: write the year in full, as 1 April 2025 (format the column as dd/mm/yyyy before saving)`,
      `${bad}:3:1: error INVALID_DATE: "effective_from" is "45748", which is a number, as a spreadsheet stores the date 1 April 2025: format the column as a date (dd/mm/yyyy) before saving, or write 2025-04-01`,
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses what is ambiguous or wrong, every problem at once, located', async () => {
    const result = await cli([
      'tariffs',
      'import',
      `${dir}/bad-rates.csv`,
      '--settings',
      `${dir}/settings.csv`,
      '--id',
      'x',
      '--title',
      'y',
      '--reference',
      'z',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter((line) => line.includes(' error '))).toEqual([
      `${dir}/bad-rates.csv:2:1: error INVALID_DATE: "effective_from" is "2025-04-31", which is not a date in the calendar`,
      `${dir}/bad-rates.csv:2:5: error INVALID_NUMBER: "top_up" is "1.2E+04": exponent notation is not accepted: a spreadsheet saves a figure so when its column is too narrow, and drops digits; widen the column or format it as a number, and save again`,
      `${dir}/bad-rates.csv:3:1: error INVALID_DATE: "effective_from" is "04/01/25", which is not a date written YYYY-MM-DD or dd/mm/yyyy`,
      `${dir}/bad-rates.csv:3:5: error INVALID_NUMBER: "top_up" is "N/A": "N/A" is not a number; leave an optional cell empty, or give 0`,
      `${dir}/bad-rates.csv:4:2: error UNKNOWN_SETTING: setting "academy" is not in the settings file`,
    ]);
  });
});

describe('project --tariff', () => {
  it('runs the same model against a library table by id', async () => {
    const result = await cli([
      'project',
      'fixtures/example',
      '--tariff',
      'national-illustrative',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).tariff.id).toBe('national-illustrative');
  });
});

describe('tariffs export --csv, then the import line it prints', () => {
  it('writes the table to a file a model.json can name, the same table as the export', async () => {
    // Found by a user trial: the printed line had no --out, so the table went to the terminal.
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'highneeds-roundtrip-')), 'mine');
    const exported = await cli([
      'tariffs',
      'export',
      'example-borough-2025',
      '--csv',
      '--out-dir',
      dir,
    ]);
    expect(exported.code).toBe(0);
    const line = /bring it back with: highneeds (.*)\n/.exec(exported.stderr)![1]!;
    const imported = await cli(line.split(' '));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('');
    const canonical = await cli(['tariffs', 'export', 'example-borough-2025']);
    expect(readFileSync(path.join(dir, 'tariff.json'), 'utf8')).toBe(canonical.stdout);
  });
});
