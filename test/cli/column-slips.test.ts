import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests (the reason is in the helper).
asOnOneCore();

/**
 * A header slip must not change the money while validate says ok (found by the user trial of
 * 2026-12-06): a column named as a spreadsheet user writes it is read, one that looks
 * like a slip for a missing column is an error, and an area column under areas.csv's name is the
 * area column.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-column-slips-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
function copyOf(fixture: string): string {
  copies += 1;
  const dir = path.join(scratch, `model-${copies}`);
  cpSync(path.join(ROOT, fixture), dir, { recursive: true });
  return dir;
}

/** Replaces the first line (the header) of a CSV. */
function header(file: string, change: (line: string) => string): void {
  const [first = '', ...rest] = readFileSync(file, 'utf8').split('\n');
  writeFileSync(file, [change(first), ...rest].join('\n'));
}

/** Adds a column to a CSV: its name in the header, `value` in every row. */
function withColumn(file: string, name: string, value: string): void {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  writeFileSync(
    file,
    `${lines.map((line, i) => `${line},${i === 0 ? name : value}`).join('\n')}\n`,
  );
}

/** A batch's summary.csv for a national model folder. */
async function summary(dir: string): Promise<string> {
  const out = path.join(scratch, `out-${path.basename(dir)}`);
  const result = await cli([
    'batch',
    dir,
    '--out-dir',
    out,
    '--scenarios',
    'unmitigated',
    '--quiet',
  ]);
  expect(result.stderr).not.toMatch(/error/);
  expect(result.code).toBe(0);
  return readFileSync(path.join(out, 'summary.csv'), 'utf8');
}

