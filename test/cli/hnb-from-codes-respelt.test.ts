import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Left by the review of --area: an --hnb-from file whose area codes a spreadsheet had rewritten
 * (0202 or 202.0 for 202, n01 for N01) failed every area with NFF_AREA_MISSING, while --area and
 * UNKNOWN_AREA read such a code as the area's (codeKey). Its rows are the area's now, said once.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-hnb-from-respelt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An nff output for 2026-27: the nth area's allocation £n,000,000, under the nth code. */
function nffFile(name: string, codes: readonly string[]): string {
  const file = path.join(scratch, name);
  const rows = codes.map((code, i) => `${code},Area ${i + 1},2026-27,${i + 1}000000.00`);
  writeFileSync(file, ['area_code,area_name,financial_year,allocation', ...rows, ''].join('\n'));
  return file;
}

const batch = (dir: string, nff: string, out: string) =>
  cli(['batch', dir, '--out-dir', path.join(scratch, out), '--hnb-from', nff, '--jobs', '1']);
const summary = (out: string) => readFileSync(path.join(scratch, out, 'summary.csv'), 'utf8');

describe('an --hnb-from file whose area codes a spreadsheet rewrote', () => {
  it('batch: the same figures as from the codes as areas.csv writes them, the change said once', async () => {
    const dir = 'fixtures/national';
    const plain = await batch(dir, nffFile('nff-plain.csv', ['N01', 'N02', 'N03', 'N04']), 'plain');
    expect(plain.code, plain.stderr).toBe(0);
    const respelt = nffFile('nff-respelt.csv', ['n01', 'N02.0', 'n03', 'N04.0']);
    const result = await batch(dir, respelt, 'respelt');
    expect(result.code, result.stderr).toBe(0);
    expect(summary('respelt')).toBe(summary('plain'));
    // The file's allocation was read, not funding.csv's.
    expect(summary('respelt')).toMatch(
      /^N02,Southbury,unmitigated,2026-27,([^,]*,){4}2000000\.00,/m,
    );
    expect(result.stderr.match(/CODE_NORMALISED/g)).toHaveLength(1);
    expect(result.stderr).toContain(
      `${respelt}:2:1: warning CODE_NORMALISED: "area_code": matched an area code written another way in 1 cell ("n01" as N01, the first here)`,
    );
  });

  it("project --area: letters in another case, and a code that is an area's ons_code", async () => {
    const dir = path.join(scratch, 'n-codes');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const areas = path.join(dir, 'areas.csv');
    writeFileSync(
      areas,
      readFileSync(areas, 'utf8')
        .replace(/^area_code,.*$/m, '$&,ons_code')
        .replace(/^N0(\d),.*$/gm, '$&,E0900020$1'),
    );
    const project = (nff: string) =>
      cli(['project', dir, '--area', 'N02', '--hnb-from', nff, '--format', 'csv']);
    const plain = await project(nffFile('nff-n.csv', ['N01', 'N02', 'N03', 'N04']));
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^N02,Southbury,2026-27,([^,]*,){4}2000000\.00,/m);
    for (const codes of [
      ['n01', 'n02', 'n03', 'n04'],
      ['e09000201', 'e09000202', 'e09000203', 'e09000204'],
    ]) {
      const result = await project(nffFile('nff-case.csv', codes));
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(plain.stdout);
      expect(result.stderr).toContain('warning CODE_NORMALISED: "area_code": matched an area code');
    }
  });

  it('a model of one area: 0880 for its 880', async () => {
    const given = path.join(ROOT, 'fixtures/nff/allocations-2026-27.csv');
    const padded = path.join(scratch, 'allocations-0880.csv');
    writeFileSync(padded, readFileSync(given, 'utf8').replace(/^880,/m, '0880,'));
    const plain = await cli(['project', 'fixtures/nff/model', '--hnb-from', given]);
    const result = await cli(['project', 'fixtures/nff/model', '--hnb-from', padded]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(plain.stdout);
  });

  it('two rows that are one area in one year are DUPLICATE_ROW at the second, which says why', async () => {
    const given = path.join(ROOT, 'fixtures/nff/allocations-2026-27.csv');
    const text = readFileSync(given, 'utf8');
    const twice = path.join(scratch, 'allocations-twice.csv');
    writeFileSync(twice, text + /^880,.*\n/m.exec(text)![0].replace(/^880,/, '880.0,'));
    const result = await cli(['validate', 'fixtures/nff/model', '--hnb-from', twice]);
    expect(result.code).toBe(1);
    const line = text.trimEnd().split('\n').length + 1;
    expect(result.stderr).toContain(
      `${twice}:${line}:1: error DUPLICATE_ROW: area 880 already has an allocation for 2026-27 at ${twice}:2; this row's area_code, "880.0", is 880 written another way`,
    );
  });
});
