import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * Issue 18, defect 4: --jobs beyond what a run can use is clamped with a note. batch says so;
 * simulate clamped as silently as the batch once did (`--jobs 1000` on 20 draws ran on one
 * thread, not a word; found by a probe of the defects against every command as it is now).
 */
describe('simulate --jobs more than it can use', () => {
  const args = 'simulate fixtures/example --draws 20 --jobs 1000 --format csv'.split(' ');

  it('is clamped with a note on stderr, the output as with --jobs 1', async () => {
    const result = await cli(args);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^highneeds: --jobs 1000 is more than needed; using 1 \(20 draws/,
    );
    expect(result.stdout).toBe((await cli([...args.slice(0, 5), '1', ...args.slice(6)])).stdout);
  });

  it('says nothing under --quiet, nor when --jobs is not given', async () => {
    expect((await cli([...args, '--quiet'])).stderr).toBe('');
    expect((await cli(['simulate', 'fixtures/example', '--draws', '20'])).stderr).toBe('');
  });
});
