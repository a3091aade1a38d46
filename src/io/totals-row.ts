import { warning, type Issue } from '../core/issue.js';
import type { ColumnSpec } from './csv-table.js';

/**
 * What a spreadsheet's totals line begins with: "Total", "Totals:", "Grand total", "Subtotal",
 * "Sub-total", "Total EHCPs", "Sum". No table's first column in its documented order (an NCY, an
 * area code, a year, a kind) holds such a value; a code that does, first in a reordered file, is
 * told apart by the row's other cells (FIGURE).
 */
const TOTAL_LABEL = /^(?:grand\s+|sub-?\s*)?totals?\b|^sum\b/i;

/** Whether a cell is a total's label, as a totals row's first filled cell is (a national table's may be its area cell). */
export const isTotalLabel = (cell: string): boolean => TOTAL_LABEL.test(cell.trim());

/**
 * The columns, by field number, of which a totals row leaves one empty: those every row must
 * fill. None in a table this tool wrote with its own total (an nff output read by --hnb-from,
 * whose spec ignores the other columns), where no totals row is looked for.
 */
export const totalsRowColumns = (
  spec: ColumnSpec,
  columns: ReadonlyMap<string, number>,
): readonly number[] =>
  spec.ignoreOthers ? [] : spec.required.flatMap((name) => columns.get(name.toLowerCase()) ?? []);

/** A figure as a totals line holds one: digits with £, sign, brackets, separators or a % (never a code or a name). */
const FIGURE = /^[-+(£\s]*\d[\d,.\s]*\)?%?$/;

/**
 * Whether a CSV row is a totals line a spreadsheet's sheet kept when saved (found by a user
 * trial: an officer's cohort.csv ending "Total,,,,2504" was four errors about an NCY and empty
 * cells): its first filled cell is a total's label, every other filled cell is a figure, and a
 * column every row must fill is empty. A row that also names a need, a setting or a year is data,
 * whatever its first cell says (a setting "total-communication" first in a reordered file), and
 * keeps its own errors. A totals row is no data row in any table, so it is left out, and said
 * (TOTALS_ROW): the run adds its rows up itself.
 */
export function totalsRowIssue(
  record: readonly string[],
  requiredAt: readonly number[],
  file: string,
  line: number,
): Issue | undefined {
  const first = record.findIndex((cell) => cell.trim() !== '');
  if (first < 0 || !isTotalLabel(record[first]!)) return undefined;
  if (record.some((cell, at) => at !== first && cell.trim() !== '' && !FIGURE.test(cell.trim())))
    return undefined;
  if (!requiredAt.some((at) => (record[at] ?? '').trim() === '')) return undefined;
  return warning(
    'TOTALS_ROW',
    `"${record[first]!.trim()}" begins a spreadsheet's totals row, not a row of data: it is left out, and the rows themselves are added up`,
    { file, line, column: first + 1 },
    'nothing to do; or delete the totals row from the sheet before saving it as CSV',
  );
}
