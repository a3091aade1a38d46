import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/exec.js';

/**
 * batch reads an --out-dir's manifest.json to tell an earlier batch's outputs from a user's files.
 * It read whatever was there: a FIFO named manifest.json blocked the run for good (deaf to
 * SIGTERM, as the read held the thread), and a link to /dev/zero read until the process died of
 * std::bad_alloc (found by a probe of issue 18's defects against the newer options). A spawn: the
 * subject is a process that never ends or dies outright.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-earlier-manifest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const NATIONAL = path.join(ROOT, 'fixtures/national');

describe("an --out-dir whose manifest.json is not a regular file is not read as an earlier batch's", () => {
  it('a FIFO: refused at once as a file that is not ours (exit 2), not waited on', () => {
    const dir = path.join(scratch, 'fifo');
    mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, 'manifest.json')]);
    const result = runCli(['batch', NATIONAL, '--out-dir', dir, '--quiet'], { timeoutMs: 15_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already holds other files (manifest.json)');
  });

  it('a link to /dev/zero: refused at once (exit 2), not read', () => {
    const dir = path.join(scratch, 'zero');
    mkdirSync(dir);
    symlinkSync('/dev/zero', path.join(dir, 'manifest.json'));
    const result = runCli(['batch', NATIONAL, '--out-dir', dir, '--quiet'], { timeoutMs: 15_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/bad_alloc| {4}at /);
  });
});
