import { InputError, UsageError } from '../core/errors.js';
import { hasErrors, sortIssues, type Issue } from '../core/issue.js';
import type { Model } from '../core/model.js';
import { checkScenarios } from '../core/scenario/check.js';
import type { Scenario } from '../core/scenario/types.js';
import { limitsFromEnvironment } from '../io/limits.js';
import { loadScenarios } from '../io/load-scenarios.js';
import { type InputDigest, loadModel } from '../io/read-model.js';
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
}

export interface OpenModel {
  readonly model: Model;
  readonly scenarios: readonly Scenario[];
  /** Warnings (errors stop at InputError). */
  readonly issues: readonly Issue[];
  readonly inputs: readonly InputDigest[];
}

/** Reads a model folder and its scenarios, with every check; throws InputError on any error. */
export function openModel(dir: string, options: ModelOptions = {}): OpenModel {
  const tariffFile =
    options.tariff === undefined ? undefined : resolveTariff(options.tariff, defaultTariffDir());
  if (options.tariff !== undefined && !tariffFile)
    throw new UsageError(
      `--tariff "${options.tariff}" is neither a tariff file nor the id of one in the library`,
    );
  const loaded = loadModel(dir, {
    limits: limitsFromEnvironment(cliIo().env),
    libraryDir: defaultTariffDir(),
    ...(tariffFile ? { tariffFile } : {}),
    ...(options.hnbFrom ? { hnbFrom: options.hnbFrom } : {}),
  });
  const fromScenarios = loadScenarios(dir, defaultTariffDir(), options.scenariosFile);
  const issues = sortIssues([
    ...loaded.issues,
    ...fromScenarios.issues,
    ...(loaded.model && fromScenarios.scenarios
      ? checkScenarios(loaded.model, fromScenarios.scenarios)
      : []),
  ]);
  if (!loaded.model || hasErrors(issues)) throw new InputError(issues);
  return {
    model: loaded.model,
    scenarios: fromScenarios.scenarios ?? [],
    issues,
    inputs: [...loaded.inputs, ...fromScenarios.inputs],
  };
}

export function findScenario(open: OpenModel, id: string): Scenario {
  const scenario = open.scenarios.find((s) => s.id === id);
  if (!scenario) {
    const known = open.scenarios.map((s) => s.id);
    throw new InputError([
      {
        severity: 'error',
        code: 'UNKNOWN_SCENARIO',
        message: `scenario "${id}" is not defined`,
        ...(known.length
          ? { hint: `scenarios: ${known.join(', ')}` }
          : { hint: 'the model has no scenarios.json' }),
      },
    ]);
  }
  return scenario;
}
