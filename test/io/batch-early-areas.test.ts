import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBatchSources } from '../../src/io/batch/read-sources.js';
import { runBatch } from '../../src/io/batch/run.js';
import type { NationalTask } from '../../src/io/batch/wire.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { renderBatchSummary } from '../../src/report/batch-csv.js';
import { ROOT } from '../helpers/exec.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-early-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/national with its cohort rows rearranged by `arrange` (header kept first). */
function national(name: string, arrange: (rows: string[]) => string[]): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
  const [header, ...rows] = readFileSync(path.join(dir, 'cohort.csv'), 'utf8')
    .trimEnd()
    .split('\n');
  writeFileSync(path.join(dir, 'cohort.csv'), [header, ...arrange(rows!)].join('\n') + '\n');
  return dir;
}

const byArea = (rows: string[]) =>
  [...rows].sort((a, b) => (a.split(',')[0]! < b.split(',')[0]! ? -1 : a < b ? -1 : 1));

/** readBatchSources with a recorder for the areas it hands on while the cohort is read. */
async function handedOn(dir: string) {
  const handed: NationalTask[] = [];
  let begun = 0;
  const sources = await readBatchSources(
    dir,
    DEFAULT_LIMITS,
    path.join(ROOT, 'tariffs'),
    undefined,
    false,
    {
      begin: () => {
        begun += 1;
      },
      area: (task) => {
        expect(begun).toBe(1);
        handed.push(task);
      },
    },
  );
  expect(sources.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const kept = sources.tasks.filter((task) => handed.includes(task as NationalTask));
  const cohortRows = (code: string) =>
    (sources.tasks.find((t) => t.kind === 'national' && t.spec.code === code) as NationalTask).rows[
      'cohort.csv'
    ]!.repeats.reduce((sum, r) => sum + r, 0);
  return {
    handed: handed.map((t) => t.spec.code),
    kept: kept.map((t) => (t as NationalTask).spec.code),
    cohortRows,
  };
}

describe('a national cohort whose areas are handed to workers as their rows end', () => {
  it("hands on each area when the next one's rows start, and keeps those tasks when the file bears them out", async () => {
    const read = await handedOn(national('sorted', byArea));
    // The last area's rows end with the file: it is handed on with the rest.
    expect(read.handed).toEqual(['N01', 'N02', 'N03']);
    expect(read.kept).toEqual(['N01', 'N02', 'N03']);
  });

  it('sends an area again, whole, when more of its rows come after other areas', async () => {
    const sorted = byArea(
      readFileSync(path.join(ROOT, 'fixtures/national/cohort.csv'), 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1),
    );
    const late = sorted.findIndex((row) => row.startsWith('N01,'));
    const dir = national('split', (rows) => {
      const moved = byArea(rows);
      return [...moved.slice(0, late), ...moved.slice(late + 1), moved[late]!];
    });
    const read = await handedOn(dir);
    expect(read.handed).toEqual(['N01', 'N02', 'N03', 'N04']);
    expect(read.kept).toEqual(['N02', 'N03', 'N04']);
    expect(read.cohortRows('N01')).toBe(sorted.filter((row) => row.startsWith('N01,')).length);
  });

  it('sends every area again when a row for every area (no area code) comes after them', async () => {
    const dir = national('shared', (rows) => [...byArea(rows), ',5,ASD,mainstream,1,1,']);
    const read = await handedOn(dir);
    expect(read.handed).toEqual(['N01', 'N02', 'N03', 'N04']);
    expect(read.kept).toEqual([]);
  });

  it('gives the same figures on two threads as on one, however the rows are ordered', async () => {
    const dirs = [
      national('sorted-run', byArea),
      national('reversed-run', (rows) => byArea(rows).reverse()),
      national('shared-run', (rows) => [...byArea(rows), ',5,ASD,mainstream,1,1,']),
    ];
    for (const dir of dirs) {
      const one = await runBatch(dir, { jobs: 1 });
      const two = await runBatch(dir, { jobs: 2 });
      expect(one.areas.filter((a) => a.failed)).toEqual([]);
      expect(renderBatchSummary(two.rows)).toBe(renderBatchSummary(one.rows));
    }
  });
});
