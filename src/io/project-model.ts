import type { Issue } from '../core/issue.js';
import { described } from '../core/scenario/scenario-argument.js';
import type { Projection } from '../core/projection.js';
import type { InputDigest } from './input-reader.js';
import { checkLoadOptions, LOAD_OPTION_NAMES, type LoadOptions } from './model-folder.js';
import { openModel, projectOpened } from './open-model.js';

export interface ProjectModelOptions extends LoadOptions {
  /** Project this scenario of the folder's scenarios.json instead of the model as given. */
  readonly scenario?: string;
}

export interface ProjectedModel {
  /** Present only when no input had an error. */
  readonly projection?: Projection;
  /** Every problem found, errors and warnings, in a stable order. */
  readonly issues: readonly Issue[];
  readonly inputs: readonly InputDigest[];
}

/**
 * Reads a model folder and projects it (or one of its scenarios), as `highneeds project` does,
 * returning plain unrounded data and every issue rather than throwing. The same figures as the CLI.
 */
export function projectModel(dir: string, options: ProjectModelOptions = {}): ProjectedModel {
  checkLoadOptions<ProjectModelOptions>(
    'projectModel',
    options,
    { ...LOAD_OPTION_NAMES, scenario: true },
    `{ scenario: ${JSON.stringify(typeof options === 'string' ? options : 'mitigated')} }`,
  );
  const scenario: unknown = options.scenario;
  if (scenario !== undefined && typeof scenario !== 'string') {
    const object = typeof scenario === 'object' && scenario !== null && !Array.isArray(scenario);
    throw new TypeError(
      `projectModel: scenario must be the id of a scenario in the folder's scenarios.json, such as "mitigated", not ${object ? 'an object (a Scenario that loadScenarios read is projected by projectScenario(model, scenario))' : described(scenario)}`,
    );
  }
  const open = openModel(dir, options);
  return { ...projectOpened(open, options.scenario), inputs: open.inputs };
}
