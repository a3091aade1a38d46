import type { BatchRow } from '../../io/batch/run.js';
import { isNationalFolder } from '../../io/batch/read-sources.js';
import { displayPath } from '../../io/files.js';
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
