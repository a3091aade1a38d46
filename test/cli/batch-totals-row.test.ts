import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-national-totals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/national copied, with `lines` added at the foot of its cohort.csv (and funding.csv's `funding` lines). */
function national(name: string, lines: readonly string[], funding: readonly string[] = []): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
  const append = (file: string, added: readonly string[]) =>
    writeFileSync(
      path.join(dir, file),
      `${readFileSync(path.join(dir, file), 'utf8').trimEnd()}\n${added.map((l) => `${l}\n`).join('')}`,
    );
  append('cohort.csv', lines);
  if (funding.length) append('funding.csv', funding);
  return dir;
}

const summary = (dir: string) => readFileSync(path.join(dir, 'summary.csv'), 'utf8');

// Found by the last stop's trial and left then: a national table's totals row was an area "Total"
// (UNKNOWN_AREA, exit 1) when the label sat in the area column, and a row for every area (four
// errors folded "(every area)", every area failed) when the area cell was empty. A model folder's
// table has said TOTALS_ROW and left such a row out since that stop: a national table now does too.
describe("a national table's totals row (TOTALS_ROW)", () => {
  const cohortLines = readFileSync(path.join(ROOT, 'fixtures/national/cohort.csv'), 'utf8')
    .trimEnd()
    .split('\n').length;

  it('is left out with a warning at its line, whichever cell holds the label', async () => {
    const plain = path.join(scratch, 'out-plain');
    expect(
      (
        await cli([
          'batch',
          path.join(ROOT, 'fixtures/national'),
          '--out-dir',
          plain,
          '--jobs',
          '1',
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    const dir = national(
      'both',
      ['Total,,,,,,', ',Grand total,,,,,', ',,,,,Sum,'],
      ['Total,,,12345678.00,'],
    );
    const out = path.join(scratch, 'out-both');
    const result = await cli(['batch', dir, '--out-dir', out, '--jobs', '1']);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const warned = [...result.stderr.matchAll(/(\w+\.csv):(\d+):(\d+): warning TOTALS_ROW/g)].map(
      ([, file, line, column]) => `${file}:${line}:${column}`,
    );
    expect(warned).toEqual([
      `cohort.csv:${cohortLines + 1}:1`,
      `cohort.csv:${cohortLines + 2}:2`,
      `cohort.csv:${cohortLines + 3}:6`,
      'funding.csv:13:1',
    ]);
    expect(summary(out)).toBe(summary(plain));
  });

  it('with a count in it is still left out; a row naming a need is data and keeps its errors', async () => {
    const dir = national('need', ['Total,,,,,165,', 'Total,,ASD,,,3,']);
    const result = await cli(['validate', dir]);
    expect(result.stderr).toContain(`cohort.csv:${cohortLines + 1}:1: warning TOTALS_ROW`);
    // "ASD" is not a figure: the row is data, for an area "Total" that areas.csv does not list.
    expect(result.stderr).toContain(`cohort.csv:${cohortLines + 2}:1: error UNKNOWN_AREA`);
    expect(result.code).toBe(1);
  });
});
