import type { Decimal } from 'decimal.js';
import { Dec } from '../../core/decimal.js';
import { error, type Issue } from '../../core/issue.js';
import type { Assumptions, Model } from '../../core/model.js';
import type { Tariff } from '../../core/tariff.js';
import {
  type FinancialYear,
  firstProjectedFinancialYear,
  formatFinancialYear,
} from '../../core/period.js';
import { type AreaSource, assembleModel, type LoadedModel } from '../assemble-model.js';
import type { AreaTable, NationalInit, NationalTask } from './wire.js';
import { academicYearCell, decimalCell, financialYearCell } from '../cell-parsers.js';
import { CsvRow, type CsvTable, mangledCells } from '../csv-table.js';
import { pathOutside } from '../inside-folders.js';
import { flushNormalisations } from '../normalise.js';
import { type InputDigest, InputReader } from '../input-reader.js';
import { HNB_FROM_COLUMNS } from '../read-hnb-from.js';
import { type FieldRecord, fromWire, withShared } from './area-records.js';
import { parseNationalManifest } from '../read-national-manifest.js';
import { type ModelTables, present } from '../model-tables.js';
import { type OverridePolicy, readOverridePolicy } from '../read-policy.js';
import {
  policyInputs,
  readTransferLimit,
  type TransferLimitPolicy,
} from '../read-transfer-limit.js';
import { ASSUMPTION_KEYS } from '../read-manifest.js';
import {
  type LoadedTariff,
  readTariffFile,
  resolveModelTariff,
  tariffNotFound,
} from '../tariff-library.js';
import { columnCountIssue, fitsHeader } from '../row-width.js';
import { horizonTooFar } from '../horizon-too-far.js';

/** Per worker: the national manifest and tariffs, read once and shared by its areas. */
export interface NationalContext {
  readonly init: NationalInit;
  readonly tariffs: Map<string, LoadedTariff>;
  manifest?: ReturnType<typeof parseNationalManifest>;
  /** model.json's tariff file, found once per worker: most areas read it, and finding it stats the disk. */
  nationalTariffFile?: { readonly file: string | undefined };
  /** policy/statutory-override.json, read once per worker. */
  overridePolicy?: OverridePolicy;
  transferLimit?: TransferLimitPolicy;
  /**
   * The ceasing and transition rows of areas that have none of their own, by tariff: the same
   * rows for every such area, so they are one array each, and projections of different areas can
   * share what they compile from them (src/core/demand/cache.ts).
   */
  /** --hnb-from's tables, read once by the worker. */
  readonly hnbFrom?: readonly CsvTable[];
  readonly sharedRules: WeakMap<
    Tariff,
    { ceasing?: Model['ceasing']; transitions?: Model['transitions'] }
  >;
}

/**
 * A thread's context for the areas of a national model it builds: --hnb-from's tables read once
 * (their problems were said on the main thread, which read them first), tariffs and shared rows
 * kept between areas as they are found.
 */
export function nationalContext(
  init: NationalInit,
  hnbFrom?: readonly CsvTable[],
): NationalContext {
  const reader = new InputReader(init.dir, init.limits);
  const tables =
    hnbFrom ??
    (init.hnbFrom ?? []).flatMap((file) => {
      const table = reader.table(file, HNB_FROM_COLUMNS, true);
      return table ? [table] : [];
    });
  return { init, tariffs: new Map(), sharedRules: new WeakMap(), hnbFrom: tables };
}

/** One area of a national model as its Model, with every problem found. */
export const buildAreaModel = (context: NationalContext, task: NationalTask): LoadedModel =>
  assembleModel(nationalAreaSource(context, task));

/**
 * One area of a national model as an area source, as a folder holding just its rows would read:
 * the national model.json with the area's overrides from areas.csv, and the area's rows plus the
 * rows without an area. assembleModel makes the Model from it as from a model folder.
 */
