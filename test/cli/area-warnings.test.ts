import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

asOnOneCore();

/**
 * --area's warnings are the area's own: the national files' problems that bear on it, not on
 * another area. Both kinds that name areas are checked here: a table with no rows for some areas
 * (NO_AREA_ROWS), and rows written under another spelling of a code (UNKNOWN_AREA).
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-area-warnings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/national with `edit` applied to each named file's lines. */
function national(name: string, edits: Record<string, (lines: string[]) => string[]>): string {
  const dir = path.join(scratch, name);
  cpSync('fixtures/national', dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    writeFileSync(path.join(dir, file), edit(lines).join('\n'));
  }
  return dir;
}

describe('NO_AREA_ROWS under --area', () => {
  let dir: string;
  beforeAll(() => {
    // new-plans.csv without N03's and N04's rows, and without the rows for every area.
    dir = national('no-new-plans', {
      'new-plans.csv': (lines) => lines.filter((line) => !/^(,|N03,|N04,)/.test(line)),
    });
  });

  it('batch names both areas in one warning', async () => {
    const result = await cli(['validate', dir]);
    expect(result.stderr).toContain(
      'none for 2 areas N03 and N04, and none without an area: they are projected with no new plans',
    );
  });

  it("is not said on another area's run: found by a review, N01 was told of N03 and N04", async () => {
    const result = await cli(['project', dir, '--area', 'N01', '--format', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('NO_AREA_ROWS');
  });

  it("is said on the area's own run, of it alone", async () => {
    const result = await cli(['project', dir, '--area', 'N04', '--format', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'warning NO_AREA_ROWS: new-plans.csv has rows by area, but none for area N04, and none without an area: it is projected with no new plans',
    );
    expect(result.stderr).not.toContain('N03');
  });
});

describe('UNKNOWN_AREA under --area', () => {
  it("rows under the area's code written another way are a warning on its run, and nothing on another's", async () => {
    // One of N02's cohort rows written n02: batch fails an area "n02", and models N02 without it.
    const dir = national('respelt', {
      'cohort.csv': (lines) => {
        const at = lines.findIndex((line) => line.startsWith('N02,'));
        return lines.map((line, i) => (i === at ? `n02${line.slice(3)}` : line));
      },
    });
    const own = await cli(['project', dir, '--area', 'N02', '--format', 'csv']);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stderr).toMatch(
      /cohort\.csv:\d+:1: warning UNKNOWN_AREA: area "n02" is not in the areas table \(1 row of cohort\.csv, the first here\); areas\.csv has "N02", written another way, which is modelled without these rows/,
    );
    const other = await cli(['project', dir, '--area', 'N01', '--format', 'csv']);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stderr).not.toContain('UNKNOWN_AREA');
  });
});
