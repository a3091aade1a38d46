import * as path from 'node:path';
import { error, hasErrors, sortIssues, type Issue } from '../core/issue.js';
import type { Model } from '../core/model.js';
import { firstProjectedFinancialYear } from '../core/period.js';
import type { Tariff } from '../core/tariff.js';
import { type ColumnSpec, readCsvTable, type CsvTable } from './csv-table.js';
import { displayPath, readInput } from './files.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { type ModelTables, present, readModelRows } from './model-tables.js';
import { COHORT_COLUMNS } from './read-cohort.js';
import { CEASING_COLUMNS, NEW_PLANS_COLUMNS, TRANSITIONS_COLUMNS } from './read-flows.js';
import { FUNDING_COLUMNS, PLACES_COLUMNS } from './read-ledger.js';
import { CAPACITY_COLUMNS } from './read-capacity.js';
import { POPULATION_COLUMNS } from './read-population.js';
import { checkedOverflowSetting, growthUnused, isYearlyCount } from './check-manifest.js';
import { HNB_FROM_COLUMNS, type HnbFromSeen, readHnbFrom, withHnbFrom } from './read-hnb-from.js';
import { parseManifest } from './read-manifest.js';
import { readModelMoney } from './model-money.js';
import { readOverridePolicy } from './read-policy.js';
import { SPEND_COLUMNS } from './read-spend.js';
import { parseTariff } from './read-tariff.js';
import { TariffCheck } from './tariff-check.js';
import { resolveModelTariff, shippedLibraryDir, tariffNotFound } from './tariff-library.js';

/** Problems with a whole CSV table: its rows are not read until they are fixed. */
const TABLE_LEVEL: ReadonlySet<string> = new Set([
  'CSV_MALFORMED',
  'MISSING_COLUMN',
  'TOO_MANY_ROWS',
  'FIELD_TOO_LONG',
]);

export interface InputDigest {
  readonly path: string;
  readonly sha256: string;
}

export interface LoadedModel {
  /** Present only when the inputs had no errors. */
  readonly model?: Model;
  readonly issues: readonly Issue[];
  /** Every file read, with its SHA-256, in the order read. */
  readonly inputs: readonly InputDigest[];
}

export interface LoadOptions {
  /** A tariff file to use instead of the one model.json names. */
  readonly tariffFile?: string;
  /** The tariff library, for a model.json `tariff` that is a library id (default: the shipped tariffs/). */
  readonly libraryDir?: string;
  /** Size limits on inputs (default DEFAULT_LIMITS). */
  readonly limits?: Limits;
  /** `highneeds nff` output files whose allocation for the model's area replaces funding.csv's hnb_allocation for that year. */
  readonly hnbFrom?: readonly string[];
  /** The policy data folder (default: the shipped policy/). */
  readonly policyDir?: string;
}

