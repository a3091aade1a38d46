import { error, type Issue } from '../core/issue.js';
import { matchKey } from './column-names.js';
import type { ColumnSpec } from './csv-table.js';
import { writtenName } from './csv-header.js';

/** How far down a sheet's column names are looked for: a title, a date and a blank line or two. */
export const LINES_LOOKED_AT = 10;

type Below = readonly { readonly record: readonly string[]; readonly line: number }[];

/**
 * MISSING_COLUMN once, at the first line, for a table whose column names are a few lines down:
 * a sheet saved with a title above its table ("EHCP cohort January 2026"), which otherwise gave
 * a "required column is missing" for every column on line 1 while the next line held them all
 * (found by a user trial). Only when line 1 holds none of the required columns and a line below
 * holds every one.
 */
export function headerBelowIssue(
  header: { readonly record: readonly string[]; readonly line: number },
  /** The records below the header, or how to read them: asked for only when the header holds no required column. */
  below: Below | (() => Below),
  spec: ColumnSpec,
  file: string,
): Issue | undefined {
  const required = spec.required.map(matchKey);
  const holds = (record: readonly string[], key: string): boolean =>
    record.some((cell) => matchKey(writtenName(cell)) === key);
  if (required.length === 0 || required.some((key) => holds(header.record, key))) return undefined;
  const found = (typeof below === 'function' ? below() : below)
    .slice(0, LINES_LOOKED_AT)
    .find(({ record }) => required.every((key) => holds(record, key)));
  if (!found) return undefined;
  const title = header.record.find((cell) => cell.trim() !== '')?.trim();
  const above = found.line - header.line;
  return error(
    'MISSING_COLUMN',
    `the column names are on line ${found.line}, not line ${header.line}${title ? ` (which holds "${title}")` : ''}`,
    { file, line: header.line },
    `delete the ${above === 1 ? 'line' : `${above} lines`} above the column names, so that they are the file's first line`,
  );
}
