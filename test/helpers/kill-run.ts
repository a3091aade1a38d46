import { spawn } from 'node:child_process';
import { type FSWatcher, readFileSync, statSync, utimesSync, watch } from 'node:fs';
import { expect } from 'vitest';
import { BIN } from './exec.js';

/**
 * When a test sends its signal to a run of the binary: at once (before Node has loaded any of
 * our code, so the signal's default action), after a delay, as soon as `holds` does, checked
 * every 2 ms (an input has been read, an output renamed into place), or as soon as a file whose
 * name matches `appears` is made in `dir` (a temporary file: the file system says so at once,
 * where a 2 ms poll often misses the moment between staging outputs and renaming them).
 */
export type When =
  | { readonly atOnce: true }
  | { readonly afterMs: number }
  | { readonly holds: () => boolean }
  | { readonly appears: RegExp; readonly dir: string };

/**
 * A run still going this long after its signal is stopped with SIGKILL (and so gives -1): a run
 * that does not hear its signal fails its test, rather than running on after it for minutes.
 */
const UNHEARD_MS = 20_000;

/** Runs `highneeds ARGS` as a user would and sends `signal` when `when` says: its exit code, or -1 when the signal killed it. */
export function runAndKill(
  args: readonly string[],
  signal: NodeJS.Signals,
  when: When,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
      stdio: 'ignore',
    });
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    let unheard: NodeJS.Timeout | undefined;
    const kill = () => {
      clearInterval(timer);
      watcher?.close();
      child.kill(signal);
      unheard = setTimeout(() => child.kill('SIGKILL'), UNHEARD_MS);
    };
    if ('atOnce' in when) kill();
    else if ('afterMs' in when) timer = setTimeout(kill, when.afterMs);
    else if ('holds' in when) timer = setInterval(() => when.holds() && kill(), 2);
    else
      watcher = watch(when.dir, (_event, name) => {
        if (name !== null && when.appears.test(name)) kill();
      });
    child.on('error', reject);
    child.on('exit', (code, killedBy) => {
      clearInterval(timer);
      clearTimeout(unheard);
      watcher?.close();
      resolve(code ?? (killedBy ? -1 : Number.NaN));
    });
  });
}

/*
 * src/cli/main.ts installs the SIGINT and SIGTERM handlers before main() reads anything, so a run
 * that has read one of its inputs has them in place: a signal sent then is known to be handled,
 * with no search for the right delay. /proc/PID/status cannot tell this (its SigCgt mask has both
 * signals set from Node's first milliseconds, when Node installs its own handlers to restore the
 * terminal on exit); a file's access time can. Set to 0, it is updated by the next read even under
 * `relatime` (Linux's default: an access time older than the file's modification time, or a
 * day, is updated), but never under `noatime`, where readsRecorded says to search instead.
 */

/** Sets the access time of `files` to 0 (1970), keeping their modification time. */
export function markUnread(files: readonly string[]): void {
  for (const file of files) utimesSync(file, 0, statSync(file).mtime);
}

/** Whether a run has read one of `files` since markUnread. */
export const anyRead = (files: readonly string[]) => (): boolean =>
  files.some((file) => statSync(file).atimeMs !== 0);

/** Whether reading `file` updates its access time on this file system. */
export function readsRecorded(file: string): boolean {
  markUnread([file]);
  readFileSync(file);
  const recorded = anyRead([file])();
  markUnread([file]);
  return recorded;
}

/**
 * Kills runs while they work until our handler stops one (exit code `handled`), and fails the test
 * if none does: each kill is sent once the run has read one of `inputs` (its handlers are then in
 * place, so the signal's default action over the earlier output, `untouched`, fails the test
 * too), and sent again in a new run (three at most) only when it came too late, the machine being
 * busy; where reads leave no trace, after 40, 100, 160 … ms instead, up to 3 s.
 */
export async function killWhileWorking<Output>(
  inputs: readonly string[],
  handled: number,
  untouched: Output,
  run: (when: When) => Promise<{ readonly code: number; readonly now: Output }>,
): Promise<void> {
  const afterRead = readsRecorded(inputs[0]!);
  const codes: number[] = [];
  for (let tries = 0; tries < (afterRead ? 3 : 50) && !codes.includes(handled); tries += 1) {
    markUnread(inputs);
    const { code, now } = await run(
      afterRead ? { holds: anyRead(inputs) } : { afterMs: 40 + 60 * tries },
    );
    if (afterRead) expect({ code, now }).not.toEqual({ code: -1, now: untouched });
    codes.push(code);
  }
  expect(codes, `no kill landed while the run worked (${codes.join(', ')})`).toContain(handled);
}

/** Whether `file` is no longer the file it was when this was called (another was renamed over it). */
export function replaced(file: string): () => boolean {
  const before = statSync(file).ino;
  // A batch sets its earlier outputs aside before it renames the new ones in: for that moment the
  // path is empty, which is not yet replaced (statSync threw there, an unhandled error in the
  // test's timer, in about one run in three).
  return () => {
    const now = statSync(file, { throwIfNoEntry: false });
    return now !== undefined && now.ino !== before;
  };
}
