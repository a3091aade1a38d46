import * as path from 'node:path';
import { UsageError } from '../core/errors.js';
import { cliIo } from './cli-io.js';

export type Format = 'table' | 'csv' | 'json';

/** The format a file's extension names; other extensions (.txt, none) leave the choice to --format. */
const BY_EXTENSION: Readonly<Record<string, Format>> = { '.csv': 'csv', '.json': 'json' };
/** What `highneeds report` writes (or a spreadsheet would): a table command's --out named so is a mistake. */
const PRESENTATIONS = ['.xlsx', '.xls', '.xlsm', '.ods', '.html', '.htm'];

/**
 * The output format: --format if given, else the --out file's extension (.csv, .json), else
 * table on a terminal and CSV otherwise. An --out whose extension names another format than
 * --format, or a workbook or web page (what `highneeds report` writes), is a usage error rather
 * than a misnamed file (a user trial's `project --out p.html` wrote CSV into p.html).
 */
export function outputFormat(options: { readonly format?: Format; readonly out?: string }): Format {
  const extension = options.out === undefined ? '' : path.extname(options.out).toLowerCase();
  if (PRESENTATIONS.includes(extension)) {
    throw new UsageError(
      `--out ${options.out}: this command writes CSV, JSON or text, not ${extension}; for a workbook or a page to present, run highneeds report MODEL --out FILE.xlsx or FILE.html, or write a .csv (with --bom for Excel)`,
    );
  }
  const implied = BY_EXTENSION[extension];
  if (options.format !== undefined && implied !== undefined && options.format !== implied) {
    throw new UsageError(
      `--out ${options.out} names a ${implied.toUpperCase()} file but --format is ${options.format}; drop --format (the extension picks ${implied}) or name the file .${options.format === 'table' ? 'txt' : options.format}`,
    );
  }
  return (
    options.format ??
    implied ??
    (options.out !== undefined || !cliIo().stdout.isTTY ? 'csv' : 'table')
  );
}

/** Excel's byte order mark, so a double-clicked CSV opens as UTF-8 (names with accents, £). */
export function withBom(text: string, format: Format, bom: boolean | undefined): string {
  if (!bom) return text;
  if (format !== 'csv') throw new UsageError(`--bom applies to CSV output, not ${format}`);
  return `\uFEFF${text}`;
}
