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
 * Headers match in any case, but a message names a column as the file wrote it ("Extra col",
 * "NCY"), and a hint lists the expected columns as the docs spell them (newPlansGrowth).
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-columns-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function copyOf(fixture: string, name: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, fixture), dir, { recursive: true });
  return dir;
}

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));

describe('a model folder', () => {
  it('names an unused, a repeated and a normalised column as the header wrote it', async () => {
    const dir = copyOf('fixtures/errors/_valid', 'model');
    edit(path.join(dir, 'funding.csv'), (text) =>
      text
        .trimEnd()
        .split('\n')
        .map((line, i) => (i === 0 ? `${line},Extra col,Note,NOTE` : `${line},,,`))
        .join('\n'),
    );
    edit(path.join(dir, 'cohort.csv'), (text) =>
      text.replace(/^ncy,/, 'NCY,').replace('\n3,ASD,', '\nYear 3,ASD,'),
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'warning UNKNOWN_COLUMN: column "Extra col" is not used and will be ignored\n  hint: expected columns: financial_year, line, amount,',
    );
    expect(result.stderr).toContain('error DUPLICATE_COLUMN: column "NOTE" appears more than once');
    expect(result.stderr).toMatch(/warning CODE_NORMALISED: "NCY": read a year name as an NCY/);
    expect(result.stderr).not.toMatch(/"(extra col|note|ncy)"/);
  });
});

describe('a yes/no column under a header of its own', () => {
  it('is named as the header wrote it in INVALID_FLAG (found by an officer user trial)', async () => {
    const dir = copyOf('fixtures/errors/_valid', 'flag');
    writeFileSync(
      path.join(dir, 'cohort.csv'),
      'ncy,need,setting,band,count,Out of area\n3,ASD,mainstream,1,2,Out of county\n',
    );
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'cohort.csv:2:6: error INVALID_FLAG: "Out of area" is "Out of county", which is not a yes/no value',
    );
  });
});

describe("a national model's areas.csv", () => {
  it('names its growth column as written, and hints the columns as the README spells them', async () => {
    const dir = copyOf('fixtures/national', 'national');
    edit(path.join(dir, 'areas.csv'), (text) =>
      text
        .replace('newPlansGrowth', 'NEWPLANSGROWTH')
        .replace('horizon\n', 'horizon,Region\n')
        .replace(/\n(N\d+,[^,\n]*),,,/g, '\n$1,,6%,')
        .replace(/\n(N[^\n]*)/g, '\n$1,x'),
    );
    const result = await cli(['validate', dir]);
    expect(result.stderr).toContain(
      'warning UNKNOWN_COLUMN: column "Region" is not used and will be ignored\n  hint: expected columns: area_code, area_name, tariff, newPlansGrowth, hnbGrowth, tariffUplift, baseYear, horizon, ons_code, la_code\n',
    );
    expect(result.stderr).toMatch(/warning NUMBER_NORMALISED: "NEWPLANSGROWTH": read a percentage/);
    expect(result.stderr).not.toContain('newplansgrowth');
  });
});
