import {
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';
import { realPath } from './inside-folders.js';

const pending = new Set<string>();
/** Outputs to a device or FIFO, staged but not yet written. */
const unwritten = new Set<StagedOutput>();
let committed = 0;

/**
 * True once this run has put an output in place and has nothing left staged: from then
 * on the run's files are complete, so an interruption should not be reported as a failure.
 */
export function outputsCommitted(): boolean {
  return committed > 0 && pending.size === 0 && unwritten.size === 0;
}

/**
 * Folders makeOutputDir made in this run, outermost first: a run that does not finish (an error,
 * or SIGINT/SIGTERM) removes those it left empty (settleMadeFolders, removeUnfinished).
 */
const madeFolders: string[] = [];

/**
 * What an interrupted run leaves is removed: its temporary files, and the folders it made that
 * hold nothing (an interrupted batch left its --out-dir and --report, empty).
 */
export function removeUnfinished(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
  removeMadeFolders(madeFolders.splice(0));
}

/**
 * The end of a run (src/cli/run.ts): one that failed removes the folders it made and left empty,
 * whatever failed and whenever (a --report that could not be made left the --out-dir made before
 * it); one that did not keeps them, with its outputs. Either way they are forgotten.
 */
export function settleMadeFolders(failed: boolean): void {
  const made = madeFolders.splice(0);
  if (failed) removeMadeFolders(made);
}

/**
 * An output ready to go in place: a complete temporary file beside a regular file, renamed over
 * it at commit; or, for a character device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe),
 * the text, written into it at commit by opening it, as a shell's `>` would: never replaced.
 */
export interface StagedOutput {
  /** The file written: its real path (symbolic links resolved), or for a device or FIFO the path given, resolved. */
  readonly target: string;
  readonly temporary?: string;
  readonly direct?: string | Uint8Array;
  /** Written to this descriptor of the process rather than by opening `target` (Where.fd). */
  readonly fd?: number;
}

/** The reason in a Node file-system error, without its code and path: "permission denied". */
function reason(cause: unknown): string {
  const code = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EBUSY: 'it is in use',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is used up',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a folder',
    ENXIO: 'nothing is reading from it',
    EPIPE: 'the reader closed it',
    EIO: 'an input/output error',
  };
  return (
    known[code] ??
    (cause instanceof Error
      ? cause.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')
      : String(cause))
  );
}

const isFsError = (cause: unknown): boolean =>
  cause instanceof Error && 'code' in cause && typeof cause.code === 'string';

/** The status of a path, following symbolic links; undefined when there is nothing there. */
function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (cause) {
    const code = cause instanceof Error && 'code' in cause ? cause.code : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw cause;
  }
}

/** Why a missing path's folder cannot hold it: the nearest ancestor that is not there, or is a file. */
function missingFolder(file: string, label: string): UsageError {
  let dir = path.dirname(path.resolve(file));
  let missing = dir;
  for (;;) {
    const stats = statOrNothing(dir);
    if (stats && !stats.isDirectory())
      return new UsageError(`${label}: ${dir} is a file, not a folder`);
    if (stats) return new UsageError(`${label}: the folder ${missing} does not exist`);
    missing = dir;
    const parent = path.dirname(dir);
    if (parent === dir) return new UsageError(`${label}: the folder ${missing} does not exist`);
    dir = parent;
  }
}

type Where = {
  readonly kind: 'file' | 'direct';
  readonly real: string;
  readonly stats?: Stats;
  /** This process's descriptor the path names (/dev/stdout: 1), when it is a file: written at its own offset. */
  readonly fd?: number;
};

/**
 * The descriptor of this process that a path names (/dev/stdout, /dev/stderr, /dev/fd/N,
 * /proc/self/fd/N, /proc/<this pid>/fd/N), or undefined: another process's /proc/<pid>/fd/N is
 * not ours to write at its offset, and a file in /dev/shm (a RAM disk) is a file like any other.
 */
function descriptorOf(file: string): number | undefined {
  const named = /^\/dev\/(stdout|stderr)$/.exec(file);
  if (named) return named[1] === 'stdout' ? 1 : 2;
  const numbered = /^\/dev\/fd\/(\d+)$|^\/proc\/(self|thread-self|\d+)\/fd\/(\d+)$/.exec(file);
  if (!numbered) return undefined;
  if (numbered[1] !== undefined) return Number(numbered[1]);
  const owner = numbered[2]!;
  return owner === 'self' || owner === 'thread-self' || Number(owner) === process.pid
    ? Number(numbered[3])
    : undefined;
}

