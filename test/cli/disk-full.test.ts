import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * A disk that fills while the outputs are written (issue 18, defect 9): writing a temporary
 * output file fails with ENOSPC, as on a full file system. (By hand, a 16 KiB tmpfs filled to
 * the brim shows the same with the binary.)
 */
let full = false;
vi.resetModules();
vi.doMock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const openSync = (file: fs.PathLike, ...rest: unknown[]): number => {
    if (full && /\.tmp-\d+$/.test(String(file)))
      throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(file)}'`), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'open',
      });
    return (real.openSync as (...args: unknown[]) => number)(file, ...rest);
  };
  return { ...real, default: { ...real, openSync }, openSync };
});

afterAll(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});
// Imported after the mock, on the fresh registry (test files share their worker's modules: vitest.config.ts);
// the CLI from src/, which the mock reaches (the built one that cli() runs imports node:fs itself).
const { runMain } = await import('../helpers/run-cli.js');
const { main } = await import('../../src/cli/run.js');
const cli = (args: readonly string[]) => runMain(main, args);

const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-full-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs with the disk full: exit 2 naming the reason. */
async function onFullDisk(args: string[]): Promise<string> {
  full = true;
  try {
    const result = await cli(args);
    expect(result.code, result.stderr).toBe(2);
    return result.stderr;
  } finally {
    full = false;
  }
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
