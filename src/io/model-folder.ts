import * as path from 'node:path';
import { checkOptionNames, checkPath, checkPaths, type OptionNames } from '../core/option-names.js';
import type { Tariff } from '../core/tariff.js';
import { type AreaSource, assembleModel, type LoadedModel } from './assemble-model.js';
import { templateTables } from './template-tables.js';
import { InputReader } from './input-reader.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { present } from './model-tables.js';
import { nationalModelIssue } from './national-model-check.js';
import { COHORT_COLUMNS } from './read-cohort.js';
import { CEASING_COLUMNS, NEW_PLANS_COLUMNS, TRANSITIONS_COLUMNS } from './read-flows.js';
import { FUNDING_COLUMNS, PLACES_COLUMNS } from './read-ledger.js';
import { CAPACITY_COLUMNS } from './read-capacity.js';
import { POPULATION_COLUMNS } from './read-population.js';
import { HNB_FROM_COLUMNS } from './read-hnb-from.js';
import { parseManifest } from './read-manifest.js';
import { readOverridePolicy } from './read-policy.js';
import { policyInputs, readTransferLimit } from './read-transfer-limit.js';
import { SPEND_COLUMNS } from './read-spend.js';
import { modelTariff, readTariffFile } from './tariff-library.js';

export type { LoadedModel } from './assemble-model.js';
export type { InputDigest } from './input-reader.js';

export interface LoadOptions {
  /** A tariff file to use instead of the one model.json names. */
  readonly tariffFile?: string;
  /** The tariff library, for a model.json `tariff` that is a library id (default: the shipped tariffs/). */
  readonly libraryDir?: string;
  /** Size limits on inputs (default DEFAULT_LIMITS). */
  readonly limits?: Limits;
  /** `highneeds nff` output files whose allocation for the model's area replaces funding.csv's hnb_allocation for that year. */
  readonly hnbFrom?: readonly string[];
  /** Let model.json name a tariff outside the model folder and the library (--allow-outside). */
  readonly allowOutside?: boolean;
  /** The policy data folder (default: the shipped policy/). */
  readonly policyDir?: string;
}

/** LoadOptions' names, for checking a library caller's options and picking them from the CLI's. */
export const LOAD_OPTION_NAMES: OptionNames<LoadOptions> = {
  tariffFile: true,
  libraryDir: true,
  limits: true,
  hnbFrom: true,
  allowOutside: true,
  policyDir: true,
};

/** The load options among a command's (src/io/open-model.ts), which hold others beside them. */
export function loadOptionsOf(options: LoadOptions): LoadOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([name]) => Object.hasOwn(LOAD_OPTION_NAMES, name)),
  );
}

/** A library caller's LoadOptions (or projectModel's), checked before any file is read. */
export function checkLoadOptions<T extends LoadOptions>(
  caller: string,
  options: unknown,
  names: OptionNames<T>,
  example: string,
): void {
  checkOptionNames(caller, options, names, example);
  const given = options as LoadOptions | undefined;
  checkPaths(caller, 'hnbFrom', given?.hnbFrom);
  for (const name of ['tariffFile', 'libraryDir', 'policyDir'] as const)
    checkPath(caller, name, given?.[name]);
}

/** Reads a model folder (README, "The model folder") into a Model, with every problem found. */
export function loadModel(dir: string, options: LoadOptions = {}): LoadedModel {
  checkLoadOptions('loadModel', options, LOAD_OPTION_NAMES, '{ tariffFile: "tariff.json" }');
  return assembleModel(readModelFolder(dir, options));
}

/** A model folder as an area source: model.json, its tariff and its tables, read in that order. */
function readModelFolder(dir: string, options: LoadOptions = {}): AreaSource {
  const reader = new InputReader(dir, options.limits ?? DEFAULT_LIMITS, options.allowOutside);
  const { issues, inputs } = reader;
  const manifestFile = reader.text('model.json', true, 'json');
  const policy = readOverridePolicy(options.policyDir);
  if (!manifestFile) return { settings: {}, tables: {}, issues, inputs, policy };
  const national = nationalModelIssue(manifestFile.text, manifestFile.display);
  if (national) return { settings: {}, tables: {}, issues: [...issues, national], inputs, policy };
  const transferLimit = readTransferLimit(options.policyDir);
  const manifest = parseManifest(manifestFile.text, manifestFile.display, issues);

  let tariff: Tariff | undefined;
  const tariffFile = options.tariffFile
    ? path.resolve(options.tariffFile)
    : modelTariff(manifest, dir, options, issues);
  if (tariffFile) {
    const loaded = readTariffFile(tariffFile, reader.limits);
    issues.push(...loaded.issues);
    if (loaded.sha256) inputs.push({ path: loaded.file, sha256: loaded.sha256 });
    tariff = loaded.tariff;
  }
  const cohort = reader.table('cohort.csv', COHORT_COLUMNS, true);
  const tables = {
    ...(cohort ? { cohort: { table: cohort } } : {}),
    ...present('newPlans', reader.table('new-plans.csv', NEW_PLANS_COLUMNS, false)),
    ...present('ceasing', reader.table('ceasing.csv', CEASING_COLUMNS, false)),
    ...present('transitions', reader.table('transitions.csv', TRANSITIONS_COLUMNS, false)),
    ...present('places', reader.table('places.csv', PLACES_COLUMNS, false)),
    ...present('funding', reader.table('funding.csv', FUNDING_COLUMNS, true)),
    ...present('population', reader.table('population.csv', POPULATION_COLUMNS, false)),
    ...present('capacity', reader.table('capacity.csv', CAPACITY_COLUMNS, false)),
    ...present('spend', reader.table('spend.csv', SPEND_COLUMNS, false)),
  };
  const hnbFrom = (options.hnbFrom ?? []).flatMap((file) => {
    const table = reader.table(path.resolve(file), HNB_FROM_COLUMNS, true);
    return table ? [table] : [];
  });
  if (tariff && manifest.baseYear !== undefined)
    issues.push(...templateTables(dir, { tariff, baseYear: manifest.baseYear }, inputs));
  inputs.push(...policyInputs(policy, transferLimit));
  const { area, baseYear, horizon, assumptions, writeOff, overflowSetting, at, money } = manifest;
  return {
    settings: { area, baseYear, horizon, assumptions, writeOff, overflowSetting, at, money },
    policy,
    transferLimit,
    ...(tariff ? { tariff } : {}),
    tables,
    hnbFrom,
    issues,
    inputs,
  };
}
