import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runCli, type RunResult } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * The folders calibrate and init write are made as every output folder is (makeOutputDir): a
 * reliability probe found their own recursive mkdir gave a stack trace (exit 3) for a folder under
 * a file, Node's raw "ENOENT … mkdir ''" for an empty name, "ENOENT" for a read-only file system
 * and a link to nowhere, and never returned (nor heard SIGTERM) under /proc.
 */
const HISTORY = ['snapshots', 'population', 'codes'].flatMap((name) => [
  `--${name}`,
  path.join(ROOT, `fixtures/history/${name}.csv`),
]);
const STACK_TRACE = /at .*\.js:\d+/;

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-model-folder-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function expectUsage(result: RunResult, message: string): void {
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).toBe(`highneeds: ${message}\n`);
  expect(result.code).toBe(2);
}

describe('calibrate --out-dir and init DIR: every mistake in the folder is exit 2 with its reason', () => {
  it('a folder under a file', async () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, 'kept');
    const under = path.join(file, 'model');
    expectUsage(
      await cli(['calibrate', ...HISTORY, '--out-dir', under]),
      `cannot make --out-dir ${under}: ${file} is a file, not a folder`,
    );
    expectUsage(
      await cli(['init', under]),
      `cannot make <dir> ${under}: ${file} is a file, not a folder`,
    );
    expect(readdirSync(scratch)).toEqual(['a-file']);
  });

  it('an empty name', async () => {
    expectUsage(
      await cli(['calibrate', ...HISTORY, '--out-dir', '']),
      '--out-dir is empty; give a folder',
    );
    expectUsage(await cli(['init', '']), '<dir> is empty; give a folder');
  });

  it('a symbolic link to nothing (as tariffs export --csv --out-dir says it)', async () => {
    const link = path.join(scratch, 'link');
    symlinkSync(path.join(scratch, 'nowhere'), link);
    expectUsage(
      await cli(['init', link]),
      `cannot make <dir> ${link}: it is a symbolic link to a folder that does not exist`,
    );
    expectUsage(
      await cli(['tariffs', 'export', 'example-borough-2025', '--csv', '--out-dir', link]),
      `cannot make --out-dir ${link}: it is a symbolic link to a folder that does not exist`,
    );
    expect(readdirSync(scratch)).toEqual(['link']);
  });

  it('a folder that holds files is still refused, by any name', async () => {
    const model = path.join(scratch, 'model');
    expect((await cli(['init', model, '--quiet'])).code).toBe(0);
    const alias = path.join(scratch, 'alias');
    symlinkSync(model, alias);
    for (const dir of [model, alias])
      expectUsage(
        await cli(['calibrate', ...HISTORY, '--out-dir', dir]),
        `${dir} is not empty; give a new or empty folder (a model folder is never written over existing files)`,
      );
  });

  it.runIf(process.platform === 'linux')(
    'a folder under /proc: refused at once (the binary, as the recursive mkdir never returned)',
    () => {
      const result = runCli(['init', '/proc/self/no-such/model'], { timeoutMs: 20_000 });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toBe(
        'highneeds: cannot make <dir> /proc/self/no-such/model: no such file or folder\n',
      );
    },
  );
});
