import * as path from 'node:path';
import type { Issue } from '../core/issue.js';
import { displayPath } from './files.js';
import { provenanceName } from './provenance-name.js';

/**
 * An issue with its paths named as provenance names them (src/io/provenance-name.ts): relative to
 * `base` (a national model's folder), a library file as `highneeds:tariffs/…`, not relative to
 * the working folder as the terminal shows them. A user trial found a batch's failures.csv written
 * with different bytes from two working folders, where the manifest beside it was the same.
 *
 * Its file, and in its message the file or a folder that holds it (at or below `base`, as
 * `required file cohort.csv was not found in north` names the area's folder), are the paths the
 * messages embed, each as displayPath gave it; they are renamed where they stand whole (not
 * within a longer path or word), and any other path the message names below `base` from it. The
 * folder `base` itself is `.`. A location that is no path (an
 * option, `--tariff`) is left as it is.
 */
export function issueFromBase(base: string, issue: Issue): Issue {
  const file = issue.location?.file;
  if (file === undefined || file.startsWith('-')) return issue;
  const root = path.resolve(base);
  const names = new Map<string, string>([[file, provenanceName(root, file) || '.']]);
  for (
    let folder = path.dirname(path.resolve(file));
    within(root, folder);
    folder = path.dirname(folder)
  ) {
    names.set(displayPath(folder), provenanceName(root, folder) || '.');
    if (folder === root) break;
  }
  return {
    ...issue,
    message: renamed(issue.message, names, displayPath(root)),
    location: { ...issue.location!, file: names.get(file)! },
  };
}

/** True when `folder` is `root` or below it. */
function within(root: string, folder: string): boolean {
  const relative = path.relative(root, folder);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * `text` with each path of `names` that stands whole renamed, the longest first, and any other
 * path below `root` (as displayPath shows it) named from it: DUPLICATE_AREA names another area's
 * model.json, which failures.csv wrote from the working folder (found by a review).
 */
function renamed(text: string, names: ReadonlyMap<string, string>, root: string): string {
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const shown = [...names.keys()].filter((name) => name !== '').sort((a, b) => b.length - a.length);
  const whole = shown.length ? [`(?:${shown.map(escape).join('|')})(?![\\w/\\\\-]|\\.\\w)`] : [];
  // Whole: not after a letter, digit, `/` or `.`, nor before one (a sentence's full stop may follow).
  // Below the root: any name, not only one that starts with a letter or digit (an area's folder
  // named `(old) north` or `=1+2` kept the working folder's path in failures.csv: a scripter's trial).
  const pattern = new RegExp(
    `(?<![\\w./\\\\-])(?:${[...whole, `${escape(root)}[/\\\\](?=[^\\s/\\\\])`].join('|')})`,
    'g',
  );
  return text.replace(pattern, (match) => names.get(match) ?? '');
}
