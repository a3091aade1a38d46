import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { onOneCore } from '../helpers/one-core.js';

/**
 * report --area --draws: the fan's worker threads were given the national folder alone, read its
 * model.json as one area's (NATIONAL_MODEL) and the report stopped with "internal error: this is
 * a bug" (exit 3), found by a review. They now build the area from the rows the main thread read,
 * as simulate's do, and draw what this thread alone would.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-area-fan-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('report --area with --draws', () => {
  it('draws the fan on worker threads, the same bytes as on this thread alone', async () => {
    // 400 draws: a worker thread beside this one on two cores or more (DRAWS_PER_THREAD).
    const args = ['report', 'fixtures/national', '--area', 'N01', '--draws', '400', '--quiet'];
    const threads = path.join(scratch, 'threads.html');
    const alone = path.join(scratch, 'alone.html');
    const onThreads = await cli([...args, '--out', threads]);
    expect(onThreads.code, onThreads.stderr).toBe(0);
    const onOne = await onOneCore(() => cli([...args, '--out', alone]));
    expect(onOne.code, onOne.stderr).toBe(0);
    const html = readFileSync(threads, 'utf8');
    expect(html).toContain('Northshire');
    expect(html).toContain('400 draws');
    expect(html).toBe(readFileSync(alone, 'utf8'));
  });
});
