import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/index.js';
import { ROOT } from '../helpers/exec.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-scenario-one-area-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const said = async (dir: string): Promise<number> =>
  (await runBatch(dir, { jobs: 1 })).warnings.filter(
    (issue) => issue.code === 'SCENARIO_SAME_EVERY_AREA',
  ).length;

/**
 * Found by a review: batch of the shipped example (one model folder) told its own Safety Valve
 * agreement and block transfer that "the scenarios of a national model apply to each area alike";
 * so did a national model of one area. One area has no other to give the amount to.
 */
describe('SCENARIO_SAME_EVERY_AREA is for a run of more than one area', () => {
  it('batch of one model folder (the shipped example): not said', async () => {
    expect(await said(path.join(ROOT, 'fixtures/example'))).toBe(0);
  });

  it('a national model of one area: not said; of two: said', async () => {
    const dir = path.join(scratch, 'one');
    cpSync(path.join(ROOT, 'fixtures/errors/SCENARIO_SAME_EVERY_AREA'), dir, { recursive: true });
    expect(await said(dir)).toBe(1);
    const onlyNorth = (file: string) =>
      writeFileSync(
        path.join(dir, file),
        readFileSync(path.join(dir, file), 'utf8')
          .split('\n')
          .filter((line) => !line.startsWith('902'))
          .join('\n'),
      );
    for (const file of ['areas.csv', 'cohort.csv', 'funding.csv']) onlyNorth(file);
    expect(await said(dir)).toBe(0);
  });
});
