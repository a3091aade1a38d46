// node:fs on Windows with a batch's national.csv open in Excel, and its other outputs not: the
// rename of the atomic writer's temporary file over national.csv fails with EPERM, as MoveFileEx
// does on a file another program holds open; every other rename is node:fs's.
import fs from 'node:fs';

export * from 'node:fs';

export function renameSync(from, to) {
  if (/\.tmp-\d+$/.test(String(from)) && /national\.csv$/.test(String(to)) && fs.existsSync(to))
    throw Object.assign(
      new Error(`EPERM: operation not permitted, rename '${String(from)}' -> '${String(to)}'`),
      { code: 'EPERM', errno: -1, syscall: 'rename' },
    );
  return fs.renameSync(from, to);
}

export default { ...fs, renameSync };
