import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { type Issue, warning } from '../core/issue.js';
import { displayPath } from './files.js';

/** Extensions a spreadsheet saves a workbook under: not a table the tool reads until saved as CSV. */
const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;

/**
 * A file name as compared with a table's: lower case, without its extension, a copy's " (1)" or
 * " - Copy", or spaces, underscores and hyphens ("New Plans (1).csv" is new-plans.csv's).
 */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/(\.(csv|txt|json|xlsx|xlsm|xls|ods))+$/, '')
    .replace(/\s*(\(\d+\)|-\s*copy(\s*\(\d+\))?|copy)$/, '')
    .replace(/[\s_-]+/g, '');
}

/**
 * The files of a folder named like the table `name` that are not it: Places.csv, places (1).csv,
 * new_plans.csv, places.xlsx. A table the folder lacks is not read, so such a file's figures are
 * left out without a word (found by an officer's trial: places.xlsx beside no places.csv, and every
 * setting's places were its pupils). A CSV table's may be a workbook; either may end in the .txt
 * Notepad adds (scenarios.json.txt).
 */
export function lookalikeFiles(files: readonly string[], name: string): string[] {
  const ext = path.extname(name).toLowerCase();
  const key = nameKey(name);
  return files.filter((file) => {
    const its = path.extname(file).toLowerCase();
    const kind = its === ext || its === '.txt' || (ext === '.csv' && WORKBOOK.test(file));
    return file !== name && kind && nameKey(file) === key;
  });
}

/** What to do with a file named like a table: save a workbook as CSV, or rename the file. */
export function lookalikeAdvice(file: string, name: string): string {
  return WORKBOOK.test(file)
    ? `if it is the table, save it from the spreadsheet as "CSV UTF-8 (Comma delimited)", named ${name}`
    : `if it is the table, rename it ${name}`;
}

/** The names of the files in a folder; none when it cannot be read. */
export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** FILE_NOT_READ at `file`, a file of `dir` named like the table `name` the folder lacks. */
export function notReadWarning(dir: string, file: string, name: string): Issue {
  return warning(
    'FILE_NOT_READ',
    `${file} is not read: the model reads ${name}, which this folder does not have, so its figures are left out`,
    { file: displayPath(path.resolve(dir, file)) },
    lookalikeAdvice(file, name),
  );
}
