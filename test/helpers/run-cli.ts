import { clearLine, cursorTo, moveCursor } from 'node:readline';
import type { CliIo, OutputStream } from '../../src/cli/cli-io.js';
import type { main as Main } from '../../src/cli/run.js';
import { ROOT, type RunResult } from './exec.js';

export type { RunResult } from './exec.js';

export interface CliOptions {
  /** The working folder for the run (default: the repository root, as for the binary). */
  readonly cwd?: string;
  /** Environment beyond PATH and NO_COLOR=1 (the binary tests' defaults). */
  readonly env?: Record<string, string>;
  /** Make stdout a terminal of this many columns (default: not a terminal, as when piped). */
  readonly columns?: number;
  /** Make stderr a terminal of this many columns (default: not a terminal). */
  readonly stderrColumns?: number;
  /**
   * Make stderr a terminal of this many columns on which a spinner can be drawn, as on a person's
   * terminal: what the run's spinners draw (frames, cursor moves, clears) is in its stderr, as
   * `script` records it. Without it, or with `stderrColumns`, no spinner is drawn (ora draws on a
   * stream, which a captured stderr has not).
   */
  readonly spinnerColumns?: number;
  /** Make every write to stdout fail with this errno code, as `> /dev/full` (ENOSPC) or a closed pipe (EPIPE) do. */
  readonly stdoutFails?: string;
}

/**
 * A terminal's stream as a spinner (ora) uses it, writing into `chunks`: the cursor moves and
 * clears a tty.WriteStream writes, written by node:readline's functions as tty's own are.
 */
function terminalStream(columns: number, chunks: string[]): NodeJS.WritableStream {
  const stream = {
    isTTY: true,
    columns,
    rows: 30,
    write(text: string | Uint8Array, ...rest: unknown[]) {
      chunks.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      done?.();
      return true;
    },
    cursorTo: (x: number, y?: number) => cursorTo(stream as never, x, y),
    moveCursor: (dx: number, dy: number) => moveCursor(stream as never, dx, dy),
    clearLine: (dir: -1 | 0 | 1) => clearLine(stream as never, dir),
  };
  return stream as unknown as NodeJS.WritableStream;
}

/** Text written to a captured stream, or the first failure to write it. */
function captured(
  terminal: { columns?: number; spinners?: true },
  failsWith?: string,
): OutputStream & { text(): string } {
  const chunks: string[] = [];
  let failure: NodeJS.ErrnoException | undefined;
  return {
    ...(terminal.spinners && terminal.columns !== undefined
      ? { stream: terminalStream(terminal.columns, chunks) }
      : {}),
    write(text) {
      if (failsWith === undefined) chunks.push(text);
      else failure ??= Object.assign(new Error(`${failsWith}: write failed`), { code: failsWith });
    },
    failure: () => Promise.resolve(failure),
    isTTY: terminal.columns !== undefined,
    ...(terminal.columns !== undefined ? { columns: terminal.columns } : {}),
    text: () => chunks.join(''),
  };
}

/**
 * The built CLI's main(), as bin/highneeds runs it, loaded by Node itself (vitest.config.ts says
 * why: the same commands take some 35% more CPU through vitest's module runner, and most of the
 * suite's time is the commands it runs; issue 18, item 5).
 */
const BUILT = new URL('../../dist/cli/run.js', import.meta.url).href;
const builtMain = async (): Promise<typeof Main> =>
  ((await import(BUILT)) as { main: typeof Main }).main;

/**
 * Runs `highneeds ARGS` in this process, as `runCli` runs the binary: the same arguments, the
 * same { code, stdout, stderr }, colour off, from the repository root unless `cwd` is given. It
 * calls the built main() (dist/cli/run.js) with captured streams, so it costs milliseconds, not
 * the binary's start-up. Relative paths resolve against process.cwd(), so a `cwd` is entered with
 * process.chdir for the run and left after (vitest runs each file in its own process, one test
 * at a time): do not run these concurrently.
 */
export async function cli(args: readonly string[], options: CliOptions = {}): Promise<RunResult> {
  return runMain(await builtMain(), args, options);
}

/**
 * `cli` with a given main(): that of a copy of the built CLI with a fault in it, for a test of
 * what no input can cause (test/helpers/faults.ts).
 */
export async function runMain(
  main: typeof Main,
  args: readonly string[],
  options: CliOptions = {},
): Promise<RunResult> {
  const stdout = captured(
    { ...(options.columns !== undefined ? { columns: options.columns } : {}) },
    options.stdoutFails,
  );
  const stderr = captured(
    options.spinnerColumns !== undefined
      ? { columns: options.spinnerColumns, spinners: true }
      : options.stderrColumns !== undefined
        ? { columns: options.stderrColumns }
        : {},
  );
  const io: CliIo = {
    stdout,
    stderr,
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...options.env },
  };
  const before = process.cwd();
  process.chdir(options.cwd ?? ROOT);
  try {
    const code = await main(['node', 'highneeds', ...args], io);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.chdir(before);
  }
}

/**
 * `cli` that runs each command once for the file that asks (issue 18, item 5: the suite's time):
 * for runs that write no file and read inputs no test changes, which several tests ask for to
 * compare with. Each call gives a memo of its own, so no two files share one (vitest.config.ts:
 * the files of a worker share its modules).
 */
export function sharedRuns(): (
  args: readonly string[],
  options?: CliOptions,
) => Promise<RunResult> {
  const runs = new Map<string, Promise<RunResult>>();
  return (args, options = {}) => {
    const key = JSON.stringify([args, options]);
    if (!runs.has(key)) runs.set(key, cli(args, options));
    return runs.get(key)!;
  };
}
