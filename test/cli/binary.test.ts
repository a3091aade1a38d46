import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/exec.js';

/**
 * The few runs of the real built binary that in-process tests cannot stand in for: start-up
 * (bin/highneeds → dist/bin/main.js, the CLI's bundle: scripts/bundle.mjs), the exit status the shell sees, and stdout as the operating
 * system gives it (a full device, a closed pipe). Everything else runs
 * main() in process (test/helpers/run-cli.ts); interrupts are in interrupt.test.ts and
 * batch-interrupt.test.ts, the installed package in package.test.ts, whose bin link also gives the
 * binary's golden run (the shipped example, byte for byte as test/golden/example.csv: the same
 * bin/highneeds and dist/, as packed; a run here as well cost a process start, some 0.5 s of CPU).
 */
const STACK = /\n\s+at .+:\d+:\d+/;

/** `sh -c SCRIPT` with the binary as $HN: for redirections and pipes the way a shell makes them. */
function shell(script: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync('sh', ['-c', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', HN: `${process.execPath} ${BIN}` },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('the built binary', () => {
  it('starts: --version prints the version, exit 0', () => {
    const result = runCli(['--version']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits 1 for bad input and 2 for a bad option, each with its message and no stack trace', () => {
    const input = runCli(['validate', 'fixtures/errors/UNKNOWN_NEED']);
    expect(input.code).toBe(1);
    expect(input.stderr).toMatch(
      /^fixtures\/errors\/UNKNOWN_NEED\/cohort\.csv:3:2: error UNKNOWN_NEED: /,
    );
    const usage = runCli(['project', '--format', 'xml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("error: option '--format <format>' argument 'xml' is invalid");
    expect(STACK.test(input.stderr + usage.stderr)).toBe(false);
  });
});

describe('stdout the reader cannot take (issue 18, defect 6)', () => {
  it('> /dev/full: exit 2 and one line saying why, no unhandled error', () => {
    const result = shell('$HN project fixtures/example --format csv > /dev/full');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'highneeds: cannot write to stdout: ENOSPC: no space left on device, write\n',
    );
  });

  // Found by an analyst's trial: `validate --quiet > /dev/full` (nothing to say on stdout) exited
  // 2, "cannot write to stdout", from the empty write that only waits for earlier output.
  it('> /dev/full with nothing to write there: the run succeeds', () => {
    const result = shell('$HN validate fixtures/example --quiet > /dev/full');
    expect([result.code, result.stderr]).toEqual([0, '']);
  });

  it('| head -1 ends quietly, as Unix tools do: no message, no stack trace', () => {
    for (const command of ['--help', 'project fixtures/example --format csv --detail']) {
      const result = shell(`$HN ${command} | head -1`);
      expect([result.code, result.stderr], command).toEqual([0, '']);
      expect(result.stdout.split('\n').length, command).toBe(2);
    }
  });

  it('a reader gone before the first write (| true): exit 141, as for SIGPIPE, and nothing on stderr', () => {
    // Node ignores SIGPIPE, so the write meets EPIPE; start-up takes long enough that `true` has exited.
    const result = shell(
      'exec 3>&1; { $HN project fixtures/example --format csv; echo "status $?" >&3; } | true',
    );
    expect([result.stdout, result.stderr]).toEqual(['status 141\n', '']);
  });
});