/** Reads a model folder (README, "The model folder") into a Model, with every problem found. */
export function loadModel(dir: string, options: LoadOptions = {}): LoadedModel {
  const issues: Issue[] = [];
  const inputs: InputDigest[] = [];
  const limits = options.limits ?? DEFAULT_LIMITS;
  const read = (name: string, required: boolean, base = dir) => {
    const filePath = path.resolve(base, name);
    const display = displayPath(filePath);
    const result = readInput(filePath, display, limits.maxFileBytes);
    if (result.status === 'ok') {
      inputs.push({ path: display, sha256: result.file.sha256 });
      return { ...result.file, display };
    }
    if (result.status === 'refused') issues.push(result.issue);
    else if (required)
      issues.push(
        error('FILE_MISSING', `required file ${name} was not found in ${displayPath(base)}`, {
          file: display,
        }),
      );
    return undefined;
  };

  const manifestFile = read('model.json', true);
  if (!manifestFile) return { issues, inputs };
  const manifest = parseManifest(manifestFile.text, manifestFile.display, issues);

  let tariff: Tariff | undefined;
  // model.json's tariff: a file in the folder, else a library id.
  let tariffName = options.tariffFile ? path.resolve(options.tariffFile) : undefined;
  if (!tariffName && manifest.tariff && manifest.at) {
    const libraryDir = options.libraryDir ?? shippedLibraryDir();
    tariffName = resolveModelTariff(manifest.tariff, dir, libraryDir);
    if (!tariffName)
      issues.push(
        tariffNotFound(manifest.tariff, dir, libraryDir, manifest.at('$.tariff'), '$.tariff'),
      );
  }
  if (tariffName) {
    const tariffFile = read(tariffName, true);
    if (tariffFile) tariff = parseTariff(tariffFile.text, tariffFile.display, issues);
  }
  const check = new TariffCheck(tariff);
  const table = (name: string, spec: ColumnSpec, required: boolean): CsvTable | undefined => {
    const file = read(name, required);
    if (!file) return undefined;
    const parsed = readCsvTable(file.text, file.display, spec, limits);
    issues.push(...parsed.issues);
    // A table that cannot be read, or lacks a required column, is not read row by row:
    // every row (and checks such as EMPTY_COHORT) would only repeat the one problem.
    return parsed.issues.some((issue) => TABLE_LEVEL.has(issue.code)) ? undefined : parsed;
  };

  const base = manifest.baseYear;
  const horizon = manifest.horizon;
  const cohortTable = table('cohort.csv', COHORT_COLUMNS, true);
  const tables: ModelTables = {
    ...(cohortTable ? { cohort: { table: cohortTable } } : {}),
    ...present('newPlans', table('new-plans.csv', NEW_PLANS_COLUMNS, false)),
    ...present('ceasing', table('ceasing.csv', CEASING_COLUMNS, false)),
    ...present('transitions', table('transitions.csv', TRANSITIONS_COLUMNS, false)),
    ...present('places', table('places.csv', PLACES_COLUMNS, false)),
    ...present('funding', table('funding.csv', FUNDING_COLUMNS, true)),
    ...present('population', table('population.csv', POPULATION_COLUMNS, false)),
    ...present('capacity', table('capacity.csv', CAPACITY_COLUMNS, false)),
  };
  const overflowSetting = checkedOverflowSetting(manifest, check, issues);
  const { funding: fundingRead, ...rows } = readModelRows(
    tables,
    manifest.area?.code,
    base,
    horizon,
    check,
    manifest.overflowSetting,
    issues,
  );
  issues.push(
    ...growthUnused(
      manifest.assumptions?.newPlansGrowth,
      tables.newPlans?.rows.some((row) => isYearlyCount((column) => row.get(column))) ?? false,
      manifest,
    ),
  );
  const seenNff: HnbFromSeen = new Map();
  const fromNff = (options.hnbFrom ?? []).flatMap((file) => {
    const nffTable = table(path.resolve(file), HNB_FROM_COLUMNS, true);
    return nffTable && manifest.area && base !== undefined && horizon !== undefined
      ? readHnbFrom(
          nffTable,
          manifest.area.code,
          { first: firstProjectedFinancialYear(base), last: horizon },
          issues,
          seenNff,
        )
      : [];
  });
  const funding = withHnbFrom(fundingRead, fromNff);
  const policy = readOverridePolicy(options.policyDir);
  if (policy.sha256) inputs.push({ path: policy.file, sha256: policy.sha256 });
  const money = readModelMoney(
    table('spend.csv', SPEND_COLUMNS, false),
    manifest.money,
    policy,
    base,
    horizon,
    issues,
  );

  const sorted = sortIssues(issues);
  if (
    hasErrors(sorted) ||
    !tariff ||
    !manifest.area ||
    base === undefined ||
    horizon === undefined ||
    !manifest.assumptions
  )
    return { issues: sorted, inputs };
  const model: Model = {
    area: manifest.area,
    baseYear: base,
    horizon,
    tariff,
    assumptions: manifest.assumptions,
    ...rows,
    funding,
    ...(overflowSetting ? { overflowSetting } : {}),
    ...(manifest.writeOff ? { writeOff: manifest.writeOff } : {}),
    ...money,
  };
  return { model, issues: sorted, inputs };
}
