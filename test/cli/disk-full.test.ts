import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFault } from '../helpers/faults.js';
import { runMain } from '../helpers/run-cli.js';

/**
 * A disk that fills while the outputs are written (issue 18, defect 9): writing a temporary
 * output file fails with ENOSPC, as on a full file system, in a copy of the built CLI whose
 * node:fs is that of a full disk (test/helpers/faults/full-disk.mjs). (By hand, a 16 KiB tmpfs
 * filled to the brim shows the same with the binary.)
 */
const { main } = await withFault<typeof import('../../src/cli/run.js')>('full-disk', 'cli/run.js');

const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-full-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs with the disk full: exit 2 naming the reason. */
async function onFullDisk(args: string[]): Promise<string> {
  const result = await runMain(main, args);
  expect(result.code, result.stderr).toBe(2);
  return result.stderr;
}

describe('a failed --out-dir write leaves no empty folders behind', () => {
  it('tariffs export --csv into new folders: none of them is left', async () => {
    const outDir = path.join(scratch, 'export', 'new', 'deep');
    const stderr = await onFullDisk([
      'tariffs',
      'export',
      'example-borough-2025',
      '--csv',
      '--out-dir',
      outDir,
    ]);
    expect(stderr).toBe(
      `highneeds: cannot write ${path.join(outDir, 'tariff.csv')}: no space left on the device\n`,
    );
    expect(fs.readdirSync(scratch)).toEqual([]);
  });

  it('batch into a new folder: it is not left', async () => {
    const outDir = path.join(scratch, 'batch-out');
    const stderr = await onFullDisk([
      'batch',
      'fixtures/national',
      '--out-dir',
      outDir,
      '--quiet',
      '--jobs',
      '1',
    ]);
    expect(stderr).toContain('no space left on the device');
    expect(fs.readdirSync(scratch)).toEqual([]);
  });

  it('calibrate and init into new folders: none of them is left', async () => {
    // They made their folder with a recursive mkdir of their own and left it on any failure.
    const calibrated = path.join(scratch, 'calibrated', 'deep');
    const stderr = await onFullDisk([
      'calibrate',
      '--snapshots',
      'fixtures/history/snapshots.csv',
      '--population',
      'fixtures/history/population.csv',
      '--codes',
      'fixtures/history/codes.csv',
      '--out-dir',
      calibrated,
    ]);
    expect(stderr).toContain('no space left on the device');
    await onFullDisk(['init', path.join(scratch, 'new-model', 'deep')]);
    expect(fs.readdirSync(scratch)).toEqual([]);
  });

  it('batch with a failed area: its errors are still said when the outputs cannot be written', async () => {
    // They were said after the outputs, at the foot: a full disk lost them, leaving only its own line.
    const stderr = await onFullDisk([
      'batch',
      'fixtures/errors/UNKNOWN_AREA',
      '--out-dir',
      path.join(scratch, 'failed-area'),
      '--quiet',
      '--jobs',
      '1',
    ]);
    expect(stderr).toMatch(
      /^fixtures\/errors\/UNKNOWN_AREA\/cohort\.csv:4:1: error UNKNOWN_AREA: area "903" is not in the areas table[^]*\n1 error\nhighneeds: cannot write [^]*no space left on the device\n$/,
    );
    expect(fs.readdirSync(scratch)).toEqual([]);
  });

  it('batch --report that cannot be made: the --out-dir made before it is not left', async () => {
    // --report is made after --out-dir, outside the write that removed --out-dir on failure.
    fs.writeFileSync(path.join(scratch, 'a-file'), '');
    const result = await runMain(main, [
      'batch',
      'fixtures/national',
      '--out-dir',
      path.join(scratch, 'out', 'batch'),
      '--report',
      path.join(scratch, 'a-file', 'report'),
      '--quiet',
      '--jobs',
      '1',
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toBe(
      `highneeds: cannot make --report ${path.join(scratch, 'a-file', 'report')}: ${path.join(scratch, 'a-file')} is a file, not a folder\n`,
    );
    expect(fs.readdirSync(scratch)).toEqual(['a-file']);
    fs.rmSync(path.join(scratch, 'a-file'));
  });

  it('a folder that was there before is kept, as it was', async () => {
    const before = path.join(scratch, 'was-there');
    fs.mkdirSync(before);
    await onFullDisk([
      'tariffs',
      'export',
      'example-borough-2025',
      '--csv',
      '--out-dir',
      path.join(before, 'csv'),
    ]);
    expect(fs.readdirSync(scratch)).toEqual(['was-there']);
    expect(fs.readdirSync(before)).toEqual([]);
  });
});
