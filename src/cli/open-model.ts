import * as path from 'node:path';
import { InputError, UsageError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import type { Model } from '../core/model.js';
import type { Projection } from '../core/projection.js';
import type { Scenario } from '../core/scenario/types.js';
import { fromModel, type InputDigest } from '../io/input-reader.js';
import { exists } from '../io/inside-folders.js';
import { limitsFromEnvironment } from '../io/limits.js';
import {
  openModel as openModelFolder,
  type OpenedModel,
  projectOpened,
  unknownScenario,
} from '../io/open-model.js';
import { type NationalArea, openNationalArea } from '../io/national-area.js';
import { isFolderOfModels } from '../io/batch/model-folders.js';
import { isNationalFolder } from '../io/batch/read-sources.js';
import { displayPath } from '../io/files.js';
import { resolveTariff } from '../io/tariff-library.js';
import { defaultModelDir, defaultTariffDir } from './version.js';
import { cliIo } from './cli-io.js';
import { spinner } from './terminal.js';

export interface ModelOptions {
  /** --tariff: a file or library id replacing the model's tariff. */
  readonly tariff?: string;
  /** --scenarios-file: scenarios other than the model folder's scenarios.json. */
  readonly scenariosFile?: string;
  /** --hnb-from: nff output files supplying hnb_allocation for the model's area. */
  readonly hnbFrom?: readonly string[];
  /** --allow-outside: let model files name tariffs outside the model folder and the library. */
  readonly allowOutside?: boolean;
  /** --area: one area of a national model, by its code in areas.csv (or its name). */
  readonly area?: string;
  /**
   * With --area: a spinner while the national files are read, which takes seconds for a whole
   * country's cohort; off under --quiet or with JSON output (src/cli/terminal.ts). Not given by a
   * command that has a spinner of its own round the read (project).
   */
  readonly reading?: { readonly quiet: boolean; readonly json: boolean };
}

export interface OpenModel {
  readonly model: Model;
  readonly scenarios: readonly Scenario[];
  /** Warnings (errors stop at InputError). */
  readonly issues: readonly Issue[];
  readonly inputs: readonly InputDigest[];
  /** With --area: the area as read, for worker threads to build the same Model from (simulate). */
  readonly nationalArea?: NationalArea;
}

/** --tariff as a file: a path, or the id of a table in the library; a usage error when it is neither. */
export function tariffOption(tariff: string | undefined): string | undefined {
  if (tariff === undefined) return undefined;
  const file = resolveTariff(tariff, defaultTariffDir());
  if (!file)
    throw new UsageError(
      `--tariff "${tariff}" is neither a tariff file nor the id of one in the library`,
    );
  return file;
}

/**
 * --tariff as a manifest's options record it: a library id as given, a file by its provenance
 * name (a library name, or relative to the model folder), not as typed, which depends on the
 * working folder.
 */
export const tariffOptionRecorded = (dir: string, tariff: string): string =>
  exists(tariff) ? fromModel(dir, tariff) : tariff;

/** The command line's options as the library's (src/io/open-model.ts). */
export function modelLoadOptions(options: ModelOptions) {
  const tariffFile = tariffOption(options.tariff);
  return {
    limits: limitsFromEnvironment(cliIo().env),
    libraryDir: defaultTariffDir(),
    ...(tariffFile ? { tariffFile } : {}),
    ...(options.hnbFrom ? { hnbFrom: options.hnbFrom } : {}),
    ...(options.scenariosFile ? { scenariosFile: options.scenariosFile } : {}),
    ...(options.allowOutside ? { allowOutside: true } : {}),
  };
}

/**
 * Reads a model folder and its scenarios, with every check, or with --area one area of a national
 * model as batch models it (src/io/national-area.ts); throws InputError on any error.
 */
export async function openModel(dir: string, options: ModelOptions = {}): Promise<OpenModel> {
  const open =
    options.area === undefined
      ? openModelFolder(dir, modelLoadOptions(options))
      : await openArea(dir, options.area, options);
  if (!open.model) throw new InputError(open.issues);
  return { ...open, model: open.model };
}

async function openArea(dir: string, area: string, options: ModelOptions): Promise<OpenedModel> {
  // No folder given, the default is the shipped example: said as such, and "." offered when the
  // working folder is a national model (found by a DfE analyst's trial: `cd national; highneeds
  // explain --area E1001` said the example, by its path in the install, was not a national model).
  if (path.resolve(dir) === path.resolve(defaultModelDir()))
    throw new UsageError(
      `--area ${area}: the model folder is the shipped example (the default when none is given), one area's model; give the national model's folder before --area${isNationalFolder('.') ? ' (here: .)' : ''}`,
    );
  // No model.json there (a path mistyped): said as without --area, where the message says which
  // (found by a DfE analyst's trial: `--area E1001` on a misspelt bench/data/nationl said it "is
  // not a national model (its model.json names no areas table)"). A folder of model folders has
  // none either: openNationalArea says it has no areas table.
  if (!exists(path.join(dir, 'model.json')) && !isFolderOfModels(dir))
    return openModelFolder(dir, modelLoadOptions(options));
  const progress = options.reading
    ? (await spinner(readingArea(dir, area), options.reading)).start()
    : undefined;
  let open: Awaited<ReturnType<typeof openNationalArea>>;
  try {
    open = await openNationalArea(dir, area, modelLoadOptions(options));
  } finally {
    progress?.stop();
  }
  if (open.notListed) throw new UsageError(open.notListed.message, [open.notListed]);
  return open;
}

/**
 * What the terminal says while --area reads a national model: every area's rows are read, as
 * batch reads them, so one area takes as long to open as the whole cohort takes to read (some
 * 2 s for England's). The one-area commands other than project said nothing meanwhile (found by
 * a DfE analyst's trial).
 */
export const readingArea = (dir: string, area: string): string =>
  `Reading the national model ${displayPath(dir)} for area ${area.trim()} (every area's rows, as batch reads them)`;

/**
 * The scenarios named on the command line. An id the model does not define is a bad option value:
 * a usage error (exit 2), every one at once, located at the option, with the ids it has
 * (docs/errors.md, "Exit codes"); a scenario file's own unknown "base" stays an input error.
 */
export function findScenarios(
  open: OpenModel,
  ids: readonly string[],
  option: '--scenario' | '--scenarios',
): Scenario[] {
  const unknown = ids.filter((id) => !open.scenarios.some((s) => s.id === id));
  if (unknown.length)
    throw new UsageError(
      `${option}: no scenario ${unknown.join(', ')}`,
      unknown.map((id) => unknownScenario(open.scenarios, id, { file: option })),
    );
  return ids.map((id) => open.scenarios.find((s) => s.id === id)!);
}

export function findScenario(open: OpenModel, id: string): Scenario {
  return findScenarios(open, [id], '--scenario')[0]!;
}

/** Reads a model (and its scenarios), then projects it, or the scenario named; throws InputError on any error. */
export async function loadAndProject(
  dir: string,
  options: ModelOptions & { scenario?: string } = {},
): Promise<{ open: OpenModel; projection: Projection; issues: readonly Issue[] }> {
  const open = await openModel(dir, options);
  if (options.scenario !== undefined) findScenario(open, options.scenario);
  const { projection, issues } = projectOpened(open, options.scenario);
  if (!projection) throw new InputError(issues);
  return { open, projection, issues };
}
