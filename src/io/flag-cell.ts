import { error, type Issue } from '../core/issue.js';
import type { CsvRow } from './csv-table.js';
import { spreadsheetErrorValue } from './why-not-decimal.js';

// Y and N as case systems export a flag (found by a user trial).
const YES = new Set(['1', 'true', 'yes', 'y']);
const NO = new Set(['', '0', 'false', 'no', 'n']);

/**
 * A yes/no cell such as `out_of_area`, as a spreadsheet or an export writes one: empty, 0, false,
 * no or n is no; 1, true, yes or y is yes (any case, spaces around ignored). Anything else is an
 * INVALID_FLAG error at the cell, and undefined.
 */
export function flagCell(row: CsvRow, column: string, issues: Issue[]): boolean | undefined {
  const text = row.get(column).trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  issues.push(
    error(
      'INVALID_FLAG',
      `"${row.label(column)}" is "${row.get(column)}", which is not a yes/no value`,
      row.at(column),
      spreadsheetErrorValue(row.get(column), 'a yes/no value') ??
        'write 1, true, yes or y for yes; leave it empty or write 0, false, no or n for no',
    ),
  );
  return undefined;
}
