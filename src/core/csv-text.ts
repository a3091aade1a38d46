import { stringify } from 'csv-stringify/sync';

/**
 * Rows of printed cells as CSV text, the one CSV writer (outputs, calibrate's files, init's
 * templates): LF line ends, and a cell quoted when it holds a comma, a quote or a line break. A
 * lone CR is a line break too, to this tool's readers as to Excel, but csv-stringify leaves it
 * bare at LF line ends: `quoted_match` quotes it.
 */
export const csvText = (rows: readonly (readonly string[])[]): string =>
  stringify(rows as string[][], { record_delimiter: 'unix', quoted_match: /\r/ });