/**
 * Where an output goes, or a UsageError saying why it cannot: an existing regular file (through
 * any symbolic links), a new file in an existing folder, or a character device or FIFO to be
 * written directly. A folder, a block device, a socket or a dangling link is refused.
 */
function locate(target: string): Where {
  const label = `cannot write ${target}`;
  if (target === '') throw new UsageError('an output file name is empty');
  // `--out results/` (a script's "$dir/$name" with the name empty) made a file named `results`, exit 0.
  if ((target.endsWith('/') || target.endsWith(path.sep)) && !isFolderNow(target))
    throw new UsageError(`${label}: it names a folder (it ends with /); give a file name`);
  try {
    const stats = statOrNothing(target);
    if (stats) {
      if (stats.isDirectory()) throw new UsageError(`${label}: it is a folder; give a file name`);
      const real = realPath(target);
      if (stats.isFIFO() && descriptorOf(path.resolve(target)) !== undefined && readHere(stats))
        throw new UsageError(
          `${label}: it names a pipe this program reads itself (one of Node's own, or its input); give a file, or a descriptor the shell opened for writing, as in 3>file`,
        );
      if (stats.isCharacterDevice() || stats.isFIFO()) return { kind: 'direct', real, stats };
      const fd = descriptorOf(path.resolve(target));
      // /dev/stdout and /proc/self/fd/N name a descriptor the caller holds open: when it is a file,
      // write to that descriptor, where the shell left it (after what came before, or appending
      // with >>), not over the file from its start, and never replace the file.
      if (stats.isFile())
        return fd === undefined
          ? { kind: 'file', real, stats }
          : { kind: 'direct', real, stats, fd };
      // A program that runs this one with pipes of its own (Node's spawn) gives it sockets: its
      // stdout and stderr are written at their descriptors too.
      if (stats.isSocket() && (fd === 1 || fd === 2)) return { kind: 'direct', real, stats, fd };
      throw new UsageError(`${label}: it is not a regular file, a character device or a FIFO`);
    }
    if (lstatOrNothing(target)?.isSymbolicLink())
      throw new UsageError(`${label}: it is a symbolic link to a file that does not exist`);
    const parent = statOrNothing(path.dirname(path.resolve(target)));
    if (!parent || !parent.isDirectory()) throw missingFolder(target, label);
    return {
      kind: 'file',
      real: path.join(realpathSync(path.dirname(path.resolve(target))), path.basename(target)),
    };
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    if (isFsError(cause)) throw new UsageError(`${label}: ${reason(cause)}`);
    throw cause;
  }
}

