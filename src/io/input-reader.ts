import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { error, type Issue } from '../core/issue.js';
import { type ColumnSpec, type CsvTable, readCsvTable } from './csv-table.js';
import { displayPath, type InputForm, readInput, readInputBytes } from './files.js';
import type { Limits } from './limits.js';
import { inPackage as inPackageFolder, packagePathHint } from './package-path.js';
import { packageRoot, provenanceName } from './provenance-name.js';
import { filesIn, lookalikeAdvice, lookalikeFiles, notReadWarning } from './lookalike-files.js';
import { linkedOutside } from './inside-folders.js';

/** A file read as an input, with the SHA-256 of its bytes: what the provenance manifest lists. */
export interface InputDigest {
  readonly path: string;
  readonly sha256: string;
}

/** Problems with a whole CSV table: its rows are not read until they are fixed. */
const TABLE_LEVEL: ReadonlySet<string> = new Set([
  'CSV_MALFORMED',
  'MISSING_COLUMN',
  'TOO_MANY_ROWS',
  'FIELD_TOO_LONG',
]);

/**
 * True when a table's issues leave its rows readable. A table that cannot be read, or lacks a
 * required column, is not read row by row: every row (and checks such as EMPTY_COHORT) would
 * only repeat the one problem.
 */
export const rowsReadable = (issues: readonly Issue[]): boolean =>
  !issues.some((issue) => TABLE_LEVEL.has(issue.code));

/**
 * Reads the inputs of one model folder: each file read once, its SHA-256 noted in `inputs`, a
 * required file that is missing reported as FILE_MISSING, a refused one (too large, not UTF-8,
 * not a regular file) reported as such. Names are relative to the folder; a file so named that is
 * a link out of the folder is refused unless `allowOutside` (--allow-outside), as a tariff outside
 * it is. An absolute name is a file given on the command line (--hnb-from), read where it is.
 */
export class InputReader {
  constructor(
    readonly dir: string,
    readonly limits: Limits,
    readonly allowOutside = false,
    readonly issues: Issue[] = [],
    readonly inputs: InputDigest[] = [],
  ) {}

  /** The file's bytes, or undefined (with the problem noted when it matters). */
  bytes(name: string, required: boolean): { bytes: Buffer; display: string } | undefined {
    const filePath = path.resolve(this.dir, name);
    const display = displayPath(filePath);
    if (this.outside(name, filePath, display)) return undefined;
    const result = readInputBytes(filePath, display, this.limits.maxFileBytes, 'csv');
    if (result.status === 'ok') {
      this.read(result, display);
      return { bytes: result.file.bytes, display };
    }
    this.missing(result, name, display, required);
    return undefined;
  }

  /** The file's text, or undefined (with the problem noted when it matters): a CSV's, or JSON's (InputForm). */
  text(
    name: string,
    required: boolean,
    form: InputForm,
  ): { text: string; display: string } | undefined {
    const filePath = path.resolve(this.dir, name);
    const display = displayPath(filePath);
    if (this.outside(name, filePath, display)) return undefined;
    const result = readInput(filePath, display, this.limits.maxFileBytes, form);
    if (result.status === 'ok') {
      this.read(result, display);
      return { text: result.file.text, display };
    }
    this.missing(result, name, display, required);
    return undefined;
  }

  /** A CSV table, or undefined when its file is missing or its rows cannot be read (rowsReadable). */
  table(name: string, spec: ColumnSpec, required: boolean): CsvTable | undefined {
    const file = this.text(name, required, 'csv');
    if (!file) return undefined;
    const parsed = readCsvTable(file.text, file.display, spec, this.limits);
    this.issues.push(...parsed.issues);
    return rowsReadable(parsed.issues) ? parsed : undefined;
  }

  /** True (the problem noted) when a file of the folder is a link out of it (linkedOutside). */
  private outside(name: string, filePath: string, display: string): boolean {
    if (this.allowOutside || path.isAbsolute(name)) return false;
    const issue = linkedOutside(filePath, this.dir, display);
    if (issue) this.issues.push(issue);
    return issue !== undefined;
  }

  /** A file read: its SHA-256 for the manifest, and its warning (READ_AS_WINDOWS_1252), if any. */
  private read(
    result: { readonly file: { readonly sha256: string }; readonly warning?: Issue },
    display: string,
  ): void {
    this.inputs.push({ path: display, sha256: result.file.sha256 });
    if (result.warning) this.issues.push(result.warning);
  }

