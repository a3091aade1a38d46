import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { MAX_JSON_BYTES } from '../../io/limits.js';
import { OURS, STALE_WHEN_NOT_WRITTEN } from './batch-output-names.js';

/**
 * An earlier batch's manifest.json, and whether that run drew (it wrote intervals.csv), or
 * undefined: another command's manifest (or a user's file) is not ours to replace. Only a regular
 * file of a JSON input's size is read: a FIFO of that name held the run for good (deaf to SIGTERM)
 * and a link to /dev/zero read until the process died of std::bad_alloc (found by a probe).
 */
export function batchManifestOf(
  file: string,
): { readonly draws: boolean; readonly report?: string } | undefined {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size > MAX_JSON_BYTES) return undefined;
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      command?: unknown;
      draws?: unknown;
      report?: unknown;
    };
    if (json.command !== 'batch') return undefined;
    return {
      draws: json.draws !== undefined,
      ...(typeof json.report === 'string' ? { report: json.report } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Which files in a folder an earlier batch wrote, by name: its CSVs; beside a manifest.json that
 * says it is a batch's, that manifest and its national report; intervals.csv only if that run drew
 * (simulate writes an intervals.csv of the same columns, which is not ours to replace or remove).
 */
export function earlierBatchOutputs(dir: string): (name: string) => boolean {
  const earlier = batchManifestOf(path.join(dir, 'manifest.json'));
  const earlierBatch = earlier !== undefined;
  return (name) =>
    name === 'intervals.csv'
      ? earlier?.draws === true
      : name === 'manifest.json' || (STALE_WHEN_NOT_WRITTEN as readonly string[]).includes(name)
        ? earlierBatch
        : OURS.test(name);
}

/**
 * An earlier run's outputs that this run does not write (intervals.csv without --draws, a national
 * report without --report): removed as this run's are put in place (commitOutputs), so that every
 * batch output in the folder is of one run (an intervals.csv beside a new summary.csv would count
 * areas that have since failed). `ours`: those an earlier batch's manifest says it wrote
 * (checkOutDir); any other file of such a name is someone else's, written beside with --force and
 * left alone.
 */
export function staleOutputs(
  outDir: string,
  ours: readonly string[],
  written: ReadonlySet<string>,
): string[] {
  return ours
    .map((name) => path.join(outDir, name))
    .filter((file) => {
      // A plain file, or a link to one (an earlier run wrote through it): the link is removed, never
      // what it points at. A folder of that name is not a file this tool wrote.
      const entry = lstatSync(file, { throwIfNoEntry: false });
      const linked = entry?.isSymbolicLink() && statSync(file, { throwIfNoEntry: false })?.isFile();
      // Staged targets are real paths (write-output.ts): this run writes it, through a link or not.
      return (entry?.isFile() || linked) && !written.has(realpathSync(file));
    });
}
