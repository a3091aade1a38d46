import { createHash } from 'node:crypto';
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
 * header only (population.csv, capacity.csv) holds no example.
 */
export function templateTables(
  dir: string,
  tariff: Tariff,
  baseYear: AcademicYear,
  inputs: readonly InputDigest[],
  /**
   * A national model folder's first area code in areas.csv: init --national writes its example
   * rows under it (found by a review: a national folder as init wrote it validated and ran a batch
   * without a word). Its areas.csv is the analyst's list, not an example.
   */
  nationalArea?: string,
): Issue[] {
  const read = new Map(inputs.map((input) => [input.path, input.sha256]));
  const template = initTemplate({
    code: nationalArea ?? '',
    name: '',
    tariffName: '',
    tariff,
    baseYear,
    national: nationalArea !== undefined,
  });
  const untouched = template.filter(({ name, text }) => {
    const examples = text.split('\n').filter((line) => line !== '').length - 1;
    const file = displayPath(path.resolve(dir, name));
    return (
      name.endsWith('.csv') &&
      name !== 'areas.csv' &&
      examples > 0 &&
      read.get(file) === sha256(text)
    );
  });
  if (untouched.length === 0) return [];
  // One warning for the folder, at the first such table: a fresh folder has seven.
  const names = untouched.map(({ name }) => name);
  const one = names.length === 1;
  return [
    warning(
      'TEMPLATE_ROWS',
      `${andList(names)} ${one ? 'is' : 'are'} as highneeds init wrote ${one ? 'it' : 'them'}: the example rows are not your figures`,
      { file: displayPath(path.resolve(dir, names[0]!)), line: 2 },
      "replace each example row with your own figures (the folder's README.md says what each column means and where it comes from), or delete it if the table has none",
    ),
  ];
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
