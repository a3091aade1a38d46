// node:fs on Windows with files open in another program, as Excel holds a workbook or CSV it has
// open: such a file can be neither renamed, nor replaced by a rename over it, nor removed
// (MoveFileEx and DeleteFile fail, which Node gives as EPERM). `held` says which files are open.
import fs from 'node:fs';

const refused = (syscall, file) =>
  Object.assign(new Error(`EPERM: operation not permitted, ${syscall} '${String(file)}'`), {
    code: 'EPERM',
    errno: -1,
    syscall,
  });

/** node:fs's renameSync, rmSync and unlinkSync, refusing any file `held(path)` says is open. */
export function holding(held) {
  const open = (file) => fs.existsSync(file) && held(String(file));
  return {
    renameSync(from, to) {
      if (open(from) || open(to)) throw refused('rename', from);
      return fs.renameSync(from, to);
    },
    rmSync(file, options) {
      if (open(file)) throw refused('unlink', file);
      return fs.rmSync(file, options);
    },
    unlinkSync(file) {
      if (open(file)) throw refused('unlink', file);
      return fs.unlinkSync(file);
    },
  };
}
