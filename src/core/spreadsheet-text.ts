/**
 * Spreadsheet-safe text: a text cell starting with = + - @ tab or CR would run as a
 * formula in Excel (CSV injection), so it gets a leading apostrophe. Figures are
 * Decimals, never text, so a negative balance stays a plain -123.45.
 */
export function neutraliseText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The inverse, for CSVs this tool wrote and reads back (tariffs import). */
export function restoreText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