function nationalAreaSource(context: NationalContext, task: NationalTask): AreaSource {
  const { init, spec } = { init: context.init, spec: task.spec };
  const issues: Issue[] = [];
  context.manifest ??= parseNationalManifest(init.manifestText, init.manifestFile, []);
  const national = context.manifest;
  const areaRow = new CsvRow(
    init.areasFile,
    spec.line,
    spec.fields,
    columnIndex(init.areaColumns),
    init.areaHeader,
  );

  // Their own list, flushed here: a year written another way (2025/2026) is read by the cell
  // parsers and noted, and a note not flushed is never said (found by a user trial).
  const yearIssues: Issue[] = [];
  const base =
    areaRow.get('baseYear') === ''
      ? national.baseYear
      : academicYearCell(areaRow, 'baseYear', yearIssues, true);
  const horizonText = areaRow.get('horizon');
  // Read as every financial_year cell is: it refused 2028-2029 that funding.csv reads.
  let horizon: FinancialYear | undefined =
    horizonText === '' ? national.horizon : financialYearCell(areaRow, 'horizon', yearIssues);
  flushNormalisations(yearIssues);
  issues.push(...yearIssues);
  if (base !== undefined && horizon !== undefined && horizon < firstProjectedFinancialYear(base)) {
    issues.push(
      error(
        'HORIZON_BEFORE_BASE',
        `horizon ${formatFinancialYear(horizon)} is before the first projected financial year ${formatFinancialYear(firstProjectedFinancialYear(base))}`,
        areaRow.at(horizonText !== '' ? 'horizon' : 'baseYear'),
      ),
    );
    horizon = undefined;
  }
  // An area's own horizon or base year is held to model.json's limit: 3100-01 here still stopped
  // with an internal error (found by a review).
  const far =
    base !== undefined && horizon !== undefined
      ? horizonTooFar(
          `horizon ${formatFinancialYear(horizon)}`,
          base,
          horizon,
          areaRow.at(horizonText !== '' ? 'horizon' : 'baseYear'),
        )
      : undefined;
  if (far) {
    issues.push(far);
    horizon = undefined;
  }
  // Its own list, so that a growth written as a percentage is said once, as a cell of areas.csv.
  const assumptionIssues: Issue[] = [];
  const assumptions = areaAssumptions(national.assumptions, areaRow, assumptionIssues);
  flushNormalisations(assumptionIssues);
  issues.push(...assumptionIssues);
  const loaded = areaTariff(context, areaRow, issues);
  // The area's tariff, which may be its own: the main thread records only the national files.
  const inputs: InputDigest[] = loaded?.sha256
    ? [{ path: loaded.file, sha256: loaded.sha256 }]
    : [];

  const table = (name: AreaTable): { table: CsvTable; repeats: number[] } | undefined => {
    const source = init.tables[name];
    return source
      ? areaTable(
          source,
          spec.code,
          withShared(fromWire(source.shared), fromWire(task.rows[name])),
          issues,
        )
      : undefined;
  };
  const cohort = table('cohort.csv');
  const tables: ModelTables = {
    ...(cohort ? { cohort } : {}),
    ...present('newPlans', table('new-plans.csv')?.table),
    ...present('ceasing', table('ceasing.csv')?.table),
    ...present('transitions', table('transitions.csv')?.table),
    ...present('places', table('places.csv')?.table),
    ...present('funding', table('funding.csv')?.table),
    ...present('population', table('population.csv')?.table),
    ...present('capacity', table('capacity.csv')?.table),
    ...present('spend', table('spend.csv')?.table),
  };
  context.overridePolicy ??= readOverridePolicy();
  context.transferLimit ??= readTransferLimit();
  // Every area's override end and transfer limit come from them, so they are inputs as a model
  // folder's are (the main thread keeps one of each path).
  inputs.push(...policyInputs(context.overridePolicy, context.transferLimit));
  return {
    // The national model.json's locations: its overflowSetting is checked against each area's own tariff.
    settings: {
      area: { code: spec.code, name: spec.name },
      ...(spec.otherCodes ? { otherCodes: spec.otherCodes } : {}),
      ...(base !== undefined ? { baseYear: base } : {}),
      ...(horizon !== undefined ? { horizon } : {}),
      ...(assumptions ? { assumptions } : {}),
      ...(national.writeOff ? { writeOff: national.writeOff } : {}),
      ...(national.overflowSetting ? { overflowSetting: national.overflowSetting } : {}),
      ...(national.at ? { at: national.at } : {}),
      ...(national.money ? { money: national.money } : {}),
    },
    policy: context.overridePolicy,
    transferLimit: context.transferLimit,
    ...(loaded?.tariff ? { tariff: loaded.tariff } : {}),
    tables,
    hnbFrom: context.hnbFrom,
    issues,
    inputs,
    growthChecked: true,
    shared: (tariff, rows) => sharedRules(context, tariff, task, rows),
  };
}

/**
 * An area with no rows of its own in ceasing.csv or transitions.csv reads the shared rows, checked
 * against the same tariff: the same rows for every such area, kept as one array.
 */
