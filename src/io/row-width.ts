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
