import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * A stdout that cannot be written (issue 18, defect 6), in process: the binary's own cases
 * (`> /dev/full`, `| head -1`) are in binary.test.ts.
 */
describe('a failed write to stdout', () => {
  it('no space (ENOSPC, as on > /dev/full): exit 2 and one line naming the reason', async () => {
    const result = await cli(['project', 'fixtures/example', '--format', 'csv'], {
      stdoutFails: 'ENOSPC',
    });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'highneeds: cannot write to stdout: ENOSPC: write failed\n',
    });
  });

  it("the reader went away (EPIPE): exit 141, nothing on stderr, whatever the command's output", async () => {
    for (const args of [['--help'], ['tariffs', 'list'], ['validate', 'fixtures/example']]) {
      expect(await cli(args, { stdoutFails: 'EPIPE' }), args.join(' ')).toEqual({
        code: 141,
        stdout: '',
        stderr: '',
      });
    }
  });

  it('a run that failed keeps its own exit code: bad input stays exit 1', async () => {
    const result = await cli(['project', 'fixtures/errors/UNKNOWN_NEED'], { stdoutFails: 'EPIPE' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error UNKNOWN_NEED');
  });
});
