import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { type Issue, warning } from '../core/issue.js';
import type { AcademicYear } from '../core/period.js';
import type { Tariff } from '../core/tariff.js';
import { displayPath } from './files.js';
import type { InputDigest } from './input-reader.js';
import { initTemplate } from './init-template.js';
import { andList } from '../core/words.js';

/**
 * TEMPLATE_ROWS: each table of a model folder that is byte for byte as `highneeds init` wrote it,
 * example rows and all. Found by a finance officer's trial: a folder whose cohort (12 pupils),
 * allocation (£600,000) and spend line were still init's examples validated and projected without
 * a word. The tables init writes depend on the tariff and the base year alone (src/io/init-template.ts),
 * so they are made again and compared by SHA-256 with the files read; a table init leaves with its
 * header only (population.csv, capacity.csv) holds no example. A national model's (init --national)
 * are checked while its areas.csv holds one area: the tables' area column is its code.
 */
export function templateTables(
  dir: string,
  made: {
    readonly tariff: Tariff;
    readonly baseYear: AcademicYear;
    /** A national model's one area, whose code its tables' `area` column holds. */
    readonly area?: { readonly code: string; readonly name: string };
  },
  inputs: readonly InputDigest[],
): Issue[] {
  const read = new Map(inputs.map((input) => [input.path, input.sha256]));
  const template = initTemplate({
    code: made.area?.code ?? '',
    name: made.area?.name ?? '',
    tariffName: '',
    tariff: made.tariff,
    baseYear: made.baseYear,
    national: made.area !== undefined,
  });
  // areas.csv names the areas: init writes the one it was given, the analyst's own.
  const untouched = template.filter(({ name, text }) => {
    if (name === 'areas.csv') return false;
    const examples = text.split('\n').filter((line) => line !== '').length - 1;
    const file = displayPath(path.resolve(dir, name));
    if (!name.endsWith('.csv') || examples === 0 || !read.has(file)) return false;
    return read.get(file) === sha256(text) || initRows(path.resolve(dir, name), text) === 'whole';
  });
  // A table whose rows were added below init's examples, which are still read with them.
  const kept = template.filter(
    ({ name, text }) =>
      name.endsWith('.csv') &&
      name !== 'areas.csv' &&
      !untouched.some((t) => t.name === name) &&
      read.has(displayPath(path.resolve(dir, name))) &&
      text.split('\n').filter((line) => line !== '').length > 1 &&
      initRows(path.resolve(dir, name), text) === 'above',
  );
  return [
    ...(untouched.length ? [untouchedWarning(dir, untouched)] : []),
    ...kept.map(({ name, text }) => keptWarning(dir, name, text)),
  ];
}

const HINT =
  "replace each example row with your own figures (the folder's README.md says what each column means and where it comes from), or delete it if the table has none";

/** One warning for the folder, at the first table as init wrote it: a fresh folder has seven. */
function untouchedWarning(dir: string, untouched: readonly { name: string }[]): Issue {
  const names = untouched.map(({ name }) => name);
  const one = names.length === 1;
  return warning(
    'TEMPLATE_ROWS',
    `${andList(names)} ${one ? 'is' : 'are'} as highneeds init wrote ${one ? 'it' : 'them'}: the example rows are not your figures`,
    { file: displayPath(path.resolve(dir, names[0]!)), line: 2 },
    HINT,
  );
}

/**
 * A table that begins with init's header and example rows, with more rows below them: an officer
 * who pasted their figures under the example kept its 12 pupils (or its rates, places or spend
 * line) among their own, read as figures without a word (found by a finance officer's trial).
 */
function keptWarning(dir: string, name: string, text: string): Issue {
  const rows = text.split('\n').filter((line) => line !== '').length - 1;
  const lines = rows === 1 ? 'line 2' : `lines 2 to ${rows + 1}`;
  return warning(
    'TEMPLATE_ROWS',
    `${name} still begins with the example ${rows === 1 ? 'row' : 'rows'} highneeds init wrote (${lines}), above your own: ${rows === 1 ? 'it is' : 'they are'} read as figures with them`,
    { file: displayPath(path.resolve(dir, name)), line: 2 },
    HINT,
  );
}

/**
 * Whether the file is `text` (init's table, header and example rows), `whole`, or begins with it
 * and goes on past it, `above`: read as far as that alone, so a large cohort is not read twice,
 * with Excel's byte order mark and CRLF or CR line ends, as a spreadsheet saves the file, read as
 * init's LF (a table opened and saved again from Excel, examples and all, is still init's).
 */
function initRows(file: string, text: string): 'whole' | 'above' | undefined {
  const wanted = Buffer.byteLength(text, 'utf8');
  // Room for a byte order mark, a CR before each LF, and one more byte of the rows below.
  const buffer = Buffer.alloc(3 + 2 * wanted + 1);
  let length: number;
  try {
    const fd = openSync(file, 'r');
    try {
      length = readSync(fd, buffer, 0, buffer.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const start = buffer
    .subarray(0, length)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const lf = start.replace(/\r\n?/g, '\n');
  if (!lf.startsWith(text)) return undefined;
  return lf.slice(text.length).trim() === '' ? 'whole' : 'above';
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