describe("a national table's area column", () => {
  it('is read from a column named area_code, as areas.csv names it, with a note', async () => {
    const dir = copyOf('fixtures/national');
    header(path.join(dir, 'cohort.csv'), (line) => line.replace(/^area,/, 'area_code,'));
    header(path.join(dir, 'new-plans.csv'), (line) => line.replace(/^area,/, 'Area code,'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'cohort.csv:1:1: warning COLUMN_NORMALISED: column "area_code" is read as area, the code of the area a row is for',
    );
    expect(result.stderr).toContain(
      'new-plans.csv:1:1: warning COLUMN_NORMALISED: column "Area code" is read as area',
    );
    // Each area's own rows, not the whole country's: the same figures as with `area`.
    expect(await summary(dir)).toBe(await summary(copyOf('fixtures/national')));
  });

  it('is refused when both area and area_code are given', async () => {
    const dir = copyOf('fixtures/national');
    const file = path.join(dir, 'cohort.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line, i) => (i === 0 ? `${line},area_code` : `${line},${line.split(',')[0]}`))
        .join('\n'),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /cohort\.csv:1:\d+: error DUPLICATE_COLUMN: column "area_code" is read as area, which column 1 \("area"\) is already\n {2}hint: keep one of the two columns\n/,
    );
  });

  it('is an error under a name not read (LA) when its cells are the areas of areas.csv', async () => {
    const dir = copyOf('fixtures/national');
    header(path.join(dir, 'cohort.csv'), (line) => line.replace(/^area,/, 'LA,'));
    header(path.join(dir, 'new-plans.csv'), (line) => line.replace(/^area,/, 'la_code,'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'cohort.csv:1:1: error UNREAD_COLUMN: column "LA" holds the areas\' codes (as "N01" on line 2) but is not read: without an area column every row is for every area',
    );
    expect(result.stderr).toMatch(/new-plans\.csv:1:1: error UNREAD_COLUMN: column "la_code"/);
    expect(result.stderr).not.toContain('UNKNOWN_COLUMN');
  });
});

/** Removes a CSV's first column (the area) from every line. */
function withoutFirstColumn(file: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  writeFileSync(file, lines.map((line) => line.replace(/^[^,]*,/, '')).join('\n'));
}

describe("a national table of an authority's quantities with no area column at all", () => {
  // Found by a user trial: each area was given the whole national cohort without a word.
  it('is an error at its header when the model has more than one area', async () => {
    const dir = copyOf('fixtures/national');
    withoutFirstColumn(path.join(dir, 'cohort.csv'));
    withoutFirstColumn(path.join(dir, 'new-plans.csv'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'cohort.csv:1: error MISSING_COLUMN: column "area" is missing: each of the 4 areas would be given every row (the whole national cohort)\n' +
        "  hint: add an area column (area_code also reads) with each row's area; to give a row to every area, leave its area cell empty",
    );
    expect(result.stderr).toContain(
      'new-plans.csv:1: error MISSING_COLUMN: column "area" is missing: each of the 4 areas would be given every row\'s count of new plans',
    );
  });

  it("is an error too for the other tables of an authority's quantities: places, funding, spend", async () => {
    const dir = copyOf('fixtures/national');
    for (const name of ['places.csv', 'funding.csv', 'spend.csv'])
      withoutFirstColumn(path.join(dir, name));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    for (const what of [
      'places.csv:1: error MISSING_COLUMN: column "area" is missing: each of the 4 areas would be given every row\'s places',
      'funding.csv:1: error MISSING_COLUMN: column "area" is missing: each of the 4 areas would be given every row\'s funding (each area the same high-needs block and balances)',
      'spend.csv:1: error MISSING_COLUMN: column "area" is missing: each of the 4 areas would be given every row\'s spend',
    ])
      expect(result.stderr).toContain(what);
  });

  it('is still read with an area column whose cells are empty (every row for every area)', async () => {
    const dir = copyOf('fixtures/national');
    const file = path.join(dir, 'new-plans.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^N0\d,/gm, ','));
    const result = await cli(['validate', dir]);
    expect(result.stderr).not.toContain('MISSING_COLUMN');
    expect(result.code).toBe(0);
  });

  it("is kept for rates of new plans (per head of each area's own population), and in a model of one area", async () => {
    const rates = copyOf('fixtures/national');
    const file = path.join(rates, 'new-plans.csv');
    withoutFirstColumn(file);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/,count$/m, ',rate')
        .replace(/,\d+$/gm, ',0.001'),
    );
    const ratesResult = await cli(['validate', rates]);
    expect(ratesResult.stderr).toContain('new-plans.csv'); // read: rates want a population.csv
    expect(ratesResult.stderr).not.toContain('MISSING_COLUMN');

    const one = copyOf('fixtures/national');
    // Northshire alone: areas.csv's first area, and the other tables' rows of it or of no area.
    for (const name of ['areas.csv', 'cohort.csv', 'new-plans.csv', 'funding.csv', 'places.csv']) {
      const file = path.join(one, name);
      const lines = readFileSync(file, 'utf8').split('\n');
      writeFileSync(file, lines.filter((line, i) => i === 0 || /^(N01)?,/.test(line)).join('\n'));
    }
    withoutFirstColumn(path.join(one, 'cohort.csv'));
    const oneResult = await cli(['validate', one]);
    expect(oneResult.stderr).not.toContain('MISSING_COLUMN');
    expect(oneResult.code).toBe(0);
  });
});

describe('a cohort column named as a spreadsheet user writes it', () => {
  it('reads "annual cost" and "Annual-Cost" as annual_cost: the fees are kept', async () => {
    const plain = await cli(['project', 'fixtures/example', '--scenario', 'unmitigated']);
    for (const written of ['annual cost', 'Annual-Cost']) {
      const dir = copyOf('fixtures/example');
      header(path.join(dir, 'cohort.csv'), (line) => line.replace('annual_cost', written));
      const result = await cli(['project', dir, '--scenario', 'unmitigated']);
      expect(result.stderr).toContain(
        `cohort.csv:1:6: warning COLUMN_NORMALISED: column "${written}" is read as annual_cost`,
      );
      expect(result.stdout).toBe(plain.stdout);
    }
  });

  it('refuses a slip for a missing column (counts, cnt, anual_cost) with the column meant', async () => {
    for (const [slip, meant, at] of [
      ['counts', 'count', 5],
      ['cnt', 'count', 5],
      ['anual_cost', 'annual_cost', 6],
    ] as const) {
      const dir = copyOf('fixtures/example');
      header(path.join(dir, 'cohort.csv'), (line) =>
        line.replace(meant === 'count' ? ',count,' : ',annual_cost', (found) =>
          found.replace(meant, slip),
        ),
      );
      const result = await cli(['validate', dir]);
      expect(result.code, slip).toBe(1);
      expect(result.stderr).toContain(
        `cohort.csv:1:${at}: error UNREAD_COLUMN: column "${slip}" is not read: did you mean ${meant}?`,
      );
    }
  });

  it('keeps an unrelated column a warning, and a near name of a column the table has', async () => {
    // age is two letters from area, but area has four: not a slip for it; counts beside count is another column.
    for (const written of ['age', 'counts']) {
      const dir = copyOf('fixtures/errors/UNKNOWN_COLUMN');
      header(path.join(dir, 'cohort.csv'), (line) => line.replace('school', written));
      const result = await cli(['validate', dir]);
      expect(result.stderr).toContain(`warning UNKNOWN_COLUMN: column "${written}" is not used`);
      expect(result.code).toBe(0);
    }
  });

  it('says each row is one pupil when a column not read holds whole numbers and count is missing', async () => {
    const dir = copyOf('fixtures/example');
    header(path.join(dir, 'cohort.csv'), (line) => line.replace('count', 'Number of pupils'));
    const result = await cli(['validate', dir]);
    expect(result.stderr).toContain(
      'cohort.csv:1:5: warning UNKNOWN_COLUMN: column "Number of pupils" is not used and will be ignored, so each row is one pupil; yet it holds whole numbers such as 4 (line 2)\n  hint: if it is how many pupils a row stands for, name it count\n',
    );
    const national = copyOf('fixtures/national');
    header(path.join(national, 'cohort.csv'), (line) => line.replace(',count,', ',pupils,'));
    // The first such cell in the file (line 6, area N04), not the first of the first area read
    // (N01's, line 114): a national CSV's cells are gathered area by area.
    expect((await cli(['validate', national])).stderr).toContain(
      'cohort.csv:1:6: warning UNKNOWN_COLUMN: column "pupils" is not used and will be ignored, so each row is one pupil; yet it holds whole numbers such as 3 (line 6)\n',
    );
  });
});

// A review of the slip rule found it refusing files that had worked: a near name is an error only
// for a column whose absence changes the figures; else the warning names the column it may be.
describe('a column not read that is near the name of a column that changes no figure', () => {
  it('stays a warning naming that column: Notes in funding.csv, row in ceasing.csv', async () => {
    const dir = copyOf('fixtures/example');
    header(path.join(dir, 'funding.csv'), (line) => line.replace(/,note$/, ',Notes'));
    header(path.join(dir, 'ceasing.csv'), (line) => `row,${line}`);
    const ceasing = readFileSync(path.join(dir, 'ceasing.csv'), 'utf8').split('\n');
    writeFileSync(
      path.join(dir, 'ceasing.csv'),
      ceasing.map((line, i) => (i === 0 || line === '' ? line : `${i},${line}`)).join('\n'),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'funding.csv:1:4: warning UNKNOWN_COLUMN: column "Notes" is not used and will be ignored\n  hint: if it is note, rename it so;',
    );
    expect(result.stderr).toContain(
      'ceasing.csv:1:1: warning UNKNOWN_COLUMN: column "row" is not used and will be ignored\n  hint: if it is low, rename it so;',
    );
  });

  it('cost in a cohort without count or annual_cost is an error naming both', async () => {
    const dir = copyOf('fixtures/example');
    writeFileSync(
      path.join(dir, 'cohort.csv'),
      'ncy,need,setting,band,cost\n7,ASD,mainstream,2,\n8,SEMH,mainstream,3,\n',
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'cohort.csv:1:5: error UNREAD_COLUMN: column "cost" is not read: did you mean count or annual_cost?',
    );
  });

  it('a slip for a required column is said once, in MISSING_COLUMN', async () => {
    const dir = copyOf('fixtures/example');
    header(path.join(dir, 'cohort.csv'), (line) => line.replace(',need,', ',needs,'));
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/ error /g)).toHaveLength(1);
    expect(result.stderr).toContain(
      'cohort.csv:1: error MISSING_COLUMN: required column "need" is missing\n  hint: column "needs" may be it: rename it need;',
    );
  });

  it('a column whose words hold a missing required name ("Primary Need", as SEN2 heads it) is named in MISSING_COLUMN', async () => {
    // Found by a user trial: only "need is missing" and, apart, "Primary Need is not used".
    const dir = copyOf('fixtures/example');
    header(path.join(dir, 'cohort.csv'), (line) =>
      line.replace(',need,', ',Primary Need,').replace(',band', ',Band (2025)'),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/ error /g)).toHaveLength(2);
    expect(result.stderr).toContain(
      'cohort.csv:1: error MISSING_COLUMN: required column "need" is missing\n  hint: column "Primary Need" may be it: rename it need;',
    );
    expect(result.stderr).toContain(
      'cohort.csv:1: error MISSING_COLUMN: required column "band" is missing\n  hint: column "Band (2025)" may be it: rename it band;',
    );
    expect(result.stderr).not.toContain('UNKNOWN_COLUMN');
  });

  it("area_code in one authority's folder is left unread, as before: an extract's ONS code is no mismatch", async () => {
    const dir = copyOf('fixtures/example');
    withColumn(path.join(dir, 'cohort.csv'), 'area_code', 'E09000001');
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning UNKNOWN_COLUMN: column "area_code" is not used/);
  });

  it("a national table's column both near area and holding the areas' codes is one error", async () => {
    const dir = copyOf('fixtures/national');
    withColumn(path.join(dir, 'ceasing.csv'), 'areas', 'N01');
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/ceasing\.csv:1:\d+: error UNREAD_COLUMN/g)).toHaveLength(1);
  });
});
