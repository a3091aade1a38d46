import * as path from 'node:path';
import type { BatchRow } from '../../io/batch/run.js';
import { isNationalFolder } from '../../io/batch/read-sources.js';
import { displayPath } from '../../io/files.js';
import { andList, counted } from '../../core/words.js';
import { fitText } from '../../report/fit-width.js';
import { shellWord } from '../shell-word.js';
import { messageWidth } from '../terminal.js';

/**
 * After a national batch, on a terminal: how to look into one of its areas as the batch modelled
 * it (--area), with a command that runs as printed, on the first area of the summary. A DfE
 * analyst's trial found --area only in the README. Off a terminal, and with --quiet, nothing: a
 * script's stderr stays empty when the run is clean.
 */
export function areaNextStep(dir: string, rows: readonly BatchRow[], quiet: boolean): string {
  const width = messageWidth();
  const first = rows[0];
  if (quiet || width === undefined || first === undefined || !isNationalFolder(dir)) return '';
  const horizon = rows
    .filter((row) => row['area_code'] === first['area_code'])
    .map((row) => String(row['financial_year']))
    .sort()
    .at(-1)!;
  const area = String(first['area_code']);
  return [
    fitText(
      'For one area as modelled here, --area on explain, project, simulate or report:',
      width,
    ),
    `  highneeds explain ${shellWord(displayPath(dir))} --area ${shellWord(area)} --year ${horizon} --figure cumulative_balance`,
    '',
  ].join('\n');
}

/**
 * After a batch, on a terminal: the files it wrote, by folder (found by an analyst's trial: a run
 * with --draws printed the projection's totals and never said that intervals.csv held the ranges).
 * Off a terminal, and with --quiet, nothing, as areaNextStep.
 */
export function wroteOutputs(
  written: readonly string[],
  draws: { readonly count: number; readonly seed: number } | undefined,
  quiet: boolean,
): string {
  const width = messageWidth();
  if (quiet || width === undefined || written.length === 0) return '';
  const byFolder = new Map<string, string[]>();
  for (const file of written) {
    const folder = displayPath(path.dirname(file));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path.basename(file)]);
  }
  const named = (name: string) =>
    name === 'intervals.csv' && draws
      ? `${name} (the ranges of ${counted(draws.count, 'draw')}, seed ${draws.seed})`
      : name;
  return `${fitText(
    `Wrote ${[...byFolder].map(([folder, names]) => `${andList(names.map(named))} in ${folder}`).join('; ')}.`,
    width,
  )}\n`;
}
