import { hasErrors, sortIssues } from '../core/issue.js';
import type { Model } from '../core/model.js';
import { checkOptionNames, type OptionNames } from '../core/option-names.js';
import { checkScenarios } from '../core/scenario/check.js';
import { described } from '../core/scenario/scenario-argument.js';
import { type LoadedScenarios, loadScenarios } from './scenarios-file.js';
import { shippedLibraryDir } from './tariff-library.js';

export interface ScenariosOptions {
  /** A scenarios file other than the folder's scenarios.json (as --scenarios-file); it must exist. */
  readonly file?: string;
  /** The tariff library, for a tariff lever's library id (default: the shipped tariffs/). */
  readonly libraryDir?: string;
  /** Let a tariff lever name a table outside the folder and the library (--allow-outside). */
  readonly allowOutside?: boolean;
  /** The model the scenarios will run on: they are checked against it as the CLI checks them (levers that match nothing, moves to an unpriced setting, agreement years outside the projection). */
  // `| undefined`: the README passes loadModel's `model`, which may be undefined, and a project with
  // exactOptionalPropertyTypes refused it (an analyst's trial).
  readonly model?: Model | undefined;
}

const SCENARIOS_OPTION_NAMES: OptionNames<ScenariosOptions> = {
  file: true,
  libraryDir: true,
  allowOutside: true,
  model: true,
};

/**
 * The library's reader of a model folder's scenarios.json (docs/scenarios.md), as `loadModel`
 * reads the model: the scenarios, which `simulate`, `explainRun`, `projectScenario` and
 * `breakdownScenario` take, or no scenarios and every problem (located, sorted), rather than
 * throwing; `scenarios` is [] when the folder has no scenarios.json. `inputs`: the scenarios file
 * and each tariff a lever names, with their SHA-256.
 */
export function loadModelScenarios(dir: string, options: ScenariosOptions = {}): LoadedScenarios {
  // A scenario's id here was read as no options at all (found by a user trial): every scenario.
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const id = typeof options === 'string' ? options : 'mitigated';
    throw new TypeError(
      `loadScenarios: options must be an object such as { model }, not ${described(options)}; to pick a scenario: loadScenarios(dir).scenarios.find((s) => s.id === ${JSON.stringify(id)})`,
    );
  }
  checkOptionNames('loadScenarios', options, SCENARIOS_OPTION_NAMES, '{ model }');
  const loaded = loadScenarios(
    dir,
    options.libraryDir ?? shippedLibraryDir(),
    options.file,
    options.allowOutside,
  );
  const issues = sortIssues([
    ...loaded.issues,
    ...(options.model && loaded.scenarios ? checkScenarios(options.model, loaded.scenarios) : []),
  ]);
  return hasErrors(issues)
    ? { issues, inputs: loaded.inputs }
    : { scenarios: loaded.scenarios ?? [], issues, inputs: loaded.inputs };
}
