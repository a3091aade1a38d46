import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs/dist/exceljs.min.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/**
 * What a DfE analyst's trial of --area found, drilling into areas of a national model after a
 * batch (each test says what a user tripped over).
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-national-area-trial-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the provenance of one area', () => {
  // The manifest (and the report's provenance) listed a library tariff two or three times: once
  // as read with the national files or scenarios, again as the area's own tariff.
  it('lists each input once, as batch does', async () => {
    const manifest = path.join(scratch, 'n03.json');
    const result = await cli([
      'project',
      'fixtures/national',
      '--area',
      'N03',
      '--tariff',
      'national-illustrative',
      '--out',
      path.join(scratch, 'n03.csv'),
      '--manifest',
      manifest,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const paths = (
      JSON.parse(readFileSync(manifest, 'utf8')) as { inputs: { path: string }[] }
    ).inputs.map((input) => input.path);
    expect(paths).toContain('highneeds:tariffs/national-illustrative.json');
    expect(paths).toEqual([...new Set(paths)]);
  });
});

/**
 * What a terminal of 100 columns shows of `highneeds ARGS` (stdout and stderr, spinners drawn), and
 * the exit code: in process, as the spinners' own rules are tested on a real terminal
 * (test/cli/spinner-terminals.test.ts, interrupt-spinner.test.ts); what these tests ask is what
 * each command says while it reads (a real terminal's session cost some 0.5 s of CPU more a run:
 * issue 18, item 5).
 */
async function onTerminal(args: readonly string[]): Promise<{ code: number; shown: string }> {
  const run = await cli(args, { columns: 100, spinnerColumns: 100, env: { TERM: 'xterm' } });
  return { code: run.code, shown: run.stderr + run.stdout };
}

describe('the wait while --area reads the national model', () => {
  // Every area's rows are read, as batch reads them: some 2 s for 153 areas. project showed a
  // spinner meanwhile; compare, explain, solve, simulate, report and validate showed nothing.
  const reading = 'Reading the national model fixtures/national for area N03';
  const area = ['fixtures/national', '--area', 'N03'];
  it.each([
    ['compare', ...area],
    ['explain', ...area, '--year', '2027-28', '--figure', 'spend_total'],
    [
      'solve',
      ...area,
      ...'--target in-year-balance>=0@2028-29 --vary assumption:hnbGrowth --range 0,0.2'.split(' '),
    ],
    ['validate', ...area],
    ['project', ...area],
  ])('%s says what it is reading, on a terminal', async (...args) => {
    const run = await onTerminal(args);
    expect(run.code, run.shown).toBe(0);
    expect(run.shown).toContain(reading);
  });

  // And "Drawing 1000 times from DIR" read, for a national model, as every area drawn.
  it('simulate and report --draws say so too, and which area they draw', async () => {
    const drawing = 'Drawing 10 times from fixtures/national, area N03 (Eastford)';
    const simulate = await onTerminal(['simulate', ...area, '--draws', '10']);
    expect(simulate.code, simulate.shown).toBe(0);
    expect(simulate.shown).toContain(reading);
    expect(simulate.shown).toContain(drawing);
    const out = path.join(scratch, 'drawn.html');
    const report = await onTerminal(['report', ...area, '--draws', '10', '--out', out]);
    expect(report.code, report.shown).toBe(0);
    expect(report.shown).toContain(reading);
    expect(report.shown).toContain(drawing);
  });

  it('not under --quiet', async () => {
    const run = await onTerminal(['validate', ...area, '--quiet']);
    expect(run.code, run.shown).toBe(0);
    expect(run.shown).not.toContain('Reading');
  });
});

describe('--area by part of a name', () => {
  // Names as the ONS lists them: "Bristol, City of", "Kingston upon Hull, City of". --area Bristol
  // offered nothing (no slip of a letter or two reaches the whole name), and a word that many
  // names share offered every one of them, joined by "or".
  const dir = path.join(scratch, 'names');
  cpSync('fixtures/national', dir, { recursive: true });
  const norths = ['N05', 'N06', 'N07', 'N08', 'N09', 'N10'].map((code) => `${code},North ${code}`);
  writeFileSync(
    path.join(dir, 'areas.csv'),
    [
      'area_code,area_name',
      'N01,"Bristol, City of"',
      'N02,"Kingston upon Hull, City of"',
      'N03,Eastford',
      'N04,Westham',
      ...norths,
      '',
    ].join('\n'),
  );

  it('offers the area whose name holds the words typed', async () => {
    for (const [typed, offered] of [
      ['bristol', 'N01 (Bristol, City of)'],
      ['Hull', 'N02 (Kingston upon Hull, City of)'],
    ]) {
      const result = await cli(['project', dir, '--area', typed!]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`hint: did you mean ${offered!}? areas:`);
    }
  });

  it('offers at most five, and counts the rest', async () => {
    const result = await cli(['project', dir, '--area', 'north']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      'hint: did you mean N05 (North N05), N06 (North N06), N07 (North N07), N08 (North N08), N09 (North N09) or 1 more? areas:',
    );
  });
});

