import { AsyncLocalStorage } from 'node:async_hooks';

/** Where one run's text goes: the process's stdout or stderr, or a test's capture. */
export interface OutputStream {
  /** Never throws: a failed write is kept and reported by `failure()` when the run ends. */
  write(text: string): void;
  /** Resolves once what was written has gone (or failed), with the first failure, if any. */
  failure(): Promise<NodeJS.ErrnoException | undefined>;
  readonly isTTY: boolean;
  /** The terminal's width, when it is one. */
  readonly columns?: number;
  /** The stream itself, for a spinner on a terminal (ora draws on a real stream). */
  readonly stream?: NodeJS.WritableStream;
}

/**
 * What a run of the CLI reads from and writes to besides files: its streams and environment.
 * `main(argv, io)` takes one, so tests run the CLI in process with captured output; the
 * binary passes `processIo()`. Relative paths resolve against process.cwd() as usual.
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** One of the process's streams; its 'error' event (EPIPE, ENOSPC on `> /dev/full`) is kept, never unhandled. */
function processStream(stream: NodeJS.WriteStream): OutputStream {
  let first: NodeJS.ErrnoException | undefined;
  /** Whether anything was written: with nothing, there is nothing to wait for. */
  let wrote = false;
  const keep = (error: NodeJS.ErrnoException | null | undefined): void => {
    first ??= error ?? undefined;
  };
  stream.on('error', keep);
  return {
    write: (text) => {
      // A stream that has failed is destroyed; writing on would only add ERR_STREAM_DESTROYED.
      if (text !== '') wrote = true;
      if (first === undefined && !stream.destroyed) stream.write(text, keep);
    },
    failure: () =>
      new Promise((resolve) => {
        // The empty write below is a write of its own, which /dev/full refuses (ENOSPC): a run that
        // wrote nothing on stdout (validate --quiet > /dev/full) exited 2.
        if (first !== undefined || stream.destroyed || !wrote) resolve(first);
        // An empty write's callback runs once everything before it is written.
        else stream.write('', (error) => resolve(first ?? error ?? undefined));
      }),
    get isTTY() {
      return Boolean(stream.isTTY);
    },
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
    stream,
  };
}

let ofProcess: CliIo | undefined;

/** The process's own streams and environment, wrapped once (each wrapping listens for the streams' errors). */
export function processIo(): CliIo {
  return (ofProcess ??= {
    stdout: processStream(process.stdout),
    stderr: processStream(process.stderr),
    env: process.env,
  });
}

/** One run's io, and whether it lists every input problem (JSON output) or the first HIGHNEEDS_MAX_PROBLEMS (200). */
interface Run {
  readonly io: CliIo;
  readonly everyIssue: boolean;
}

const current = new AsyncLocalStorage<Run>();

/** Runs `work` with `io` as the CLI's streams and environment, for everything it awaits. */
export function withCliIo<T>(run: Run, work: () => Promise<T>): Promise<T> {
  return current.run(run, work);
}

/** The running command's io: the one main() was given (the process's, outside a run). */
export function cliIo(): CliIo {
  return current.getStore()?.io ?? processIo();
}

/** Whether this run prints every input problem rather than the first HIGHNEEDS_MAX_PROBLEMS (200; src/cli/print-issues.ts). */
export function everyIssue(): boolean {
  return current.getStore()?.everyIssue ?? false;
}
