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
    ]!.repeats.reduce((sum: number, r: number) => sum + r, 0);
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

/**
 * A cohort not listed area by area must not hand an area on again each time its rows come back,
 * and the progress a batch reports counts each area once, whatever was sent early and again.
 */
const areaOf = (row: string) => row.split(',')[0]!;

/** The rows dealt out one area at a time, round and round (a file sorted by pupil, not by area). */
function interleaved(rows: string[]): string[] {
  const byArea = new Map<string, string[]>();
  for (const row of rows) byArea.set(areaOf(row), [...(byArea.get(areaOf(row)) ?? []), row]);
  const lists = [...byArea.values()];
  const out: string[] = [];
  for (let i = 0; out.length < rows.length; i += 1)
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

describe('a national cohort whose areas are not listed together', () => {
  it('hands each area on early at most once, not each time its rows come back', async () => {
    const read = await handedOn(national('interleaved', interleaved));
    // Every early task of an area whose rows came back is modelled and thrown away.
    expect(new Set(read.handed).size).toBe(read.handed.length);
    expect(read.handed.length).toBeLessThanOrEqual(4);
  });

  it('reports progress once per area, ending at all of them, the share of work never above 1', async () => {
    // N01's first row moved to the end: N01 is handed on early, then sent again whole.
    const dir = national('split-progress', (rows) => {
      const sorted = [...rows].sort((a, b) => (areaOf(a) < areaOf(b) ? -1 : a < b ? -1 : 1));
      return [...sorted.slice(1), sorted[0]!];
    });
    const calls: [number, number, number][] = [];
    const result = await runBatch(dir, {
      jobs: 2,
      onProgress: (done, total, workDone) => calls.push([done, total, workDone]),
    });
    const areas = result.areas.filter((a) => !a.failed).length;
    expect(areas).toBe(4);
    for (const [done, total, workDone] of calls) {
      expect(total).toBe(areas);
      expect(done).toBeLessThanOrEqual(total);
      expect(workDone).toBeGreaterThanOrEqual(0);
      expect(workDone).toBeLessThanOrEqual(1);
    }
    // All done is said once, when the last area is in, not while one sent again is modelled.
    expect(calls.filter(([done, total]) => done === total)).toHaveLength(1);
    expect(calls.at(-1)).toEqual([areas, areas, 1]);
  });
});

describe('reading the national cohort without workers (--jobs 1)', () => {
  it('gives the event loop a turn between slices, so a Ctrl-C is handled while it reads', async () => {
    // Some 1.5 MB: eleven slices of csv-parse (128 KB each). Repeats of the fixture's rows.
    const dir = national('many-slices', (rows) =>
      byArea(Array.from({ length: 300 }, () => rows).flat()),
    );
    let turns = 0;
    let reading = true;
    const turn = () => {
      turns += 1;
      if (reading) setImmediate(turn);
    };
    setImmediate(turn);
    await readBatchSources(dir, DEFAULT_LIMITS, path.join(ROOT, 'tariffs'));
    reading = false;
    // Before, the cohort was read in one go without workers: a signal waited for all of it.
    expect(turns).toBeGreaterThanOrEqual(11);
  });
});