describe("explain's footnote on one area of a national model", () => {
  // "* a figure of its own: highneeds explain --figure NAME --year YEAR" left out --area: run as
  // written on the national folder, it was refused (NATIONAL_MODEL).
  it('names the area in the command that explains a part', async () => {
    const result = await cli([
      'explain',
      'fixtures/national',
      '--area',
      'southbury',
      ...'--year 2027-28 --figure cumulative_balance'.split(' '),
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "* a figure of its own: highneeds explain fixtures/national --area N02 --figure NAME --year YEAR, with the part's name and year",
    );
  });
});

describe('--area without a national folder', () => {
  // `cd national; highneeds explain --area E1001` said that the shipped example, by its path in
  // the install, "is not a national model": the default folder, not one the user had given.
  it('says the folder is the shipped example, and offers . when it is a national model', async () => {
    const args = ['explain', '--area', 'N01', '--year', '2027-28', '--figure', 'spend_total'];
    const elsewhere = await cli(args, { cwd: scratch });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toBe(
      "highneeds: --area N01: the model folder is the shipped example (the default when none is given), one area's model; give the national model's folder before --area\n",
    );
    const here = await cli(args, { cwd: path.resolve('fixtures/national') });
    expect(here.code).toBe(2);
    expect(here.stderr).toContain("give the national model's folder before --area (here: .)");
  });
});

describe('batch --area', () => {
  // After a batch, the analyst reached for --area on batch itself: "unknown option '--area'".
  it('is refused, naming the commands that take it, before anything is read or written', async () => {
    const out = path.join(scratch, 'batch-area');
    const result = await cli(['batch', 'fixtures/national', '--area', 'N02', '--out-dir', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'highneeds: --area: batch runs every area of a national model; for one area, give --area to project, explain, compare, solve, simulate, report or validate: highneeds project fixtures/national --area N02\n',
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('validate of a whole national model', () => {
  // Every area is read and projected under each scenario: 10 s and more on the 153-area model,
  // with nothing on the terminal. It shows batch's progress now.
  it("shows batch's progress on a terminal", async () => {
    const run = await onTerminal(['validate', 'fixtures/national']);
    expect(run.code, run.shown).toBe(0);
    expect(run.shown).toContain('Reading the national model');
    expect(run.shown).toContain('fixtures/national: ok (4 areas, 3 scenarios)');
  });
});

describe("a national warning about other areas' rows", () => {
  // new-plans.csv with N01's rows only: --area N01 was warned "none for 3 areas N02, N03 and N04
  // … they are projected with no new plans", about areas it was not running.
  it('is said for an area it names, not for the others', async () => {
    const dir = path.join(scratch, 'n01-plans');
    cpSync('fixtures/national', dir, { recursive: true });
    const plans = readFileSync(path.join(dir, 'new-plans.csv'), 'utf8').split('\n');
    const kept = plans.filter((line, i) => i === 0 || line.startsWith('N01,'));
    writeFileSync(path.join(dir, 'new-plans.csv'), `${kept.join('\n')}\n`);
    const n01 = await cli(['project', dir, '--area', 'N01', '--format', 'csv']);
    expect(n01.code, n01.stderr).toBe(0);
    expect(n01.stderr).not.toContain('NO_AREA_ROWS');
    const n02 = await cli(['project', dir, '--area', 'N02', '--format', 'csv']);
    expect(n02.code, n02.stderr).toBe(0);
    expect(n02.stderr).toContain(
      'warning NO_AREA_ROWS: new-plans.csv has rows by area, but none for area N02, and none without an area: it is projected with no new plans',
    );
  });
});

describe('the explain command a report of one area offers', () => {
  // "for example highneeds explain MODEL --scenario … --year … --figure cumulative_balance" left
  // out --area, as explain's own footnote did.
  it('names the area, in the HTML and in the workbook', async () => {
    const offered = 'highneeds explain MODEL --area N02 --scenario national-tariff --year 2029-30';
    const html = path.join(scratch, 'southbury.html');
    const page = await cli(['report', 'fixtures/national', '--area', 'n02', '--out', html]);
    expect(page.code, page.stderr).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain(offered);
    const xlsx = path.join(scratch, 'southbury.xlsx');
    const book = await cli(['report', 'fixtures/national', '--area', 'n02', '--out', xlsx]);
    expect(book.code, book.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    workbook
      .getWorksheet('Summary')!
      .eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.some((text) => text.includes(offered))).toBe(true);
  });
});

describe('--area on a folder with no model.json', () => {
  // A misspelt folder was said to be "not a national model (its model.json names no areas
  // table)": there was no folder, and no model.json. It is said as without --area.
  it('says what is missing, as without --area', async () => {
    const missing = path.join(scratch, 'nationl');
    const result = await cli(['project', missing, '--area', 'N01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error FILE_MISSING: required file model.json was not found: there is no folder ${missing}`,
    );
    expect(result.stderr).not.toContain('not a national model');
  });
});

describe('--area naming two areas', () => {
  // Two areas of one name: "area "westham" is not in areas.csv, as a code or a name", though it
  // was there twice.
  it('says so, and asks for the code', async () => {
    const dir = path.join(scratch, 'two-westhams');
    cpSync('fixtures/national', dir, { recursive: true });
    const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8');
    writeFileSync(path.join(dir, 'areas.csv'), areas.replace('N03,Eastford', 'N03,Westham'));
    const result = await cli(['project', dir, '--area', 'westham']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--area: error AREA_NOT_LISTED: area "westham" names 2 areas of ${path.join(dir, 'areas.csv')}: N03 (Westham) and N04 (Westham)\n  hint: give the code of the one you mean, as areas.csv writes it: N03 or N04\n`,
    );
  });
});
