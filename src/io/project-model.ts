import { error, hasErrors, sortIssues, uniqueIssues, type Issue } from '../core/issue.js';
import { project } from '../core/project.js';
import type { Projection } from '../core/projection.js';
import { projectScenario } from '../core/scenario/apply.js';
import { checkScenarios } from '../core/scenario/check.js';
import { loadScenarios } from './load-scenarios.js';
import { shippedLibraryDir } from './tariff-library.js';
import { type InputDigest, loadModel, type LoadOptions } from './read-model.js';

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
  const library = options.libraryDir ?? shippedLibraryDir();
  const loaded = loadModel(dir, { ...options, libraryDir: library });
  const fromScenarios = loadScenarios(dir, library);
  const inputs = [...loaded.inputs, ...fromScenarios.inputs];
  const issues: Issue[] = [...loaded.issues, ...fromScenarios.issues];
  if (loaded.model && fromScenarios.scenarios)
    issues.push(...checkScenarios(loaded.model, fromScenarios.scenarios));
  const scenario =
    options.scenario === undefined
      ? undefined
      : fromScenarios.scenarios?.find((s) => s.id === options.scenario);
  if (options.scenario !== undefined && !scenario)
    issues.push(error('UNKNOWN_SCENARIO', `scenario "${options.scenario}" is not defined`));
  if (!loaded.model || hasErrors(issues))
    return { issues: uniqueIssues(sortIssues(issues)), inputs };
  const outcome = scenario ? projectScenario(loaded.model, scenario) : project(loaded.model);
  const all = uniqueIssues(sortIssues([...issues, ...outcome.issues]));
  return hasErrors(all) || !outcome.projection
    ? { issues: all, inputs }
    : { projection: outcome.projection, issues: all, inputs };
}
