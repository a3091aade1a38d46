import { accessSync, constants, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * vitest globalSetup: the tests' scratch folders (every `tmpdir()`) go in one folder on a RAM
 * file system, when the machine has one with room, removed whole when the run ends.
 *
 * Why (issue 18, item 5: the suite's time): the tests copy model folders and write outputs by
 * the thousand (the fuzz test alone copies a model 300 times), and the atomic writer fsyncs
 * every output. On a disk shared with other work each of those waits on the disk: in a profile
 * of the whole suite they blocked its two workers for some 15 s (unlink, fsync, copyFile), and
 * from 0.9 s to 6.9 s for the same 300 copies, with the disk's load. What the tests check does not
 * depend on the medium: a full disk is simulated (test/cli/disk-full.test.ts), and outputs are
 * still staged, synced and renamed as on a disk. Without such a file system (macOS, a container
 * with a small /dev/shm) nothing changes.
 */
const RAM = '/dev/shm';
/** Room the suite must find there: it writes some tens of MB (a packed and installed package, a 120,000-row cohort). */
const ROOM = 1024 ** 3;

function ramDisk(): string | undefined {
  try {
    const { bavail, bsize } = statfsSync(RAM);
    accessSync(RAM, constants.W_OK);
    return bavail * bsize >= ROOM ? RAM : undefined;
  } catch {
    return undefined;
  }
}

export default function setup(): (() => void) | undefined {
  const ram = ramDisk();
  if (ram === undefined) return undefined;
  const previous = process.env['TMPDIR'];
  const dir = mkdtempSync(path.join(ram, 'highneeds-test-'));
  // The workers are started after this, with this process's environment (vitest's forks pool).
  process.env['TMPDIR'] = dir;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
