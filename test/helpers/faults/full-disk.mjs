// node:fs on a disk that is full: opening a temporary output file (the atomic writer's
// `.NAME.tmp-PID`, src/io/write-output.ts) fails with ENOSPC, as on a full file system. (By hand,
// a 16 KiB tmpfs filled to the brim shows the same with the binary.) Everything else is node:fs.
import fs from 'node:fs';

export * from 'node:fs';

export function openSync(file, ...rest) {
  if (/\.tmp-\d+$/.test(String(file)))
    throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(file)}'`), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'open',
    });
  return fs.openSync(file, ...rest);
}

export default { ...fs, openSync };
