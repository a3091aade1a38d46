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

/**
 * COLUMN_COUNT for a row that does not fit its header (fitsHeader), at the row's line. A field
 * holding a line break in a row too wide is rows run together: in a file whose first line ends in
 * CR LF (as Excel saves it), lines ending in LF alone (rows added by another program) are not line
 * ends to the reader. A national trial's funding.csv with rows so appended was told only "row has
 * 9 fields but the header has 5 columns", at a line that looked right.
 */
export function columnCountIssue(
  fields: readonly string[],
  width: number,
  file: string,
  line: number,
): Issue {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const runTogether = fields.length > width && runsTogether(fields, width);
  return error(
    'COLUMN_COUNT',
    `row has ${count(fields.length, 'field')} but the header has ${count(width, 'column')}${runTogether ? ': it runs on past a line break, as lines ending in LF alone do in a file whose lines end in CR LF (rows added by another program to a file saved from Excel)' : ''}`,
    { file, line },
    runTogether
      ? 'open the file in the spreadsheet and save it again as CSV, so that every line ends the same way'
      : undefined,
  );
}

/**
 * True when the row, cut at each line break in its cells, is rows (each the header's width, or
 * one short of it, a last optional cell left off as the trial's appended rows did): rows run
 * together. A cell that holds a line break of its own, as Excel writes a note typed with
 * Alt+Enter, beside a stray extra cell, was said to be rows run together and told to be saved
 * again (found by a review); cut there, it leaves a piece too short for a row.
 */
function runsTogether(fields: readonly string[], width: number): boolean {
  const pieces: number[] = [];
  let piece = 0;
  fields.forEach((field, i) => {
    const parts = field.split('\n');
    // The line break that ends the last row (the file's last) starts no row of its own.
    if (i === fields.length - 1 && parts.length > 1 && parts.at(-1) === '') parts.pop();
    piece += 1;
    for (let part = 1; part < parts.length; part += 1) {
      pieces.push(piece);
      piece = 1;
    }
  });
  pieces.push(piece);
  return pieces.length > 1 && pieces.every((n) => n >= width - 1);
}
