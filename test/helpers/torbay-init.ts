import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect } from 'vitest';
import { cli } from './run-cli.js';

/**
 * A scratch folder for the file's tests (removed after them), and `init` of a new model in it for
 * 880 Torbay, base year 2025/26, with `more` arguments (a tariff): an officer's first folder.
 */
export function torbayInit(prefix: string): (name: string, ...more: string[]) => Promise<string> {
  const scratch = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  return async (name, ...more) => {
    const dir = path.join(scratch, name);
    const run = await cli([
      'init',
      dir,
      '--area',
      '880',
      '--name',
      'Torbay',
      '--base-year',
      '2025/26',
      ...more,
    ]);
    expect(run.code).toBe(0);
    return dir;
  };
}
