import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBatchSources } from '../../src/io/batch/read-sources.js';
import { runBatch } from '../../src/io/batch/run.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { ROOT } from '../helpers/exec.js';

/**
 * Review of 80a169b (areas handed to workers while the cohort is read): a cohort not listed area
 * by area must not hand an area on again each time its rows come back, and the progress a batch
 * reports must count each area once, whatever was sent early and again.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-early-resend-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function national(name: string, arrange: (rows: string[]) => string[]): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
  const [header, ...rows] = readFileSync(path.join(dir, 'cohort.csv'), 'utf8')
    .trimEnd()
    .split('\n');
  writeFileSync(path.join(dir, 'cohort.csv'), [header, ...arrange(rows)].join('\n') + '\n');
  return dir;
}

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
    const dir = national('interleaved', interleaved);
    const handed: string[] = [];
    const sources = await readBatchSources(
      dir,
      DEFAULT_LIMITS,
      path.join(ROOT, 'tariffs'),
      undefined,
      false,
      { begin: () => undefined, area: (task) => handed.push(task.spec.code) },
    );
    expect(sources.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Every early task of an area whose rows came back is modelled and thrown away.
    expect(handed.length).toBeLessThanOrEqual(sources.tasks.length);
    expect(new Set(handed).size).toBe(handed.length);
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
