import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/** Left by the review of --area: areas.csv's codes and names as --area and batch find them. */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-area-codes-alike-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/national copied, with `area` (a row of areas.csv) added, and N01's rows as its too. */
function withArea(name: string, area: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
  const code = area.split(',')[0]!;
  for (const file of ['cohort.csv', 'funding.csv']) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const rows = text.match(/^N01,.*\n/gm)!.map((row) => row.replace(/^N01,/, `${code},`));
    writeFileSync(path.join(dir, file), text + rows.join(''));
  }
  const areas = path.join(dir, 'areas.csv');
  writeFileSync(areas, `${readFileSync(areas, 'utf8')}${area},,,,,\n`);
  return dir;
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n');

describe('two areas whose codes differ only as a spreadsheet or a case system writes them', () => {
  // Rows are grouped by the code as written, but --area, an --hnb-from file and the hints read
  // e06000001 as E06000001: an --hnb-from row "n01" was taken by area N01 as well as by n01.
  it('fail the second area, DUPLICATE_AREA; the first is modelled on its own rows', async () => {
    const dir = withArea('case', 'n01,Lowshire');
    const out = path.join(scratch, 'case-out');
    const result = await cli(['batch', dir, '--out-dir', out, '--jobs', '1', '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${dir}/areas.csv:6:1: error DUPLICATE_AREA: area "n01" (Lowshire) is area "N01" (Northshire) of line 2, written another way\n` +
        "  hint: give each area a code of its own: --area, an --hnb-from file and the hints read a code in any case and as a spreadsheet rewrites a number (0202 or 202.0 for 202), so rows under one could be taken for the other's\n",
    );
    expect(lines(path.join(out, 'failures.csv'))[1]).toMatch(/^n01,Lowshire,"areas\.csv:6:1: /);
    // No UNKNOWN_AREA for n01's rows: they are the failed area's.
    expect(result.stderr).not.toContain('UNKNOWN_AREA');
    const plain = path.join(scratch, 'plain-out');
    expect((await cli(['batch', 'fixtures/national', '--out-dir', plain, '--quiet'])).code).toBe(0);
    const n01 = (out: string) =>
      lines(path.join(out, 'summary.csv')).filter((row) => /^N01,/.test(row));
    expect(n01(out)).toEqual(n01(plain));
  });

  it('--area names the failed area by its code or name, and says why', async () => {
    const dir = withArea('padded', '0901,Paddington');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.csv'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      writeFileSync(path.join(dir, file), text.replace(/^N04,/gm, '901,'));
    }
    for (const area of ['0901', 'Paddington']) {
      const result = await cli(['project', dir, '--area', area]);
      expect(result.code, area).toBe(1);
      expect(result.stderr).toBe(
        `${dir}/areas.csv:6:1: error DUPLICATE_AREA: area "0901" (Paddington) is area "901" (Westham) of line 5, written another way\n` +
          "  hint: give each area a code of its own: --area, an --hnb-from file and the hints read a code in any case and as a spreadsheet rewrites a number (0202 or 202.0 for 202), so rows under one could be taken for the other's\n1 error\n",
      );
    }
  });
});

describe('--area by the name of the second row of a code given twice', () => {
  // "area "North Test again" is not in areas.csv, as a code or a name": it was, on line 3.
  it('finds the area, whose DUPLICATE_AREA names both rows', async () => {
    const result = await cli([
      'project',
      'fixtures/errors/DUPLICATE_AREA',
      '--area',
      'north test again',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'fixtures/errors/DUPLICATE_AREA/areas.csv:3:1: error DUPLICATE_AREA: area "901" (North Test again) is already on line 2 (North Test)\n' +
        '  hint: give each area one row: its rows in the other files could not be told apart\n1 error\n',
    );
  });
});

describe("AREA_NOT_LISTED's hint", () => {
  // Only area_code was looked at: a slip in an ons_code typed to --area was offered nothing.
  it('offers a near ons_code as typed', async () => {
    const dir = path.join(scratch, 'ons');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const ons = { N01: 'E06000023', N02: 'E08000025', N03: 'E09000007', N04: 'E10000014' };
    const areas = path.join(dir, 'areas.csv');
    writeFileSync(
      areas,
      readFileSync(areas, 'utf8')
        .replace(/^area_code,.*$/m, '$&,ons_code')
        .replace(/^(N0\d),.*$/gm, (row, code: keyof typeof ons) => `${row},${ons[code]}`),
    );
    const result = await cli(['project', dir, '--area', 'E0900007']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '  hint: did you mean E09000007 (Eastford)? areas: N01, N02, N03 and N04\n',
    );
  });
});
