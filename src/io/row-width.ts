import { error, type Issue } from '../core/issue.js';

/**
 * Whether a CSV row's fields fit a header of `width` columns: as many, or more whose extra fields
 * are all empty. A spreadsheet leaves a stray comma at the end of a row whose cell to the right
 * once held something; the row's cells are all there, so it is read, as a header and rows that
 * all end in a comma already are (the empty column is skipped). Only a short row, or one whose
 * extra fields hold something, is COLUMN_COUNT: then where each cell belongs is not known.
 */
export function fitsHeader(fields: readonly string[], width: number): boolean {
  if (fields.length < width) return false;
  for (let i = width; i < fields.length; i += 1) if (fields[i]!.trim() !== '') return false;
  return true;
}

/** COLUMN_COUNT for a row that does not fit its header (fitsHeader), at the row's line. */
export function columnCountIssue(
  fields: readonly string[],
  width: number,
  file: string,
  line: number,
): Issue {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return error(
    'COLUMN_COUNT',
    `row has ${count(fields.length, 'field')} but the header has ${count(width, 'column')}`,
    { file, line },
  );
}