function lstatOrNothing(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Whether this process holds the reading end of a pipe: /dev/fd/N for an N the shell did not pass
 * can name one of Node's own pipes (written into, the output was lost or the process crashed), and
 * /dev/fd/0 the pipe the input comes from. A pipe the shell opened for output is held for writing
 * only. Where /proc cannot tell (not Linux), none is.
 */
function readHere(pipe: Stats): boolean {
  let fds: string[];
  try {
    fds = readdirSync('/proc/self/fd');
  } catch {
    return false;
  }
  return fds.some((fd) => {
    try {
      const stats = statSync(`/proc/self/fd/${fd}`);
      if (stats.ino !== pipe.ino || stats.dev !== pipe.dev) return false;
      const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
      // O_ACCMODE 3; O_RDONLY 0 (Linux).
      return flags !== null && (Number.parseInt(flags[1]!, 8) & 3) === 0;
    } catch {
      return false;
    }
  });
}

/** What identifies a file whatever it is called: its real path, and its device and inode. */
interface Identity {
  readonly real: string;
  readonly inode?: string;
}

function identity(file: string): Identity | undefined {
  const stats = statOrNothing(file);
  return { real: realPath(file), ...(stats ? { inode: `${stats.dev}:${stats.ino}` } : {}) };
}

const sameFile = (a: Identity, b: Identity): boolean =>
  a.real === b.real || (a.inode !== undefined && a.inode === b.inode);

/** Refuses an output that is one of the inputs under any name: by real path, and by device and inode (hard links). */
function refuseInputs(target: string, where: Where, inputs: readonly string[]): void {
  const output: Identity = {
    real: where.real,
    ...(where.stats ? { inode: `${where.stats.dev}:${where.stats.ino}` } : {}),
  };
  for (const input of inputs) {
    let known: Identity | undefined;
    try {
      known = identity(input);
    } catch {
      continue;
    }
    if (known && sameFile(output, known)) {
      const other = path.resolve(input) === path.resolve(target) ? '' : ` (${input})`;
      throw new UsageError(`${target} is one of this run's inputs${other}; choose another file`);
    }
  }
}

/**
 * Writes a whole output to a temporary file in the target's folder (so the rename is atomic).
 * Refuses to write over any input the run read. Nothing is visible at `target` until commit.
 * A character device or FIFO is not replaced: it is opened and written at commit.
 */
export function stageOutput(
  target: string,
  text: string | Uint8Array,
  inputs: readonly string[],
): StagedOutput {
  const where = locate(target);
  refuseInputs(target, where, inputs);
  if (where.kind === 'direct') {
    const staged: StagedOutput = {
      target: path.resolve(target),
      direct: text,
      ...(where.fd !== undefined ? { fd: where.fd } : {}),
    };
    unwritten.add(staged);
    return staged;
  }
  const temporary = path.join(
    path.dirname(where.real),
    `.${path.basename(where.real)}.tmp-${process.pid}`,
  );
  pending.add(temporary);
  try {
    const fd = openSync(temporary, 'w');
    try {
      if (typeof text === 'string') writeSync(fd, text);
      else writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    discard({ temporary, target: where.real });
    if (isFsError(cause)) throw new UsageError(`cannot write ${target}: ${reason(cause)}`);
    throw cause;
  }
  return { temporary, target: where.real };
}

/**
 * Stages several outputs that must land together: if one cannot be staged (a refused target, a
 * folder that is not there), those already staged are removed before the error goes on, so a
 * refused run leaves no temporary file behind. Two outputs may not be one file under two names.
 */
export function stageOutputs(
  outputs: readonly { readonly target: string; readonly text: string | Uint8Array }[],
  inputs: readonly string[],
): StagedOutput[] {
  const staged: StagedOutput[] = [];
  try {
    for (const { target, text } of outputs) {
      const next = stageOutput(target, text, inputs);
      const twin =
        next.temporary === undefined
          ? -1
          : staged.findIndex(
              (earlier) => earlier.temporary !== undefined && earlier.target === next.target,
            );
      staged.push(next);
      if (twin >= 0)
        throw new UsageError(
          `${outputs[twin]!.target} and ${target} are the same file; choose two`,
        );
    }
  } catch (cause) {
    for (const output of staged) discard(output);
    throw cause;
  }
  return staged;
}

/**
 * A rename into place that failed: on Windows, a file open in Excel cannot be replaced (EPERM or
 * EBUSY), and that was "unexpected error: this is a bug" with a stack trace, exit 3, leaving the
 * run's temporary files beside it (found by an officer's user trial). Now the run's temporary
 * files are removed and the usage error (exit 2) names the file, the reason and what to do.
 */
function renameFailed(target: string, cause: unknown): UsageError {
  for (const temporary of pending) rmSync(temporary, { force: true });
  pending.clear();
  const held = heldOpen(target, cause);
  return new UsageError(
    `cannot write ${target}: ${reason(cause)}${held ? '; if it is open in another program, such as Excel, close it there and run again' : ''}`,
  );
}

/** Whether a file refused a rename as one another program holds open does (Excel, on Windows). */
const heldOpen = (file: string, cause: unknown): boolean =>
  ['EPERM', 'EBUSY', 'EACCES'].includes(errorCode(cause) ?? '') && isFileNow(file);

/** Whether a folder is there now (false when it cannot be told): locate says so in its own words. */
function isFolderNow(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a regular file is there now (false when it cannot be told). */
function isFileNow(target: string): boolean {
  try {
    return statSync(target).isFile();
  } catch {
    return false;
  }
}

/**
 * Puts a staged output in place: renames the temporary file over the target (the previous file is
 * replaced whole or not at all), or writes into a device or FIFO, waiting for a FIFO's reader
 * without blocking the thread (so Ctrl-C still ends the run).
 */
export async function commitOutput(staged: StagedOutput): Promise<void> {
  if (staged.temporary !== undefined) {
    renameIntoPlace(staged);
    return;
  }
  try {
    await writeInto(staged.fd ?? staged.target, staged.direct ?? '');
  } catch (cause) {
    if (isFsError(cause)) throw new UsageError(`cannot write ${staged.target}: ${reason(cause)}`);
    throw cause;
  } finally {
    unwritten.delete(staged);
  }
  committed += 1;
}

/** Renames a staged output's temporary file over its target. */
function renameIntoPlace(staged: StagedOutput): void {
  const temporary = staged.temporary!;
  try {
    renameSync(temporary, staged.target);
  } catch (cause) {
    if (!isFsError(cause)) throw cause;
    throw renameFailed(staged.target, cause);
  }
  pending.delete(temporary);
  committed += 1;
  removeLeftovers(staged.target);
}

/**
 * A run killed outright (SIGKILL, a power cut) between writing and renaming leaves its temporary
 * or set-aside file beside the output, `.NAME.tmp-PID` or `.NAME.old-PID` (the earlier output, which
 * a rename would have removed): once this run's file is in place, those of runs no longer alive
 * go. A file whose number is a process still running is left alone: it may be that run's.
 */
function removeLeftovers(target: string): void {
  const folder = path.dirname(target);
  const name = path.basename(target);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of names) {
    if (!entry.startsWith(`.${name}.`) || deadRunsLeftoverOf(entry) !== name) continue;
    try {
      rmSync(path.join(folder, entry), { force: true });
    } catch {
      // The output is in place; a leftover that cannot be removed is as harmless as it was.
    }
  }
}

/**
 * NAME, when a file name is the temporary or set-aside file of NAME of a run no longer alive,
 * `.NAME.tmp-PID` or `.NAME.old-PID` (removeLeftovers); else undefined: not this run's, nor a
 * running process's, which may be writing it.
 */
export function deadRunsLeftoverOf(name: string): string | undefined {
  const leftover = /^\.(.+)\.(?:tmp|old)-(\d+)$/.exec(name);
  const pid = Number(leftover?.[2]);
  return leftover && pid !== process.pid && !isRunning(pid) ? leftover[1] : undefined;
}

/** Whether a process of this number runs (one of another user's answers EPERM: it runs). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return errorCode(cause) !== 'ESRCH';
  }
}

/**
 * Puts outputs that land together in place, every one or none, and removes `stale` (files of an
 * earlier run that this one does not write) with them. Those written into a device or FIFO go
 * first, as a FIFO waits for its reader and a run interrupted while it waits must leave every file
 * as it was (src/cli/main.ts says so). Then every file the run replaces or removes is set aside
 * (renamed beside itself): a file another program holds open (Excel, on Windows) refuses that, and
 * then none is replaced, and the error names every such file at once. A batch run again with two
 * of its outputs open once replaced the others, stopped at the first held one and named it alone
 * (found by a review, then by the leftovers' list). Only then are the new files renamed in, with
 * nothing between the renames to wait on, and what was set aside removed.
 */
export async function commitOutputs(
  staged: readonly StagedOutput[],
  stale: readonly string[] = [],
): Promise<void> {
  try {
    for (const output of staged) if (output.temporary === undefined) await commitOutput(output);
  } catch (cause) {
    // A device or FIFO that failed (/dev/full, a reader gone) left the files' temporaries staged
    // beside them (found by a probe: `.bands.csv.tmp-PID` and three more, after exit 2).
    for (const output of staged) discard(output);
    throw cause;
  }
  const renamed = staged.filter((output) => output.temporary !== undefined);
  // One file and nothing to remove: renamed straight over the old one, one step that leaves the
  // path holding a whole file, the old or the new. Set aside first, as several outputs are, a crash
  // between the two renames would leave only `.NAME.old-PID` there (found by a review).
  if (renamed.length === 1 && stale.length === 0) {
    renameIntoPlace(renamed[0]!);
    return;
  }
  const replaced = renamed.filter((output) => isFileNow(output.target)).map((o) => o.target);
  // "Nothing was written" is not said when a device or FIFO was written into just now.
  const several = renamed.length + stale.length > 1 && renamed.length === staged.length;
  const aside = setAside(replaced, stale, several);
  const placed: StagedOutput[] = [];
  try {
    for (const output of renamed) {
      renameIntoPlace(output);
      placed.push(output);
    }
  } catch (cause) {
    for (const output of placed) rmSync(output.target, { force: true });
    throw putBack(aside, several ? nothingWritten(cause) : cause);
  }
  for (const file of aside) {
    try {
      rmSync(asideName(file), { force: true });
    } catch {
      // The run's outputs are in place; an earlier one left beside them (`.NAME.old-PID`) is harmless.
    }
  }
}

/** Where setAside puts a file: beside it, named as the temporary files are (OURS in src/cli/commands/batch-output-names.ts). */
const asideName = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.old-${process.pid}`);

/** Sets aside the files to be replaced and those to be removed, all or none (commitOutputs). */
function setAside(
  replaced: readonly string[],
  removed: readonly string[],
  several: boolean,
): string[] {
  const aside: string[] = [];
  const refused: { file: string; cause: unknown }[] = [];
  for (const file of [...replaced, ...removed]) {
    try {
      renameSync(file, asideName(file));
      aside.push(file);
    } catch (cause) {
      if (!isFsError(cause)) throw putBack(aside, cause);
      refused.push({ file, cause });
    }
  }
  if (refused.length === 0) return aside;
  for (const temporary of pending) rmSync(temporary, { force: true });
  pending.clear();
  const names = (files: readonly string[]) =>
    files.length < 2 ? files.join('') : `${files.slice(0, -1).join(', ')} and ${files.at(-1)!}`;
  const write = refused.filter(({ file }) => replaced.includes(file)).map(({ file }) => file);
  const remove = refused.filter(({ file }) => !replaced.includes(file)).map(({ file }) => file);
  const reasons = [...new Set(refused.map(({ cause }) => reason(cause)))];
  const held = refused.every(({ file, cause }) => heldOpen(file, cause));
  const one = refused.length === 1;
  const error = new UsageError(
    `cannot ${write.length ? `write ${names(write)}` : ''}${write.length && remove.length ? ', or ' : ''}${remove.length ? `remove ${names(remove)} (an earlier run's, which this run does not write)` : ''}: ${reasons.join('; ')}${held ? `; if ${one ? 'it is' : 'they are'} open in another program, such as Excel, close ${one ? 'it' : 'them'} there and run again` : ''}`,
  );
  throw putBack(aside, several ? nothingWritten(error) : error);
}

/** Said when a run of several outputs stops before any is in place. */
const nothingWritten = (cause: unknown): unknown =>
  cause instanceof UsageError
    ? new UsageError(`${cause.message} (nothing was written: every file is as it was)`)
    : cause;

/**
 * Puts back what setAside set aside, and returns `cause` to be thrown: a file that cannot be put
 * back (none should: its name was free a moment ago) is named, where it is kept, not lost.
 */
function putBack(aside: readonly string[], cause: unknown): unknown {
  const kept: string[] = [];
  for (const file of [...aside].reverse()) {
    try {
      renameSync(asideName(file), file);
    } catch {
      kept.push(`${file} is kept as ${asideName(file)}`);
    }
  }
  if (kept.length === 0 || !(cause instanceof UsageError)) return cause;
  return new UsageError(`${cause.message} (${kept.join('; ')})`);
}

const errorCode = (cause: unknown): string | undefined =>
  cause instanceof Error && 'code' in cause ? String(cause.code) : undefined;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens a device or FIFO for writing without ever blocking the thread: a FIFO with no reader yet
 * is tried again every 50 ms. (A blocking open in Node's thread pool would also block
 * process.exit, so Ctrl-C could not end the run.)
 */
async function openWhenRead(file: string): Promise<number> {
  for (;;) {
    try {
      return openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (cause) {
      if (errorCode(cause) !== 'ENXIO') throw cause;
      await pause(50);
    }
  }
}

async function writeInto(target: string | number, text: string | Uint8Array): Promise<void> {
  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  // A descriptor of this process (Where.fd) is written where it stands, and left open.
  const fd = typeof target === 'number' ? target : await openWhenRead(target);
  try {
    let offset = 0;
    while (offset < data.length) {
      try {
        offset += writeSync(fd, data, offset);
      } catch (cause) {
        if (errorCode(cause) !== 'EAGAIN') throw cause;
        await pause(10);
      }
    }
  } finally {
    if (typeof target !== 'number') closeSync(fd);
  }
}

function discard(staged: StagedOutput): void {
  unwritten.delete(staged);
  if (staged.temporary === undefined) return;
  try {
    rmSync(staged.temporary, { force: true });
  } catch {
    // Nothing was made (the folder is not there, or is not a folder).
  }
  pending.delete(staged.temporary);
}

/**
 * Checks an output option before the run: not empty, not a folder, in a folder that exists, and
 * none of `inputs` where they are known by then. (stageOutput checks again when the output is
 * written.) simulate, solve, report and backtest pass the inputs once read, before their draws or
 * search: an --out that named an input was refused only after them (minutes, with many draws).
 */
export function checkOutputOption(
  option: string,
  value: string | undefined,
  inputs: readonly string[] = [],
): void {
  if (value === undefined) return;
  checkOutputName(option, value, 'file name');
  refuseInputs(value, locate(value), inputs);
}

/**
 * An output option's value is a name: not empty, and not `-`, which many tools read as stdout but
 * which here made a file named "-" and said nothing, exit 0 (found by trying `--out -` in a pipe).
 * Without --out a command writes to stdout, but for `report`, whose --out is required (`prints`
 * false: the review of this check found report told to do without it).
 */
export function checkOutputName(
  option: string,
  value: string,
  kind: 'file name' | 'folder',
  prints = option === '--out',
): void {
  if (value === '') throw new UsageError(`${option} is empty; give a ${kind}`);
  if (value === '-')
    throw new UsageError(
      `${option} - would make a ${kind === 'folder' ? 'folder' : 'file'} named "-"; give a ${kind}${prints ? ' (a command that prints its output does so without --out)' : ''}`,
    );
}

/** --out and --manifest checked before the run (checkOutputOption), and not the same file. */
export function checkOutAndManifest(out: string | undefined, manifest: string | undefined): void {
  if (manifest && out && path.resolve(manifest) === path.resolve(out))
    throw new UsageError('--manifest and --out name the same file');
  checkOutputOption('--out', out);
  checkOutputOption('--manifest', manifest);
}

/**
 * Makes an output folder and any folders above it that are missing, or says why it cannot: the
 * path is empty, it or a folder above it is a file or a link to nothing, or the file system
 * refuses (read-only, no permission). (Node's recursive mkdirSync never returns under /proc, and
 * says ENOENT for EROFS.) A run that then fails, here or later, removes the folders it made
 * when they are empty (settleMadeFolders).
 */
export function makeOutputDir(dir: string, option: string): void {
  for (const folder of foldersToMake(dir, option)) {
    try {
      mkdirSync(folder);
    } catch (cause) {
      if (isFsError(cause)) throw new UsageError(`cannot make ${option} ${dir}: ${reason(cause)}`);
      throw cause;
    }
    madeFolders.push(folder);
  }
}

/**
 * Checks an output folder option before the run, as makeOutputDir will (an empty name, a file or a
 * link to nothing on the way), making nothing: a batch's --report under a file was refused only
 * once every area was modelled (with --draws, minutes).
 */
export function checkOutputDirOption(option: string, dir: string | undefined): void {
  if (dir !== undefined) foldersToMake(dir, option);
}

/** The folders missing on the way to `dir`, outermost first, or a UsageError saying why it cannot be made (makeOutputDir). */
function foldersToMake(dir: string, option: string): string[] {
  checkOutputName(option, dir, 'folder');
  const label = `cannot make ${option} ${dir}`;
  const missing: string[] = [];
  let current = path.resolve(dir);
  try {
    for (;;) {
      const stats = statOrNothing(current);
      const it = current === path.resolve(dir) ? 'it' : current;
      if (stats && !stats.isDirectory())
        throw new UsageError(`${label}: ${it} is a file, not a folder`);
      if (!stats && lstatOrNothing(current)?.isSymbolicLink())
        throw new UsageError(`${label}: ${it} is a symbolic link to a folder that does not exist`);
      if (stats) return missing;
      missing.unshift(current);
      const parent = path.dirname(current);
      if (parent === current) return missing;
      current = parent;
    }
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    if (isFsError(cause)) throw new UsageError(`${label}: ${reason(cause)}`);
    throw cause;
  }
}

/**
 * Removes the folders makeOutputDir made, innermost first, when the run then wrote nothing into
 * them (a disk full, say): a failed run leaves no empty folders behind (issue 18). A folder that
 * holds anything is kept (rmdir refuses it).
 */
function removeMadeFolders(made: readonly string[]): void {
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // It holds something (and so do the folders above it), or is gone.
    }
  }
}