function sharedRules(
  context: NationalContext,
  tariff: Tariff,
  task: NationalTask,
  rows: Pick<Model, 'ceasing' | 'transitions'>,
): Pick<Model, 'ceasing' | 'transitions'> {
  let held = context.sharedRules.get(tariff);
  if (!held) {
    held = {};
    context.sharedRules.set(tariff, held);
  }
  return {
    ceasing:
      task.rows['ceasing.csv'] === undefined ? (held.ceasing ??= rows.ceasing) : rows.ceasing,
    transitions:
      task.rows['transitions.csv'] === undefined
        ? (held.transitions ??= rows.transitions)
        : rows.transitions,
  };
}

/** A tariff named in model.json or areas.csv (a path or a library id) as its file, if found. */
function tariffFileOf(name: string, init: NationalInit): string | undefined {
  const found = resolveModelTariff(name, init.dir, init.libraryDir, init.allowOutside);
  return found && 'file' in found ? found.file : undefined;
}

function columnIndex(columns: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    if (name !== '') index.set(name, i);
  });
  return index;
}

/** The rows as a CsvTable, as readCsvTable would give them: blank rows skipped, short or long rows reported. */
function areaTable(
  { file, columns, header, mangled }: NationalInit['tables'][AreaTable] & {},
  area: string,
  records: readonly FieldRecord[],
  issues: Issue[],
): { table: CsvTable; repeats: number[] } {
  const index = columnIndex(columns);
  const rows: CsvRow[] = [];
  const repeats: number[] = [];
  for (const { fields, line, repeats: times } of records) {
    if (fields.every((field) => field.trim() === '')) continue;
    if (!fitsHeader(fields, columns.length)) {
      issues.push(columnCountIssue(fields, columns.length, file, line));
      continue;
    }
    rows.push(new CsvRow(file, line, fields, index, header));
    repeats.push(times);
  }
  // Text a spreadsheet garbled, as readCsvTable finds it in a model folder's tables: a warning per
  // column, for this area's rows; searched cell by cell only when the file's text holds some.
  if (mangled) mangledCells(records, header, file, issues);
  return {
    table: {
      file,
      rows,
      issues: [],
      columnNames: columns,
      ...(columns.includes('area') ? { area } : {}),
    },
    repeats,
  };
}

function areaAssumptions(
  national: Assumptions | undefined,
  row: CsvRow,
  issues: Issue[],
): Assumptions | undefined {
  if (!national) return undefined;
  const value = (key: (typeof ASSUMPTION_KEYS)[number]): Decimal => {
    // areas.csv's column for an assumption is its model.json key (ASSUMPTION_KEYS), in any case.
    return row.get(key) === ''
      ? national[key]
      : // A growth rate, as a spreadsheet may write one: 6% is read as 0.06, and said.
        (decimalCell(row, key, issues, { growth: true, kind: 'rate' }) ?? new Dec(0));
  };
  return {
    newPlansGrowth: value('newPlansGrowth'),
    hnbGrowth: value('hnbGrowth'),
    tariffUplift: value('tariffUplift'),
    ...(national.otherSpendGrowth ? { otherSpendGrowth: national.otherSpendGrowth } : {}),
  };
}

/**
 * The area's tariff: its own (a path relative to the folder, or a library id), else --tariff, else
 * the national one (read and checked on the main thread already). Each file is read once.
 */
function areaTariff(
  context: NationalContext,
  row: CsvRow,
  issues: Issue[],
): LoadedTariff | undefined {
  const { init } = context;
  const own = row.get('tariff');
  const national = context.manifest?.tariff;
  let file: string | undefined;
  if (own !== '') {
    const found = resolveModelTariff(own, init.dir, init.libraryDir, init.allowOutside);
    if (!found || !('file' in found)) {
      issues.push(
        found
          ? pathOutside(own, row.at('tariff'), 'tariff')
          : tariffNotFound(own, init.dir, init.libraryDir, row.at('tariff')),
      );
      return undefined;
    }
    file = found.file;
  } else if (init.tariffFile) file = init.tariffFile;
  else if (national) {
    // Found and checked on the main thread already (src/io/batch/read-national.ts).
    context.nationalTariffFile ??= { file: tariffFileOf(national, init) };
    file = context.nationalTariffFile.file;
  }
  if (!file) return undefined;
  let loaded = context.tariffs.get(file);
  if (!loaded) {
    loaded = readTariffFile(file, init.limits);
    context.tariffs.set(file, loaded);
  }
  issues.push(...loaded.issues);
  return loaded;
}
