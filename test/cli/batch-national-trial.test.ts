import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { splitNational } from '../helpers/national.js';
import { asOnOneCore, onCores } from '../helpers/one-core.js';

// What this file tests is how national tables are read and their problems said, not threads: its
// commands run on one (the reason is in the helper; a worker started for each of some 29 validate
// and batch runs cost about 5 s of CPU in all). The one test that compares --jobs 1 with 2 runs
// its second on two threads (onCores).
asOnOneCore();

// Found by a DfE analyst's trial of the national workflow on all 153 areas, with the files as
// DfE's and the areas' returns come: each problem of every area's own row of a shared file was
// printed once an area, and an ONS code where areas.csv has LA codes was told to be added to it.

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-national-trial-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/national copied, its codes N01…N04 written as DfE's LA codes 201…204. */
function withLaCodes(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    writeFileSync(path.join(dir, file), text.replace(/^N0(\d),/gm, '20$1,'));
  }
  return dir;
}

/** fixtures/national copied as it is. */
function copiedNational(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
  return dir;
}

/** withLaCodes, area 201 written 205: the first area's code, 202, is in the years 2025-26 and 2026-27. */
function withCodesFrom202(name: string): string {
  const dir = withLaCodes(name);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    writeFileSync(path.join(dir, file), text.replace(/^201,/gm, '205,'));
  }
  return dir;
}

/** withLaCodes, with areas.csv's ons_code column: area 20d's other code is onsCode(d). */
function withOnsCodes(name: string, onsCode: (digit: string) => string): string {
  const dir = withLaCodes(name);
  const areas = path.join(dir, 'areas.csv');
  writeFileSync(
    areas,
    readFileSync(areas, 'utf8')
      .replace(/^area_code,.*$/m, '$&,ons_code')
      .replace(/^20(\d),.*$/gm, (line, digit: string) => `${line},${onsCode(digit)}`),
  );
  return dir;
}

const said = (stderr: string, code: string) =>
  stderr.split('\n').filter((line) => line.includes(` ${code}: `));

