// node:fs where putting a finished output in place fails: renaming the atomic writer's temporary
// file (`.NAME.tmp-PID`, src/io/write-output.ts) is refused (EACCES), whether or not a file is
// there, as on a folder whose permissions changed during the run. Everything else is node:fs.
import fs from 'node:fs';

export * from 'node:fs';

export function renameSync(from, to) {
  if (/\.tmp-\d+$/.test(String(from)))
    throw Object.assign(
      new Error(`EACCES: permission denied, rename '${String(from)}' -> '${String(to)}'`),
      { code: 'EACCES', errno: -13, syscall: 'rename' },
    );
  return fs.renameSync(from, to);
}

export default { ...fs, renameSync };
