import {
  error,
  hasErrors,
  sortIssues,
  uniqueIssues,
  type Issue,
  type Location,
} from '../core/issue.js';
import type { Model } from '../core/model.js';
import { project } from '../core/project.js';
import type { Projection } from '../core/projection.js';
import { projectScenario } from '../core/scenario/apply.js';
import { checkScenarios } from '../core/scenario/check.js';
import type { Scenario } from '../core/scenario/types.js';
import type { InputDigest } from './input-reader.js';
import { loadScenarios } from './scenarios-file.js';
import { loadModel, loadOptionsOf, type LoadOptions } from './model-folder.js';
import { shippedLibraryDir } from './tariff-library.js';
import { scenariosHint } from './scenarios-hint.js';

export interface OpenOptions extends LoadOptions {
  /** Scenarios other than the model folder's scenarios.json (--scenarios-file). */
  readonly scenariosFile?: string;
}

export interface OpenedModel {
  /** Present only when neither the model nor its scenarios had an error. */
  readonly model?: Model;
  readonly scenarios: readonly Scenario[];
  /** Every problem with the model and its scenarios, sorted. */
  readonly issues: readonly Issue[];
  readonly inputs: readonly InputDigest[];
}

/**
 * A model folder and its scenarios, with every check: what `project`, `validate`, `compare`,
 * `solve` and the library's projectModel all start from. Returns the problems rather than throwing.
 */
export function openModel(dir: string, options: OpenOptions = {}): OpenedModel {
  const libraryDir = options.libraryDir ?? shippedLibraryDir();
  // A command's options hold its others too (--format, --out), which loadModel would refuse.
  const loaded = loadModel(dir, { ...loadOptionsOf(options), libraryDir });
  const fromScenarios = loadScenarios(dir, libraryDir, options.scenariosFile, options.allowOutside);
  const issues = sortIssues([
    ...loaded.issues,
    ...fromScenarios.issues,
    ...(loaded.model && fromScenarios.scenarios
      ? checkScenarios(loaded.model, fromScenarios.scenarios)
      : []),
  ]);
  const inputs = [...loaded.inputs, ...fromScenarios.inputs];
  const scenarios = fromScenarios.scenarios ?? [];
  return !loaded.model || hasErrors(issues)
    ? { scenarios, issues, inputs }
    : { model: loaded.model, scenarios, issues, inputs };
}

/** UNKNOWN_SCENARIO for an id the model's scenarios do not define, with those they do. */
export function unknownScenario(
  scenarios: readonly Scenario[],
  id: string,
  location?: Location,
): Issue {
  const known = scenarios.map((s) => s.id);
  return error(
    'UNKNOWN_SCENARIO',
    `scenario "${id}" is not defined`,
    location,
    known.length ? scenariosHint(known, id) : 'the model has no scenarios.json',
  );
}

/** An opened model projected as given, or under one of its scenarios; every problem, each once. */
export function projectOpened(
  open: OpenedModel,
  scenarioId?: string,
): { projection?: Projection; issues: readonly Issue[] } {
  const scenario =
    scenarioId === undefined ? undefined : open.scenarios.find((s) => s.id === scenarioId);
  const issues = [
    ...open.issues,
    ...(scenarioId !== undefined && !scenario ? [unknownScenario(open.scenarios, scenarioId)] : []),
  ];
  if (!open.model || hasErrors(issues)) return { issues: uniqueIssues(sortIssues(issues)) };
  const outcome = scenario ? projectScenario(open.model, scenario) : project(open.model);
  const all = uniqueIssues(sortIssues([...issues, ...outcome.issues]));
  return hasErrors(all) || !outcome.projection
    ? { issues: all }
    : { projection: outcome.projection, issues: all };
}