describe("the same problem in each area's own row of a shared file", () => {
  it('an --hnb-from import/export for its year alone is one warning with the areas, not one an area', async () => {
    const nff = path.join(scratch, 'nff-2026-27.csv');
    writeFileSync(
      nff,
      [
        'area_code,area_name,financial_year,import_export,allocation,place_deductions',
        'N03,Eastford,2026-27,-12000.00,2000000.00,100000.00',
        'N01,Northshire,2026-27,25000.00,1700000.00,100000.00',
        'N04,Westham,2026-27,8000.00,1500000.00,100000.00',
        'N02,Southbury,2026-27,-4000.00,1300000.00,100000.00',
      ].join('\n') + '\n',
    );
    const result = await batchInto('out-hnb', '--hnb-from', nff, '--quiet');
    expect(result.code).toBe(0);
    const lines = said(result.stderr, 'IMPORT_EXPORT_NOT_CARRIED');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /nff-2026-27\.csv:2:4: warning IMPORT_EXPORT_NOT_CARRIED: import_export is -£12,000\.00 for 2026-27 .* \(area N03\); also in 3 other areas: N01 \(line 3\), N02 \(line 5\) and N04 \(line 4\)$/,
    );
    // The closing count still counts each area's warning.
    expect(result.stderr).toMatch(/^4 warnings$/m);
    // Where the later years' adjustment goes, the nff output giving one year.
    expect(result.stderr).toContain(
      '  hint: give import_export for each projected year (rows of funding.csv, or an --hnb-from file of that year): ',
    );
  });

  it('a places.csv written with ONS codes where areas.csv has LA codes is one error that says so', async () => {
    const dir = withLaCodes('ons-places');
    const places = path.join(dir, 'places.csv');
    writeFileSync(places, readFileSync(places, 'utf8').replace(/^20(\d),/gm, 'E0900020$1,'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    const lines = said(result.stderr, 'UNKNOWN_AREA');
    expect(lines).toEqual([
      expect.stringMatching(
        /places\.csv:2:1: error UNKNOWN_AREA: area "E09000201" is not in the areas table \(\d+ rows of places\.csv, the first here\); it is an ONS \(GSS\) code, and areas\.csv's are DfE's three-digit LA codes; also under 3 other codes: E09000202 \(line \d+\), E09000203 \(line \d+\) and E09000204 \(line \d+\)$/,
      ),
    ]);
    const hint = result.stderr.split('\n')[result.stderr.split('\n').indexOf(lines[0]!) + 1];
    expect(hint).toBe(
      `  hint: add a column ons_code to areas.csv with each area's code as places.csv writes it, or write places.csv's area codes as areas.csv does (such as "201"): DfE's tables give both, as old_la_code and new_la_code`,
    );
    expect(result.stderr).toMatch(/^4 errors/m);
  });

  // The hint's first way, which the trial had to do by hand in every file: areas.csv's ons_code
  // (or la_code) column, and a table keyed by either code, or by both, row by row, is read as it is.
  it("with areas.csv's ons_code column, rows under either code are the area's: the same figures", async () => {
    const plain = withLaCodes('la-codes');
    const dir = withOnsCodes('ons-codes-read', (digit) => `E0900020${digit}`);
    // places.csv wholly, and every other cohort row, written with the ONS codes.
    const places = path.join(dir, 'places.csv');
    writeFileSync(places, readFileSync(places, 'utf8').replace(/^20(\d),/gm, 'E0900020$1,'));
    const cohort = path.join(dir, 'cohort.csv');
    let row = 0;
    writeFileSync(
      cohort,
      readFileSync(cohort, 'utf8').replace(/^20(\d),/gm, (code, digit: string) =>
        (row += 1) % 2 ? `E0900020${digit},` : code,
      ),
    );
    const batch = (from: string, out: string, jobs: string) =>
      cli(['batch', from, '--out-dir', path.join(scratch, out), '--quiet', '--jobs', jobs]);
    const expected = await batch(plain, 'la-out', '1');
    expect(expected.code, expected.stderr).toBe(0);
    for (const jobs of ['1', '2']) {
      const result = await onCores(Number(jobs), () => batch(dir, `ons-out-${jobs}`, jobs));
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(path.join(scratch, `ons-out-${jobs}`, 'summary.csv'), 'utf8')).toBe(
        readFileSync(path.join(scratch, 'la-out', 'summary.csv'), 'utf8'),
      );
    }
    const one = await cli(['project', dir, '--area', 'E09000202', '--format', 'csv']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^202,Southbury,2026-27,/m);
  });

  it('an --hnb-from file keyed by the ONS codes serves areas.csv of LA codes with an ons_code column', async () => {
    const dir = withLaCodes('ons-hnb-from');
    const areas = path.join(dir, 'areas.csv');
    writeFileSync(
      areas,
      readFileSync(areas, 'utf8')
        .replace(/^area_code,.*$/m, '$&,ons_code')
        .replace(/^20(\d),.*$/gm, '$&,E0900020$1'),
    );
    const nff = (name: string, code: (n: number) => string) => {
      const file = path.join(scratch, name);
      writeFileSync(
        file,
        'area_code,area_name,financial_year,allocation\n' +
          [1, 2, 3, 4].map((n) => `${code(n)},Area ${n},2026-27,${n}000000.00\n`).join(''),
      );
      return file;
    };
    const run = (file: string, out: string) =>
      cli([
        'batch',
        dir,
        '--out-dir',
        path.join(scratch, out),
        '--hnb-from',
        file,
        '--quiet',
        '--jobs',
        '1',
      ]);
    const la = await run(
      nff('nff-la.csv', (n) => `20${n}`),
      'hnb-la',
    );
    expect(la.code, la.stderr).toBe(0);
    const ons = await run(
      nff('nff-ons.csv', (n) => `E0900020${n}`),
      'hnb-ons',
    );
    expect(ons.code, ons.stderr).toBe(0);
    const summary = (out: string) => readFileSync(path.join(scratch, out, 'summary.csv'), 'utf8');
    expect(summary('hnb-ons')).toBe(summary('hnb-la'));
    // The file's allocation was read, not funding.csv's.
    expect(summary('hnb-ons')).toMatch(
      /^202,Southbury,unmitigated,2026-27,[^,]*,[^,]*,[^,]*,[^,]*,2000000\.00,/m,
    );
    const one = await cli([
      'project',
      dir,
      '--area',
      '203',
      '--hnb-from',
      path.join(scratch, 'nff-ons.csv'),
      '--format',
      'csv',
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^203,Eastford,2026-27,[^,]*,[^,]*,[^,]*,[^,]*,3000000\.00,/m);
  });

  it("an ons_code that is already another area's fails the second area, DUPLICATE_AREA", async () => {
    const dir = withOnsCodes(
      'ons-codes-twice',
      (digit) => `E0900020${digit === '4' ? '1' : digit}`,
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(said(result.stderr, 'DUPLICATE_AREA')).toEqual([
      expect.stringMatching(
        /areas\.csv:5:8: error DUPLICATE_AREA: code "E09000201" is already area "201"'s, on line 2$/,
      ),
    ]);
  });

  // Found by a review: an other code was checked against the rows above it alone, so 201's ons_code
  // "202" took the rows of area 202, below it, for 201's (DUPLICATE_ROW in each table, 202 with no
  // cohort); and "0202", 202 as a spreadsheet may write it, would have taken rows so respelt.
  it.each(['202', '0202'])(
    "an ons_code %s that is a later area's code fails the area that gives it, and only that",
    async (other) => {
      const dir = withOnsCodes(`ons-code-later-${other}`, (digit) => (digit === '1' ? other : ''));
      const result = await cli(['validate', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `${dir}/areas.csv:2:8: error DUPLICATE_AREA: code "${other}" is area "202"'s, on line 3\n` +
          "  hint: give each area codes of its own: rows under a code are that area's\n1 error\n",
      );
    },
  );

  // Found by a review: rows under an area's ONS code in lower case were "not in the areas table",
  // with a hint to add the ons_code column areas.csv has, and the area had no cohort rows, "check
  // that the national cohort was exported in full"; an area code so respelt was named.
  it("rows under an area's ons_code written another way are told the code, as under its own", async () => {
    const dir = withOnsCodes('ons-code-respelt', (digit) => `E0900020${digit}`);
    const cohort = path.join(dir, 'cohort.csv');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/^202,/gm, 'e09000202,'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines.filter((line) => / error /.test(line))).toEqual([
      `${dir}/areas.csv:3:1: error NO_COHORT_ROWS: area "202" has no rows in cohort.csv: its rows are written "e09000202" there (UNKNOWN_AREA)`,
      expect.stringMatching(
        /cohort\.csv:\d+:1: error UNKNOWN_AREA: area "e09000202" is not in the areas table \(45 rows of cohort\.csv, the first here\); areas\.csv has "E09000202" \(area "202"'s other code\), written another way, which is modelled without these rows$/,
      ),
    ]);
    expect(lines.filter((line) => line.startsWith('  hint: '))).toEqual([
      '  hint: write the code as areas.csv does, "E09000202", in cohort.csv',
      '  hint: write the code as areas.csv does, "E09000202", in cohort.csv',
    ]);
  });

  // Found by a review: one area's ons_code cell left empty, with the cohort keyed by ONS codes,
  // told to add the column areas.csv has, and the area's NO_COHORT_ROWS to check the export.
  it("an area without its ons_code, the cohort keyed by them: told to fill in areas.csv's", async () => {
    const dir = withOnsCodes('ons-code-empty', (digit) =>
      digit === '4' ? '' : `E0900020${digit}`,
    );
    const cohort = path.join(dir, 'cohort.csv');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/^20(\d),/gm, 'E0900020$1,'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    const fill =
      "  hint: fill in areas.csv's ons_code for every area, with its code as cohort.csv writes it, or write cohort.csv's area codes as areas.csv does";
    expect(result.stderr).toBe(
      [
        `${dir}/areas.csv:5:1: error NO_COHORT_ROWS: area "204" has no rows in cohort.csv; areas.csv gives it no ons_code, and the codes of cohort.csv that areas.csv does not list are ONS (GSS) codes`,
        `${fill}: DfE's tables give both, as old_la_code and new_la_code`,
        `${dir}/cohort.csv:3:1: error UNKNOWN_AREA: area "E09000204" is not in the areas table (25 rows of cohort.csv, the first here); it is an ONS (GSS) code, and areas.csv's are DfE's three-digit LA codes`,
        `${fill} (such as "201"): DfE's tables give both, as old_la_code and new_la_code`,
        '2 errors',
        '',
      ].join('\n'),
    );
  });

  // Found by a review: --area 202 was modelled without places.csv's rows under "e09000202",
  // its ons_code respelt, and nothing said so; an area that failed was not found by its ons_code.
  it("--area: rows under the area's ons_code respelt are said to be left out, as under its code", async () => {
    const dir = withOnsCodes('ons-code-respelt-area', (digit) => `E0900020${digit}`);
    const places = path.join(dir, 'places.csv');
    writeFileSync(places, readFileSync(places, 'utf8').replace(/^202,/gm, 'e09000202,'));
    const result = await cli(['project', dir, '--area', '202', '--format', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(said(result.stderr, 'UNKNOWN_AREA')).toEqual([
      expect.stringMatching(
        /places\.csv:7:1: warning UNKNOWN_AREA: area "e09000202" is not in the areas table .*, which is modelled without these rows$/,
      ),
    ]);
  });

  it('--area by the ons_code of an area that fails: its own error, not AREA_NOT_LISTED', async () => {
    const dir = withOnsCodes('ons-code-failed-area', (digit) => `E0900020${digit}`);
    const areas = path.join(dir, 'areas.csv');
    writeFileSync(areas, readFileSync(areas, 'utf8').replace('202,Southbury,', '202,,'));
    const result = await cli(['project', dir, '--area', 'E09000202']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${dir}/areas.csv:3:2: error MISSING_VALUE: "area_name" is empty\n1 error\n`,
    );
  });

  // Found by a review: a column the tool does not read that holds the areas' codes is refused,
  // not each area given every row; one holding their ons_codes was let through with a warning.
  it("a ceasing.csv column LA of the areas' ons_codes is refused, as one of their codes is", async () => {
    const dir = withOnsCodes('ons-codes-unread', (digit) => `E0900020${digit}`);
    const ceasing = path.join(dir, 'ceasing.csv');
    const [header, ...rows] = readFileSync(ceasing, 'utf8').trimEnd().split('\n');
    const keyed = rows.map((row, i) => `${row},E0900020${(i % 4) + 1}`);
    writeFileSync(ceasing, [`${header},LA`, ...keyed].join('\n') + '\n');
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(said(result.stderr, 'UNREAD_COLUMN')).toEqual([
      `${dir}/ceasing.csv:1:5: error UNREAD_COLUMN: column "LA" holds the areas' codes (as "E09000201" on line 2) but is not read: without an area column every row is for every area`,
    ]);
  });

  // Found by a review: with every area's ons_code given, an area whose cohort was left out (its
  // rows under a code no area has) was told that areas.csv gave it no ons_code, and the rows' code
  // to be filled in as the areas' ons_code.
  it('every ons_code given, rows under an ONS code of no area: the plain hints, not "fill in"', async () => {
    const dir = withOnsCodes('ons-codes-all-given', (digit) => `E0900020${digit}`);
    const cohort = path.join(dir, 'cohort.csv');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/^204,/gm, 'E09000999,'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `${dir}/areas.csv:5:1: error NO_COHORT_ROWS: area "204" has no rows in cohort.csv`,
        '  hint: check that the national cohort was exported in full, or remove the area from the areas table',
        `${dir}/cohort.csv:3:1: error UNKNOWN_AREA: area "E09000999" is not in the areas table (25 rows of cohort.csv, the first here)`,
        '  hint: add the area to areas.csv, or correct the code',
        '2 errors',
        '',
      ].join('\n'),
    );
  });

  it('and LA codes where areas.csv has ONS codes the other way round', async () => {
    const dir = withLaCodes('ons-areas');
    const areas = path.join(dir, 'areas.csv');
    writeFileSync(areas, readFileSync(areas, 'utf8').replace(/^20(\d),/gm, 'E0900020$1,'));
    for (const file of ['cohort.csv', 'funding.csv', 'new-plans.csv', 'spend.csv']) {
      const at = path.join(dir, file);
      writeFileSync(at, readFileSync(at, 'utf8').replace(/^20(\d),/gm, 'E0900020$1,'));
    }
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(said(result.stderr, 'UNKNOWN_AREA')).toEqual([
      expect.stringContaining(
        "; it is a DfE three-digit LA code, and areas.csv's are ONS (GSS) codes; also under 3 other codes",
      ),
    ]);
  });

  it('an error in one area’s rows keeps its own line', async () => {
    const dir = withLaCodes('two-bad-cells');
    const cohort = path.join(dir, 'cohort.csv');
    const rows = readFileSync(cohort, 'utf8').split('\n');
    const header = rows[0]!.split(',');
    const need = header.indexOf('need');
    const bad = (row: string) =>
      row
        .split(',')
        .map((cell, i) => (i === need ? 'ADHD' : cell))
        .join(',');
    const first = rows.findIndex((row) => row.startsWith('201,'));
    const second = rows.findIndex((row) => row.startsWith('202,'));
    rows[first] = bad(rows[first]!);
    rows[second] = bad(rows[second]!);
    writeFileSync(cohort, rows.join('\n'));
    const result = await cli(['validate', dir]);
    expect(said(result.stderr, 'UNKNOWN_NEED')).toHaveLength(2);
  });
});

/** batch on fixtures/national, one thread, into a folder of the scratch one. */
const batchInto = (out: string, ...options: string[]) =>
  cli([
    'batch',
    'fixtures/national',
    '--out-dir',
    path.join(scratch, out),
    '--jobs',
    '1',
    ...options,
  ]);

describe("batch and report take project's --scenario ID as --scenarios ID, as compare does", () => {
  it('batch: the same outputs, with a note', async () => {
    const spelt = await batchInto('by-scenario', '--scenario', 'mitigated');
    const plain = await batchInto('by-scenarios', '--scenarios', 'mitigated');
    expect(spelt.code).toBe(0);
    expect(spelt.stderr).toBe(
      'highneeds: note: batch takes --scenarios a,b; reading --scenario mitigated as --scenarios mitigated\n',
    );
    expect(spelt.stdout).toBe(plain.stdout);
    const read = (out: string, file: string) => readFileSync(path.join(scratch, out, file), 'utf8');
    for (const file of ['summary.csv', 'national.csv'])
      expect(read('by-scenario', file)).toBe(read('by-scenarios', file));
    const quiet = await batchInto('by-scenario', '--scenario', 'mitigated', '--quiet');
    expect(quiet.stderr).toBe('');
  });

  it('both spellings at once are a usage error', async () => {
    const both = await batchInto('both', '--scenario', 'mitigated', '--scenarios', 'unmitigated');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --scenarios a,b, not both --scenarios and --scenario');
  });

  it('report: a note, and the report of that scenario', async () => {
    const out = ['--out', path.join(scratch, 'one-scenario.html')];
    const result = await cli(['report', 'fixtures/example', ...out, '--scenario', 'mitigated']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'highneeds: note: report takes --scenarios a,b; reading --scenario mitigated as --scenarios mitigated\n',
    );
  });
});

describe("areas.csv's rows", () => {
  it('a row pasted twice, cell for cell, is read once with a warning: the same figures', async () => {
    const dir = path.join(scratch, 'area-pasted-twice');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const areas = path.join(dir, 'areas.csv');
    const text = readFileSync(areas, 'utf8');
    writeFileSync(areas, `${text}${/^N03,.*\n/m.exec(text)![0]}`);
    const out = path.join(scratch, 'area-pasted-twice-out');
    const result = await cli(['batch', dir, '--out-dir', out, '--jobs', '1']);
    expect(result.code, result.stderr).toBe(0);
    expect(said(result.stderr, 'AREA_REPEATED')).toEqual([
      `${dir}/areas.csv:6:1: warning AREA_REPEATED: area "N03" repeats line 4 cell for cell; it is read once`,
    ]);
    const plain = path.join(scratch, 'area-once-out');
    await cli(['batch', 'fixtures/national', '--out-dir', plain, '--jobs', '1', '--quiet']);
    expect(readFileSync(path.join(out, 'summary.csv'), 'utf8')).toBe(
      readFileSync(path.join(plain, 'summary.csv'), 'utf8'),
    );
  });

  // Found by a review: a repeat with spaces around its cells, and one more comma at its end (an
  // empty cell past the header, which a row may have), was a DUPLICATE_AREA.
  it('a row repeated with spaces around its cells and an empty cell past the header is still read once', async () => {
    const dir = copiedNational('area-pasted-with-comma');
    const areas = path.join(dir, 'areas.csv');
    const text = readFileSync(areas, 'utf8');
    const row = /^N03,.*$/m.exec(text)![0];
    writeFileSync(
      areas,
      `${text}${row
        .split(',')
        .map((cell) => ` ${cell} `)
        .join(',')},\n`,
    );
    const result = await cli(['validate', dir]);
    expect(result.stderr).toBe(
      `${dir}/areas.csv:6:1: warning AREA_REPEATED: area "N03" repeats line 4 cell for cell; it is read once\n  hint: delete the repeated row\n1 warning\n`,
    );
  });
});

describe('an area missing from funding.csv altogether', () => {
  it('is told both rows it lacks at once, not the opening balance now and the allocation after', async () => {
    const dir = path.join(scratch, 'no-funding-rows');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const funding = path.join(dir, 'funding.csv');
    writeFileSync(funding, readFileSync(funding, 'utf8').replace(/^N02,.*\n/gm, ''));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(said(result.stderr, 'MISSING_OPENING_BALANCE')).toEqual([
      `${dir}/funding.csv: error MISSING_OPENING_BALANCE: funding.csv has neither an opening_balance row nor an hnb_allocation row (area N02)`,
    ]);
    expect(result.stderr).toContain(
      '  hint: add the rows "N02,2025-26,opening_balance,<balance; negative = deficit>," and "N02,2026-27,hnb_allocation,<the allocation before deductions>," (the allocation unless --hnb-from gives it)',
    );
  });

  // Found by a review: the hint's rows had no area cell, and a row added so, with its area's
  // cell empty, is every area's: the other areas then had two opening balances (DUPLICATE_ROW).
  it("gives the rows to add with the area's code, whose cell every row of a national table begins with", async () => {
    const dir = path.join(scratch, 'opening-added');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const funding = path.join(dir, 'funding.csv');
    const text = readFileSync(funding, 'utf8');
    const opening = /^N02,2025-26,opening_balance,.*\n/m.exec(text)![0];
    writeFileSync(funding, text.replace(opening, ''));
    const told = await cli(['validate', dir]);
    expect(told.stderr).toContain(
      '  hint: add the row "N02,2025-26,opening_balance,<balance; negative = deficit>,"\n',
    );
    // The hint's row as it is, with the figure in place: valid again. It once left out the empty
    // note cell, and the row pasted as given was refused, four fields for the header's five.
    const added = /hint: add the row "(.*)"\n/
      .exec(told.stderr)![1]!
      .replace('<balance; negative = deficit>', opening.split(',')[3]!);
    writeFileSync(funding, `${text.replace(opening, '')}${added}\n`);
    const again = await cli(['validate', dir, '--quiet']);
    expect(again.code, again.stderr).toBe(0);
  });

  // LA codes 202…205 as well: the hint of 202, first, was compared with the others' with each "202"
  // replaced, that of "2025-26" too, so it was given without "likewise" (found by a review).
  it.each([
    { codes: 'N01…N04', copy: () => copiedNational('openings-added') },
    { codes: 'LA codes 202…205', copy: () => withCodesFrom202('openings-added-la') },
  ])(
    "every area's opening balance missing, $codes: one line, whose hint says each area adds its own row",
    async ({ copy }) => {
      const dir = copy();
      const funding = path.join(dir, 'funding.csv');
      const text = readFileSync(funding, 'utf8');
      const openings = text.match(/^\w+,2025-26,opening_balance,.*\n/gm)!;
      const without = openings.reduce((rest, opening) => rest.replace(opening, ''), text);
      writeFileSync(funding, without);
      const told = await cli(['validate', dir]);
      expect(said(told.stderr, 'MISSING_OPENING_BALANCE')).toEqual([
        `${dir}/funding.csv: error MISSING_OPENING_BALANCE: funding.csv has no opening_balance row (every area)`,
      ]);
      const hint =
        /hint: add the row "(.*)" \(the other areas' rows likewise, each with its own code in place of (\w+)\)\n/.exec(
          told.stderr,
        );
      expect(hint, told.stderr).not.toBeNull();
      const [, row, code] = hint!;
      const rows = openings.map((opening) =>
        row!
          .replace(code!, opening.split(',')[0]!)
          .replace('<balance; negative = deficit>', opening.split(',')[3]!),
      );
      writeFileSync(funding, `${without}${rows.join('\n')}\n`);
      const again = await cli(['validate', dir, '--quiet']);
      expect(again.code, again.stderr).toBe(0);
    },
  );

  it('but an allocation row refused for its amount is not said to be missing (found by a review)', async () => {
    const dir = path.join(scratch, 'allocation-refused');
    cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
    const funding = path.join(dir, 'funding.csv');
    writeFileSync(
      funding,
      readFileSync(funding, 'utf8')
        .replace(/^.*,opening_balance,.*\n/m, '')
        .replace(/^2026-27,hnb_allocation,[^,]*/m, '2026-27,hnb_allocation,1.2m'),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(said(result.stderr, 'MISSING_OPENING_BALANCE')).toEqual([
      `${dir}/funding.csv: error MISSING_OPENING_BALANCE: funding.csv has no opening_balance row`,
    ]);
    expect(said(result.stderr, 'INVALID_NUMBER')).toHaveLength(1);
  });
});

describe('an --hnb-from file written with ONS codes for a model of LA codes', () => {
  it('says so in the hint, once for every area', async () => {
    const dir = withLaCodes('ons-nff');
    const nff = path.join(scratch, 'nff-ons.csv');
    writeFileSync(
      nff,
      'area_code,area_name,financial_year,allocation\n' +
        [1, 2, 3, 4].map((n) => `E0900020${n},Area ${n},2026-27,1000000.00\n`).join('') +
        ',Total,2026-27,4000000.00\n',
    );
    const result = await cli(['validate', dir, '--hnb-from', nff]);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    const at = lines.findIndex((line) => line.includes(' NFF_AREA_MISSING: '));
    expect(lines.filter((line) => line.includes(' NFF_AREA_MISSING: '))).toHaveLength(1);
    expect(lines[at + 1]).toBe(
      "  hint: the file's areas: E09000201, E09000202, E09000203, E09000204; they are ONS (GSS) codes, and the model's is a DfE three-digit LA code: write the factors file's area_code as the model does and run nff again (DfE's tables give both, as old_la_code and new_la_code)",
    );
  });
});

describe("funding.csv's allocation given twice", () => {
  const twice = (second: string) => {
    const dir = path.join(scratch, `twice-${second}`);
    cpSync(path.join(ROOT, 'fixtures/errors/DUPLICATE_ROW'), dir, { recursive: true });
    const funding = path.join(dir, 'funding.csv');
    writeFileSync(funding, readFileSync(funding, 'utf8').replace(/100000\.00\n$/, `${second}\n`));
    return dir;
  };

  it('says to delete a row pasted twice, and which two figures to choose from otherwise', async () => {
    const pasted = await cli(['validate', twice('100000.00')]);
    expect(pasted.stderr).toContain(
      '  hint: delete this row: it gives the same £100,000.00 as line 3, as a row pasted twice does\n',
    );
    const other = await cli(['validate', twice('"£120,000.00"')]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(
      '  hint: keep the right one of £100,000.00 (line 3) and £120,000.00 (here): funding.csv takes one hnb_allocation a year\n',
    );
  });

  it('an opening balance of another year with the same amount is not called pasted twice (found by a review)', async () => {
    const dir = path.join(scratch, 'opening-two-years');
    cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
    const funding = path.join(dir, 'funding.csv');
    const [header, opening, ...rest] = readFileSync(funding, 'utf8').split('\n');
    const earlier = opening!.replace(/^2025-26,/, '2024-25,');
    writeFileSync(funding, [header, earlier, opening, ...rest].join('\n'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'opening_balance is already given on line 2; give exactly one\n  hint: keep the one at the end of 2025-26, where the projection opens, and delete the other\n',
    );
  });
});

describe('nff on every area', () => {
  const factors = path.join(scratch, 'nff-factors-many.csv');
  const header = readFileSync(path.join(ROOT, 'fixtures/nff/nff-factors.csv'), 'utf8').split(
    '\n',
  )[0]!;
  const row = readFileSync(path.join(ROOT, 'fixtures/nff/nff-factors.csv'), 'utf8').split('\n')[1]!;
  writeFileSync(
    factors,
    [header, ...Array.from({ length: 20 }, (_, i) => row.replace(/^880,/, `${220 - i},`))].join(
      '\n',
    ) + '\n',
  );

  // It was pointed at the code; the model commands' --area take 0201 for 201, and so now does nff.
  it('--area written as a spreadsheet writes it is read as the code; one not there lists a few areas in order', async () => {
    const spelt = await cli([
      'nff',
      factors,
      '--year',
      '2025-26',
      '--area',
      '0201',
      '--format',
      'csv',
    ]);
    const plain = await cli([
      'nff',
      factors,
      '--year',
      '2025-26',
      '--area',
      '201',
      '--format',
      'csv',
    ]);
    expect(spelt.code, spelt.stderr).toBe(0);
    expect(spelt.stdout).toBe(plain.stdout);
    expect(spelt.stdout).toMatch(/\n201,/);
    const result = await cli(['nff', factors, '--year', '2025-26', '--area', '0199']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `highneeds: --area 0199 is not in ${factors} (its 20 areas: 201, 202, 203, 204, 205, 206, 207, 208 and 12 more)\n`,
    );
  });

  it('--solve-cap with the shipped parameters, which have no total, says how to give one', async () => {
    const result = await cli(['nff', factors, '--year', '2025-26', '--solve-cap']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^highneeds: --solve-cap needs "nationalTotal" in the parameters, and the shipped highneeds:nff-parameters\/2025-26\.json has none \(docs\/nff\.md says why\): copy it \(.*nff-parameters\/2025-26\.json\) into a folder of your own, add "nationalTotal", and pass that folder as --params DIR\n$/,
    );
  });
});

describe("a cohort's NCY column headed as DfE's returns head it", () => {
  it.each(['NC Year', 'NCyearActual', 'National Curriculum Year', 'Year group'])(
    '"%s" is named as the column that may be ncy',
    async (name) => {
      const dir = path.join(scratch, `ncy-${name.replace(/ /g, '-')}`);
      cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
      const cohort = path.join(dir, 'cohort.csv');
      writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/^ncy,/, `${name},`));
      const result = await cli(['validate', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`  hint: column "${name}" may be it: rename it ncy; `);
    },
  );
});

describe('simulate takes --hnb-from, as batch --draws does for each area', () => {
  it("so one area's range of outcomes in a batch with an nff output is simulate's of that area alone", async () => {
    const nff = path.join(scratch, 'nff-for-draws.csv');
    writeFileSync(
      nff,
      'area_code,area_name,financial_year,allocation\n' +
        ['N01', 'N02', 'N03', 'N04']
          .map((code, i) => `${code},A,2026-27,${1400000 + i * 1000}.00\n`)
          .join(''),
    );
    const drawn = ['--hnb-from', nff, '--draws', '20', '--seed', '3'];
    const result = await batchInto('draws-hnb', '--scenarios', 'mitigated', ...drawn);
    expect(result.code).toBe(0);
    const batchRows = readFileSync(path.join(scratch, 'draws-hnb', 'intervals.csv'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('N02,'));
    const folder = splitNational(
      path.join(ROOT, 'fixtures/national'),
      path.join(scratch, 'split-draws'),
    ).get('N02')!;
    const simulated = async (...options: string[]) =>
      (
        await cli(['simulate', folder, '--scenario', 'mitigated', '--format', 'csv', ...options])
      ).stdout
        .trimEnd()
        .split('\n')
        .slice(1);
    expect(batchRows.length).toBeGreaterThan(0);
    expect(await simulated(...drawn)).toEqual(batchRows);
    // The nff allocation is in the figures: without it the balances differ.
    expect(await simulated(...drawn.slice(2))).not.toEqual(batchRows);
  });
});

describe('an area with no cohort rows under its code', () => {
  it('is told where its rows are when cohort.csv writes the code another way', async () => {
    const dir = path.join(scratch, 'cohort-lower-case');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const cohort = path.join(dir, 'cohort.csv');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/^N01,/gm, 'n01,'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${dir}/areas.csv:2:1: error NO_COHORT_ROWS: area "N01" has no rows in cohort.csv: its rows are written "n01" there (UNKNOWN_AREA)\n  hint: write the code as areas.csv does, "N01", in cohort.csv\n`,
    );
  });

  it('and that cohort.csv is keyed by ONS codes where areas.csv has LA codes, once for every area', async () => {
    const dir = withLaCodes('cohort-ons');
    const cohort = path.join(dir, 'cohort.csv');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/^20(\d),/gm, 'E0900020$1,'));
    const result = await cli(['validate', dir]);
    expect(said(result.stderr, 'NO_COHORT_ROWS')).toEqual([
      `${dir}/areas.csv:2:1: error NO_COHORT_ROWS: area "201" has no rows in cohort.csv; cohort.csv's area codes are ONS (GSS) codes, and areas.csv's are DfE's three-digit LA codes; also in 3 other areas: 202 (line 3), 203 (line 4) and 204 (line 5)`,
    ]);
  });
});

describe('a new-plans.csv row pasted twice', () => {
  it('is counted, and said, as a repeated funding row is', async () => {
    const dir = path.join(scratch, 'new-plans-twice');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const file = path.join(dir, 'new-plans.csv');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}${text.split('\n')[1]}\n`);
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(0);
    expect(said(result.stderr, 'ROW_REPEATED')).toEqual([
      `${dir}/new-plans.csv:${text.trimEnd().split('\n').length + 1}:1: warning ROW_REPEATED: this row repeats line 2 cell for cell; both are counted: 1 new plan a year at NCY 0, ASD, mainstream, band 2 twice (every area)`,
    ]);
    expect(result.stderr).toContain(
      '  hint: delete one if it was pasted twice; if both are meant, give their sum on one row\n',
    );
  });

  it('but not of a year outside the projection, which is ignored, not counted (found by a review)', async () => {
    const dir = path.join(scratch, 'twice-out-of-range');
    cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
    const plans = path.join(dir, 'new-plans.csv');
    const [header, ...rows] = readFileSync(plans, 'utf8').trimEnd().split('\n');
    const late = '-1,ASD,mainstream,2,1,2040/41';
    writeFileSync(
      plans,
      [`${header},academic_year`, ...rows.map((row) => `${row},`), late, late].join('\n') + '\n',
    );
    const late2 = '2040-41,safety_valve,100.00,';
    writeFileSync(
      path.join(dir, 'funding.csv'),
      `${readFileSync(path.join(dir, 'funding.csv'), 'utf8')}${late2}\n${late2}\n`,
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(0);
    expect(said(result.stderr, 'YEAR_OUT_OF_RANGE')).toHaveLength(2);
    expect(said(result.stderr, 'ROW_REPEATED')).toEqual([]);
  });
});

describe('an area left out of a national new-plans.csv or spend.csv', () => {
  const dir = path.join(scratch, 'left-out');
  cpSync(path.join(ROOT, 'fixtures/errors/NO_AREA_ROWS'), dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'spend.csv'),
    'area,financial_year,line,amount\n901,2026-27,SEN support services,1000.00\n',
  );

  it('is said once a table, with the areas, by validate and batch, which still model it', async () => {
    const checked = await cli(['validate', dir]);
    expect(checked.code).toBe(0);
    expect(said(checked.stderr, 'NO_AREA_ROWS')).toEqual([
      `${dir}/new-plans.csv:1:1: warning NO_AREA_ROWS: new-plans.csv has rows by area, but none for area 903, and none without an area: it is projected with no new plans`,
      `${dir}/spend.csv:1:1: warning NO_AREA_ROWS: spend.csv has rows by area, but none for 2 areas 902 and 903, and none without an area: they are projected with no other spend lines (spend.csv's)`,
    ]);
    const run = await cli([
      'batch',
      dir,
      '--out-dir',
      path.join(scratch, 'left-out-out'),
      '--jobs',
      '1',
    ]);
    expect(run.code).toBe(0);
    expect(said(run.stderr, 'NO_AREA_ROWS')).toHaveLength(2);
  });

  it('but not when rows without an area give every area some', async () => {
    const shared = path.join(scratch, 'left-out-shared');
    cpSync(dir, shared, { recursive: true });
    writeFileSync(
      path.join(shared, 'new-plans.csv'),
      `${readFileSync(path.join(dir, 'new-plans.csv'), 'utf8')},1,PD,mainstream,1,1\n`,
    );
    const checked = await cli(['validate', shared]);
    expect(said(checked.stderr, 'NO_AREA_ROWS')).toEqual([expect.stringContaining('spend.csv')]);
  });

  it('and an area that truly has none is told how to say so, which silences it (found by a review)', async () => {
    const checked = await cli(['validate', dir]);
    expect(checked.stderr).toContain(
      "  hint: add each named area's rows, or rows without an area (every area's); give an area that truly has none a row of count 0, which says so",
    );
    expect(checked.stderr).toContain('give an area that truly has none a line of amount 0');
    const none = path.join(scratch, 'left-out-none');
    cpSync(dir, none, { recursive: true });
    writeFileSync(
      path.join(none, 'new-plans.csv'),
      `${readFileSync(path.join(dir, 'new-plans.csv'), 'utf8')}903,0,ASD,mainstream,1,0\n`,
    );
    writeFileSync(
      path.join(none, 'spend.csv'),
      `${readFileSync(path.join(dir, 'spend.csv'), 'utf8')}902,2026-27,SEN support services,0\n903,2026-27,SEN support services,0.00\n`,
    );
    const quiet = await cli(['validate', none]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});

describe('a national cohort.csv headed as an LA extract heads it', () => {
  it('is told every column it lacks at once, area among them', async () => {
    const dir = path.join(scratch, 'extract-header');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const cohort = path.join(dir, 'cohort.csv');
    const [header, ...rows] = readFileSync(cohort, 'utf8').split('\n');
    const renamed = header!
      .split(',')
      .map((name) => ({ area: 'LA', ncy: 'NC Yr' })[name] ?? name)
      .join(',');
    writeFileSync(cohort, [renamed, ...rows].join('\n'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(said(result.stderr, 'MISSING_COLUMN')).toEqual([
      `${dir}/cohort.csv:1: error MISSING_COLUMN: column "area" is missing: each of the 4 areas would be given every row (the whole national cohort)`,
      `${dir}/cohort.csv:1: error MISSING_COLUMN: required column "ncy" is missing`,
    ]);
  });
});

describe('an areas.csv tariff id mistyped by a letter', () => {
  it('is named as the library id it is likely to be', async () => {
    const dir = path.join(scratch, 'tariff-slip');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const areas = path.join(dir, 'areas.csv');
    writeFileSync(
      areas,
      readFileSync(areas, 'utf8').replace('national-illustrative', 'national-ilustrative'),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '  hint: did you mean national-illustrative? give a path relative to the model folder, or a library id: ',
    );
  });
});

describe('a scenario id mistyped by a letter', () => {
  it('is named as the scenario it is likely to be, in batch and project alike', async () => {
    const batch = await batchInto('slip', '--scenarios', 'unmitigated,mitigatd');
    expect(batch.code).toBe(2);
    expect(batch.stderr).toContain(
      '  hint: did you mean mitigated? scenarios: unmitigated, mitigated, national-tariff\n',
    );
    const project = await cli(['project', 'fixtures/example', '--scenario', 'unmitigatd']);
    expect(project.code).toBe(2);
    expect(project.stderr).toContain('  hint: did you mean unmitigated? scenarios: ');
  });
});

describe('rows with LF line ends added to a file saved from Excel with CR LF', () => {
  // Found by the national trial: the reader took the first line's ending (CR LF) for every line,
  // so rows added with LF ran together into one row too wide (COLUMN_COUNT, "row has 9 fields").
  // Every line now ends where it ends: the rows read as they do when the file is all CR LF.
  const appended = (from: string, name: string, rows: string, ending: string) => {
    const dir = path.join(scratch, name);
    cpSync(path.join(ROOT, from), dir, { recursive: true });
    const file = path.join(dir, 'funding.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/\n/g, '\r\n') + rows.replace(/\n/g, ending),
    );
    return dir;
  };
  const both = (from: string, name: string, rows: string) => [
    appended(from, `${name}-mixed`, rows, '\n'),
    appended(from, `${name}-crlf`, rows, '\r\n'),
  ];

  it('are read as rows, in a national table', async () => {
    const rows = 'N01,2027-28,other_income,5.00,\nN02,2027-28,other_income,5.00,\n';
    const [mixed, crlf] = both('fixtures/national', 'lf-national', rows);
    const runs = await Promise.all(
      [mixed!, crlf!, path.join(ROOT, 'fixtures/national')].map(async (dir, i) => {
        const out = path.join(scratch, `lf-national-out-${i}`);
        const result = await cli(['batch', dir, '--out-dir', out, '--jobs', '1', '--quiet']);
        expect(result.code, result.stderr).toBe(0);
        return readFileSync(path.join(out, 'summary.csv'), 'utf8');
      }),
    );
    expect(runs[0]).toBe(runs[1]);
    // The added income is in the figures.
    expect(runs[0]).not.toBe(runs[2]);
  });

  it("and in one area's folder", async () => {
    const rows = '2027-28,other_income,5.00,\n2028-29,other_income,5.00,\n';
    const [mixed, crlf] = both('fixtures/example', 'lf-one', rows);
    const [a, b] = await Promise.all(
      [mixed!, crlf!].map((dir) => cli(['project', dir, '--format', 'csv'])),
    );
    expect(a!.code, a!.stderr).toBe(0);
    expect(a!.stdout).toBe(b!.stdout);
    const plain = await cli(['project', 'fixtures/example', '--format', 'csv']);
    expect(a!.stdout).not.toBe(plain.stdout);
  });

  it('but not a note typed on two lines beside a stray cell (found by a review)', async () => {
    const dir = appended(
      'fixtures/example',
      'note-two-lines',
      '2027-28,other_income,5.00,"a grant,\nsee the letter",stray\n',
      '\n',
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error COLUMN_COUNT: row has 5 fields but the header has 4 columns\n',
    );
    expect(result.stderr).not.toContain('save it again');
  });
});
