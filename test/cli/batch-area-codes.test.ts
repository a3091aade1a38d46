import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-area-codes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/national with numeric area codes (202 for N01), as DfE's LA codes are. */
function numericNational(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
  for (const file of [
    'areas.csv',
    'cohort.csv',
    'funding.csv',
    'new-plans.csv',
    'places.csv',
    'spend.csv',
  ])
    writeFileSync(
      path.join(dir, file),
      readFileSync(path.join(dir, file), 'utf8')
        .replaceAll('N01', '202')
        .replaceAll('N02', '880')
        .replaceAll('N03', '909')
        .replaceAll('N04', '330'),
    );
  return dir;
}

// Found by a user trial (a funding analyst's national cohort with some of one area's rows written
// with a leading zero, as a spreadsheet column of text codes may have them): the rows failed as an
// area "0202" of their own, while area 202 was modelled without them and nothing said so.
describe('rows for an area written another way than areas.csv writes it', () => {
  it('say which area they are likely meant for, and that it is modelled without them', async () => {
    const dir = numericNational('leading-zero');
    const cohort = readFileSync(path.join(dir, 'cohort.csv'), 'utf8').split('\n');
    const at = cohort.findIndex((line) => line.startsWith('202,'));
    cohort[at] = `0${cohort[at]!}`;
    writeFileSync(path.join(dir, 'cohort.csv'), cohort.join('\n'));
    const out = path.join(scratch, 'out-leading-zero');
    const result = await cli(['batch', dir, '--out-dir', out, '--jobs', '1', '--quiet']);
    expect(result.code).toBe(1);
    const message = `area "0202" is not in the areas table (1 row of cohort.csv, the first here); areas.csv has "202", written another way, which is modelled without these rows`;
    expect(result.stderr).toContain(`cohort.csv:${at + 1}:1: error UNKNOWN_AREA: ${message}`);
    expect(result.stderr).toContain('hint: write the code as areas.csv does, "202", in cohort.csv');
    // failures.csv has no hints: the message itself names the area.
    expect(readFileSync(path.join(out, 'failures.csv'), 'utf8')).toContain(
      message.replaceAll('"', '""'),
    );
  });

  // Found by today's national trial: "8 of 8 areas failed" was 4 areas and 4 codes written
  // otherwise; the code of rows areas.csv does not list is no area, and is counted apart.
  it('are counted apart from the areas, which are all modelled', async () => {
    const dir = numericNational('counted-apart');
    const file = path.join(dir, 'cohort.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^202,/m, '0202,'));
    const out = path.join(scratch, 'out-counted-apart');
    const result = await cli(['batch', dir, '--out-dir', out, '--jobs', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'National batch: 4 of 4 areas modelled, rows of a code not in areas.csv left out (failures.csv);',
    );
    expect(result.stderr).toContain(
      '\nrows under a code that areas.csv does not list were left out: 0202; each error is in ',
    );
  });

  // Found by an analyst's trial: the terminal counted them apart, but the national report said
  // "2 areas modelled; 7 areas failed" of 6 areas, and the manifest "failed": 7, the codes counted
  // as failed areas.
  it('in the national report and the manifest too', async () => {
    const dir = numericNational('counted-apart-report');
    const file = path.join(dir, 'cohort.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^202,/m, '0202,'));
    const out = path.join(scratch, 'out-counted-apart-report');
    const report = path.join(scratch, 'report-counted-apart');
    const result = await cli(['batch', dir, '--out-dir', out, '--report', report, '--quiet']);
    expect(result.code).toBe(1);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.areas).toEqual({ modelled: 4, failed: 0, unlisted: 1 });
    const html = readFileSync(path.join(report, 'national-report.html'), 'utf8');
    expect(html).toContain(
      '4 areas modelled; rows under a code that areas.csv does not list were left out;',
    );
    expect(html).not.toContain('area failed');
    expect(html).toContain('Codes not in areas.csv, left out');
  });

  it('in another case too; a code like no area of areas.csv keeps the plain message', async () => {
    const dir = path.join(scratch, 'case');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const funding = readFileSync(path.join(dir, 'funding.csv'), 'utf8');
    writeFileSync(
      path.join(dir, 'funding.csv'),
      funding.replace('N02,2026-27', 'n02,2026-27').replace('N03,2026-27', 'E09000007,2026-27'),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error UNKNOWN_AREA: area "n02" is not in the areas table (1 row of funding.csv, the first here); areas.csv has "N02", written another way, which is modelled without these rows',
    );
    expect(result.stderr).toContain(
      'error UNKNOWN_AREA: area "E09000007" is not in the areas table (1 row of funding.csv, the first here)\n  hint: add the area to areas.csv, or correct the code',
    );
  });
});

// Found reproducing a leftover: the hint copied areas.csv's spelling whatever it was, so an areas.csv
// saved by a spreadsheet with "202.0" told the officer to write 202.0 in every other file, and
// E09000001.0 (the ".0" on a code that is not a number) was not matched to E09000001 at all.
describe('an area code a spreadsheet rewrote', () => {
  /** fixtures/national with 202 for N01, written `rows` in funding.csv and `areas` in areas.csv. */
  async function validate(areas: string, rows: string) {
    const dir = mkdtempSync(path.join(scratch, 'mangled-'));
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    for (const [file, code] of [
      ['areas.csv', areas],
      ['cohort.csv', areas],
      ['new-plans.csv', areas],
      ['places.csv', areas],
      ['funding.csv', rows],
    ] as const) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      writeFileSync(path.join(dir, file), text.replaceAll(/^N01,/gm, `${code},`));
    }
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    return /error UNKNOWN_AREA: .*\n {2}hint: .*/.exec(result.stderr)?.[0];
  }

  it('in areas.csv: the hint names the code as the other file writes it, and says what the ".0" is', async () => {
    expect(await validate('202.0', '202')).toBe(
      'error UNKNOWN_AREA: area "202" is not in the areas table (3 rows of funding.csv, the first here); areas.csv has "202.0", written another way, which is modelled without these rows ("202.0" ends in the ".0" a spreadsheet adds to a code it takes for a number)\n' +
        '  hint: write the code "202" in areas.csv, as funding.csv does, and in every file that writes it "202.0"',
    );
  });

  it("in the rows: the hint names areas.csv's code, and says what was changed where that is clear", async () => {
    expect(await validate('E09000001', 'E09000001.0')).toBe(
      'error UNKNOWN_AREA: area "E09000001.0" is not in the areas table (3 rows of funding.csv, the first here); areas.csv has "E09000001", written another way, which is modelled without these rows ("E09000001.0" ends in the ".0" a spreadsheet adds to a code it takes for a number)\n' +
        '  hint: write the code as areas.csv does, "E09000001", in funding.csv',
    );
    expect(await validate('0202', '202')).toBe(
      'error UNKNOWN_AREA: area "202" is not in the areas table (3 rows of funding.csv, the first here); areas.csv has "0202", written another way, which is modelled without these rows ("202" has lost the leading zero, as a spreadsheet drops them)\n' +
        '  hint: write the code as areas.csv does, "0202", in funding.csv',
    );
  });
});

// Found by a user trial: areas.csv holds baseYear (2025/26) beside horizon (2030-31), and a horizon
// typed as 2028/29 was refused without the hint funding.csv's years give.
it("an areas.csv horizon written as an academic year says how to write it, as funding.csv's years do", async () => {
  const dir = numericNational('horizon');
  const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8');
  writeFileSync(path.join(dir, 'areas.csv'), areas.replace(',2028-29', ',2028/29'));
  const result = await cli(['validate', dir]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'areas.csv:5:7: error INVALID_YEAR: financial year "2028/29" is not written like 2026-27 (area 330)\n  hint: write it 2028-29: financial years take a hyphen (2028/29 is how an academic year is written)',
  );
});

// Found by a user trial: a baseYear written 2025/2026 was read, as every academic_year cell reads
// it, but its warning was never said (the area's notes were not flushed); a horizon of 2028-2029,
// which funding.csv reads, was refused.
it('an areas.csv baseYear or horizon written with its end year in full is read and said', async () => {
  const dir = numericNational('years-in-full');
  const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8').split('\n');
  const header = areas[0]!.split(',');
  writeFileSync(
    path.join(dir, 'areas.csv'),
    [
      `${areas[0]},baseYear`,
      ...areas
        .slice(1)
        .map((line) =>
          line === ''
            ? line
            : `${line.replace(',2028-29', ',2028-2029')},${line.includes('2028-29') ? '2025/2026' : ''}`,
        ),
    ].join('\n'),
  );
  const result = await cli(['validate', dir]);
  expect(result.stderr).toContain(
    `areas.csv:5:${header.indexOf('horizon') + 1}: warning CODE_NORMALISED: "horizon": read a year written in full, with a label or with a dash in 1 cell ("2028-2029" as 2028-29, the first here) (area 330)`,
  );
  expect(result.stderr).toContain(
    `areas.csv:5:${header.length + 1}: warning CODE_NORMALISED: "baseYear": read a year written in full, with a label or with a dash in 1 cell ("2025/2026" as 2025/26, the first here) (area 330)`,
  );
  expect(result.stderr).not.toContain('INVALID_YEAR');
});
