import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * What a user trial of calibrate on a case-management extract found: messy histories that ran
 * without a word to wrong rates, or stopped with a message that led nowhere.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-calibrate-messy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** calibrate of fixtures/history's population and codes with these snapshots, into the scratch folder. */
const calibrate = (snapshots: string, out: string) =>
  cli([
    ...['calibrate', '--snapshots', snapshots, '--out-dir', path.join(scratch, out)],
    ...['--population', 'fixtures/history/population.csv', '--codes', 'fixtures/history/codes.csv'],
  ]);
const SNAPSHOTS = readFileSync('fixtures/history/snapshots.csv', 'utf8').trim().split('\n');
/** January 2021's pupils who could go on (below NCY 20, who all age out), counted from the file. */
const COULD_GO_ON_2021 = SNAPSHOTS.filter((line) => {
  const [year, , ncy] = line.split(',');
  return year === '2021' && Number(ncy) < 20;
}).length;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** fixtures/history/snapshots.csv with the person ids of January `year` rewritten by `id`. */
function renamed(name: string, year: string, id: (person: string, index: number) => string) {
  let index = 0;
  const lines = SNAPSHOTS.map((line, n) => {
    const cells = line.split(',');
    if (n === 0 || cells[0] !== year) return line;
    cells[1] = id(cells[1]!, index++);
    return cells.join(',');
  });
  const file = path.join(scratch, name);
  writeFileSync(file, lines.join('\n') + '\n');
  const first = lines.findIndex((line) => line.startsWith(`${year},`)) + 1;
  return { file, first, pupils: index };
}

describe('snapshots whose person ids change between Januaries', () => {
  it('none followed from one January to the next is an error at the later one, not a fit', async () => {
    // Excel dropped the leading letter (zeros, in the trial) of every id of January 2022.
    const { file, first } = renamed('all.csv', '2022', (person) => person.slice(1));
    const result = await calibrate(file, 'all');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:${first}:2: error PERSONS_NOT_FOLLOWED: none of the ${COULD_GO_ON_2021} pupils of January 2021 below NCY 20 is in January 2022 by person_id`,
    );
    // January 2022's ids are not January 2023's either: the next step is said too.
    expect(result.stderr).toMatch(/none of the \d+ pupils of January 2022 below NCY 20 is in/);
    expect(result.stderr).toMatch(/\n2 errors\n$/);
    expect(existsSync(path.join(scratch, 'all'))).toBe(false);
  });

  it('fewer than half followed is a warning that says how many', async () => {
    // Two ids in three changed (a new system for part of the year's extract).
    const { file, first } = renamed('part.csv', '2022', (person, i) =>
      i % 3 === 0 ? person : `N${person}`,
    );
    const result = await calibrate(file, 'part');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `${escaped(file)}:${first}:2: warning PERSONS_NOT_FOLLOWED: only \\d+ of the ${COULD_GO_ON_2021} pupils of January 2021 below NCY 20 are in January 2022 by person_id: the other \\d+ would be fitted as plans that ended`,
      ),
    );
  });

  it('the history as it is says nothing of the kind', async () => {
    const result = await calibrate('fixtures/history/snapshots.csv', 'plain');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('PERSONS_NOT_FOLLOWED');
  });
});
