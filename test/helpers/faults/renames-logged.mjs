// node:fs whose renameSync also records each rename (from, to) in globalThis's RENAMES list: not
// a fault, a witness of how outputs are put in place. Everything else is node:fs.
import fs from 'node:fs';

export * from 'node:fs';

const RENAMES = Symbol.for('highneeds.test.renames');
globalThis[RENAMES] ??= [];

export function renameSync(from, to) {
  globalThis[RENAMES].push([String(from), String(to)]);
  return fs.renameSync(from, to);
}

export default { ...fs, renameSync };
