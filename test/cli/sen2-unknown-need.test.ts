import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

/**
 * SEN2 publishes a primary need "Unknown" (domain brief §4.5). A model cannot cost it, so it is
 * refused, but with what to do about it, not a list of codes that leaves the user guessing.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-unknown-need-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The file with its first data row's need (the second cell) replaced. */
function withNeed(file: string, need: string, out: string): void {
  const [header, first, ...rest] = readFileSync(file, 'utf8').split('\n');
  const cells = first!.split(',');
  cells[1] = need;
  writeFileSync(out, [header, cells.join(','), ...rest].join('\n'));
}

const ADVICE =
  'SEN2\'s "Unknown" (no primary need recorded) is not modelled: give those pupils a need, such as the area\'s most common or OTH, and note the choice';

describe('a primary need of "Unknown"', () => {
  it('in cohort.csv and new-plans.csv: UNKNOWN_NEED with a hint to give those pupils a need', async () => {
    const model = path.join(scratch, 'model');
    cpSync('fixtures/example', model, { recursive: true });
    for (const file of ['cohort.csv', 'new-plans.csv'])
      withNeed(`fixtures/example/${file}`, 'Unknown', path.join(model, file));
    const result = await runInProcess(['validate', model]);
    expect(result.code).toBe(1);
    const errors = result.stderr.split('\n').filter((line) => line.includes('UNKNOWN_NEED'));
    expect(errors.map((line) => line.replace(/^.*\//, ''))).toEqual([
      'cohort.csv:2:2: error UNKNOWN_NEED: need "Unknown" is not a SEN2 primary-need code',
      'new-plans.csv:2:2: error UNKNOWN_NEED: need "Unknown" is not a SEN2 primary-need code',
    ]);
    expect(result.stderr.split(`  hint: ${ADVICE}\n`)).toHaveLength(3);
  });

  it('any other code still lists the SEN2 codes', async () => {
    const model = path.join(scratch, 'other');
    cpSync('fixtures/example', model, { recursive: true });
    withNeed('fixtures/example/cohort.csv', 'ADHD', path.join(model, 'cohort.csv'));
    const result = await runInProcess(['validate', model]);
    expect(result.stderr).toContain(
      '  hint: expected one of ASD, HI, MLD, MSI, OTH, PD, PMLD, SEMH, SLCN, SLD, SpLD, VI, DS\n',
    );
  });

  it("in a history: map it in codes.csv, to a need such as the area's most common or OTH", async () => {
    const transitions = path.join(scratch, 'transitions.csv');
    writeFileSync(
      transitions,
      readFileSync('fixtures/history/transitions.csv', 'utf8').replaceAll('SLCD', 'Unknown'),
    );
    const history =
      '--population fixtures/history/population.csv --codes fixtures/history/codes.csv';
    const out = path.join(scratch, 'calibrated');
    const args = ['--transitions', transitions, ...history.split(' '), '--out-dir', out];
    const result = await runInProcess(['calibrate', ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '  hint: add a row "need,Unknown,<SEN2 code>" to codes.csv: SEN2\'s "Unknown" (no primary need recorded) is not modelled, so map it to a need, such as the area\'s most common or OTH\n',
    );
  });
});