  private missing(
    result: { status: 'missing' } | { status: 'refused'; issue: Issue },
    name: string,
    display: string,
    required: boolean,
  ): void {
    if (result.status === 'refused') {
      this.issues.push(result.issue);
      return;
    }
    const lookalikes = path.isAbsolute(name) ? [] : lookalikeFiles(this.files(), name);
    if (required) {
      const { message, hint } = missingFile(this.dir, name);
      const found = lookalikes[0];
      this.issues.push(
        error(
          'FILE_MISSING',
          message,
          { file: display },
          hint ?? (found ? `found ${found}: ${lookalikeAdvice(found, name)}` : undefined),
        ),
      );
    } else for (const file of lookalikes) this.issues.push(notReadWarning(this.dir, file, name));
  }

  /** The folder's files, listed once. */
  private files(): readonly string[] {
    this.listing ??= filesIn(this.dir);
    return this.listing;
  }

  private listing: string[] | undefined;
}

/**
 * A relative folder that is one of highneeds' own (`fixtures/example`, as every --help example
 * names it) given from another working folder: where it is. A user trial ran an example from
 * their own folder and was told only that there is no such folder.
 */
function packageFolderHint(dir: string): string | undefined {
  const inPackage = inPackageFolder(dir);
  if (!inPackage || !existsSync(path.join(inPackage, 'model.json'))) return undefined;
  // Any command that reads a model runs on the shipped example given no folder (an officer's
  // trial ran report's example and was told to run project); for another fixture, that is not it.
  const example = path.join(path.resolve(packageRoot()), 'fixtures', 'example');
  return `${packagePathHint(dir)}${inPackage === example ? ', or give no folder: every command that reads a model runs on the shipped example without one' : ''}`;
}

/**
 * Why a required file is missing, in words that fit the folder given: a folder that does not
 * exist, or a file given for the folder (a user trial dragged cohort.csv onto the command and was
 * told "cohort.csv/model.json was not found in cohort.csv").
 */
function missingFile(dir: string, name: string): { message: string; hint?: string } {
  const shown = displayPath(dir);
  // A file named on the command line (--hnb-from) is looked for where it was named, not in the
  // model folder (a user trial's was "not found in" the folder).
  if (path.isAbsolute(name)) return { message: `required file ${displayPath(name)} was not found` };
  const kind = statSync(dir, { throwIfNoEntry: false });
  if (kind === undefined)
    return {
      message: `required file ${name} was not found: there is no folder ${shown}`,
      hint:
        packageFolderHint(dir) ??
        'give the path of the model folder, the one that holds model.json (relative to the folder you run in, or in full)',
    };
  if (!kind.isDirectory())
    return {
      message: `required file ${name} was not found: ${shown} is a file, not a model folder`,
      hint: `give the folder that holds model.json and the CSVs: ${displayPath(path.dirname(dir))}`,
    };
  const inside = name === 'model.json' ? modelFoldersIn(dir) : [];
  return {
    message: `required file ${name} was not found in ${shown}`,
    // The folder above the model's, or one that holds several (found by an officer's user trial,
    // run from the folder their models were in): name those that hold a model.json.
    ...(inside.length
      ? {
          hint: `${shown} holds ${inside.length === 1 ? 'a model folder' : 'model folders'}: ${inside
            .slice(0, 5)
            .map((d) => displayPath(path.join(dir, d)))
            .join(
              ', ',
            )}${inside.length > 5 ? ` and ${inside.length - 5} more` : ''}; give ${inside.length === 1 ? 'it' : 'one of them'} (validate and batch read a folder of model folders whole)`,
        }
      : {}),
  };
}

/** The sub-folders of `dir` that hold a model.json, sorted; none when it cannot be read. */
function modelFoldersIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'model.json')),
      )
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Input paths as the provenance manifest records them (src/io/provenance-name.ts): a file of
 * highneeds's library as `highneeds:tariffs/…`, any other relative to the model folder with "/"
 * between names, so the same run from another working folder or another install writes the same
 * bytes.
 */
export function relativeInputs(dir: string, inputs: readonly InputDigest[]): InputDigest[] {
  return inputs.map((input) => ({ path: fromModel(dir, input.path), sha256: input.sha256 }));
}

/** A path as a manifest records it: a library name, or relative to the model folder. */
export const fromModel = (dir: string, file: string): string => provenanceName(dir, file);
