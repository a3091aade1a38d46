// node:fs on Windows with the output open in Excel: renaming the atomic writer's temporary file
// (`.NAME.tmp-PID`, src/io/write-output.ts) over a file that is there fails with EPERM, as
// MoveFileEx does on a file another program holds open. Everything else is node:fs.
import fs from 'node:fs';

export * from 'node:fs';

export function renameSync(from, to) {
  if (/\.tmp-\d+$/.test(String(from)) && fs.existsSync(to))
    throw Object.assign(
      new Error(`EPERM: operation not permitted, rename '${String(from)}' -> '${String(to)}'`),
      { code: 'EPERM', errno: -1, syscall: 'rename' },
    );
  return fs.renameSync(from, to);
}

export default { ...fs, renameSync };
