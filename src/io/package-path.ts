import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { displayPath } from './files.js';
import { packageRoot } from './provenance-name.js';

/**
 * A relative path that is not there from the working folder but is in highneeds' own package
 * (`fixtures/national`, as a --help example names it): its full path there. Only a path inside the
 * package, not the package itself: `../elsewhere/model` from the package is none of its own, and
 * `.` (batch's default folder) is the user's.
 */
export function inPackage(given: string): string | undefined {
  if (given === '' || path.isAbsolute(given) || existsSync(given)) return undefined;
  const root = path.resolve(packageRoot());
  const full = path.join(root, given);
  const inside = path.relative(root, full);
  if (inside === '' || inside.split(path.sep)[0] === '..') return undefined;
  if (path.resolve(given) === full || !existsSync(full)) return undefined;
  return full;
}

/**
 * The hint for a file or folder not found that is one of highneeds' own, given from another
 * working folder (an analyst's trial ran `batch --help`'s example in their own folder and was told
 * only that there is no folder fixtures/national).
 */
export function packagePathHint(given: string): string | undefined {
  const full = inPackage(given);
  return full
    ? `${given} is highneeds' own (the --help examples run from ${displayPath(path.resolve(packageRoot()))}): give it in full, ${displayPath(full)}`
    : undefined;
}
