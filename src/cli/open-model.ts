import { InputError, UsageError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import type { Model } from '../core/model.js';
import type { Projection } from '../core/projection.js';
import type { Scenario } from '../core/scenario/types.js';
import { fromModel, type InputDigest } from '../io/input-reader.js';
import { exists } from '../io/inside-folders.js';
import { limitsFromEnvironment } from '../io/limits.js';
import { openModel as openModelFolder, projectOpened, unknownScenario } from '../io/open-model.js';
import { resolveTariff } from '../io/tariff-library.js';
import { defaultTariffDir } from './version.js';
import { cliIo } from './cli-io.js';

export interface ModelOptions {
  /** --tariff: a file or library id replacing the model's tariff. */
  readonly tariff?: string;
  /** --scenarios-file: scenarios other than the model folder's scenarios.json. */
  readonly scenariosFile?: string;
  /** --hnb-from: nff output files supplying hnb_allocation for the model's area. */
  readonly hnbFrom?: readonly string[];
  /** --allow-outside: let model files name tariffs outside the model folder and the library. */
  readonly allowOutside?: boolean;
}

export interface OpenModel {
  readonly model: Model;
  readonly scenarios: readonly Scenario[];
  /** Warnings (errors stop at InputError). */
  readonly issues: readonly Issue[];
  readonly inputs: readonly InputDigest[];
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

/** Reads a model folder and its scenarios, with every check; throws InputError on any error. */
export function openModel(dir: string, options: ModelOptions = {}): OpenModel {
  const open = openModelFolder(dir, modelLoadOptions(options));
  if (!open.model) throw new InputError(open.issues);
  return { ...open, model: open.model };
}

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
export function loadAndProject(
  dir: string,
  options: ModelOptions & { scenario?: string } = {},
): { open: OpenModel; projection: Projection; issues: readonly Issue[] } {
  const open = openModel(dir, options);
  if (options.scenario !== undefined) findScenario(open, options.scenario);
  const { projection, issues } = projectOpened(open, options.scenario);
  if (!projection) throw new InputError(issues);
  return { open, projection, issues };
}
