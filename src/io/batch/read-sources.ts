import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { error, hasErrors, sortIssues, type Issue, warning } from '../../core/issue.js';
import {
  AREA_TABLES,
  type AreaSpec,
  type AreaTable,
  type BatchTask,
  type NationalInit,
  type NationalTask,
  type SourcesInit,
} from './wire.js';
import type { ColumnSpec } from '../csv-table.js';
import { displayPath, readInput } from '../files.js';
import { type InputDigest, InputReader } from '../input-reader.js';
import { insideFolders, pathOutside } from '../inside-folders.js';
import type { Limits } from '../limits.js';
import { type NationalCsv, NationalCsvReader, readNationalCsv } from './rows-by-area.js';
import { AreaRecords, toWire } from './area-records.js';
import { isNationalManifest, parseNationalManifest } from '../read-national-manifest.js';
import { COHORT_COLUMNS } from '../read-cohort.js';
import { CEASING_COLUMNS, NEW_PLANS_COLUMNS, TRANSITIONS_COLUMNS } from '../read-flows.js';
import { FUNDING_COLUMNS, PLACES_COLUMNS } from '../read-ledger.js';
import { CAPACITY_COLUMNS } from '../read-capacity.js';
import { POPULATION_COLUMNS } from '../read-population.js';
import { SPEND_COLUMNS } from '../read-spend.js';
import { growthUnused, isYearlyCount } from '../check-manifest.js';
import { ASSUMPTION_KEYS } from '../read-manifest.js';
import { modelTariff, readTariffFile } from '../tariff-library.js';
import { folderScenariosNotRead } from './folder-scenarios.js';
import { withAreaColumnChecked } from './area-column.js';
import { columnCountIssue, fitsHeader } from '../row-width.js';
import {
  codeKey,
  codeSystems,
  otherCodesHint,
  otherSystem,
  respelling,
} from './area-code-spelling.js';
import { listed } from '../../core/words.js';
import { type AreaFailure, duplicateArea } from './area-code-clash.js';

/**
 * areas.csv's columns of an area's code in the other system (DfE's tables give both, as
 * new_la_code and old_la_code): a table keyed by either is read as keyed by area_code.
 */
const OTHER_CODE_COLUMNS = ['ons_code', 'la_code'] as const;

const AREAS_COLUMNS = {
  required: ['area_code', 'area_name'],
  // As the docs spell them (README, "National batch"); headers match them in any case.
  optional: ['tariff', ...ASSUMPTION_KEYS, 'baseYear', 'horizon', ...OTHER_CODE_COLUMNS],
} as const;

const TABLE_COLUMNS: Record<AreaTable, ColumnSpec> = {
  'cohort.csv': COHORT_COLUMNS,
  'new-plans.csv': NEW_PLANS_COLUMNS,
  'ceasing.csv': CEASING_COLUMNS,
  'transitions.csv': TRANSITIONS_COLUMNS,
  'places.csv': PLACES_COLUMNS,
  'funding.csv': FUNDING_COLUMNS,
  'population.csv': POPULATION_COLUMNS,
  'capacity.csv': CAPACITY_COLUMNS,
  'spend.csv': SPEND_COLUMNS,
};
const REQUIRED: ReadonlySet<AreaTable> = new Set(['cohort.csv', 'funding.csv']);

/** The areas' work, before any area is modelled. */
export interface BatchSources {
  /** Sent once to each worker; scenarios are filled in by the caller. */
  readonly init: SourcesInit;
  readonly tasks: readonly BatchTask[];
  /** Areas that fail before they are modelled: a duplicated code, rows for an area not in areas.csv, no cohort rows. */
  readonly failures: ReadonlyMap<string, AreaFailure>;
  /** The areas' other codes (areas.csv's ons_code, la_code) → each one's area code. */
  readonly otherCodes?: ReadonlyMap<string, string>;
  /** Problems with the national files themselves (an error here stops the whole run). */
  readonly issues: readonly Issue[];
  /** Every file read, with its SHA-256: for the provenance manifest, and for refusing to write over one. */
  readonly digests: readonly InputDigest[];
  /**
   * The warnings among `issues` that name areas (NO_AREA_ROWS), by area, as a run of that area
   * alone is told them (src/io/national-area.ts, --area). Made with the rest, rather than on asking:
   * asking would keep every national table's rows for as long as the sources are kept (a batch).
   */
  readonly areaWarnings?: ReadonlyMap<string, readonly Issue[]>;
}

/**
 * Areas handed on while the national cohort is still being read: `begin` once, with the sources
 * read so far, before the first; then `area` as each area's rows end (a national cohort lists an
 * area's rows together). BatchSources.tasks gives each such task again, as the same object, when
 * the rest of the file bore it out, and a new one when more of the area's rows came later.
 */
export interface EarlyAreas {
  begin(init: SourcesInit): void;
  area(task: NationalTask): void;
}

/** True when the folder's model.json names an areas table. */
export function isNationalFolder(dir: string): boolean {
  const manifest = readInput(
    path.resolve(dir, 'model.json'),
    'model.json',
    Number.MAX_SAFE_INTEGER,
  );
  return manifest.status === 'ok' && isNationalManifest(manifest.file.text);
}

/**
 * Reads a national model folder (model.json naming an areas table) and splits every CSV by
 * area, reading the cohort once; or lists a folder of ordinary model folders (or one model).
 */
export async function readBatchSources(
  dir: string,
  limits: Limits,
  libraryDir: string,
  tariffFile?: string,
  allowOutside = false,
  early?: EarlyAreas,
): Promise<BatchSources> {
  const root = path.resolve(dir);
  const manifest = readInput(
    path.join(root, 'model.json'),
    displayPath(path.join(root, 'model.json')),
    limits.maxFileBytes,
  );
  if (manifest.status === 'ok' && isNationalManifest(manifest.file.text))
    return readNational(
      root,
      manifest.file.text,
      limits,
      libraryDir,
      tariffFile,
      allowOutside,
      early,
    );
  const common = {
    dir: root,
    libraryDir,
    limits,
    ...(tariffFile ? { tariffFile } : {}),
    ...(allowOutside ? { allowOutside } : {}),
  };
  if (manifest.status !== 'missing')
    return {
      init: { kind: 'folders', ...common },
      tasks: [{ kind: 'folder', dir: root, weight: 1 }],
      failures: new Map(),
      issues: [],
      digests: [],
    };
  const folders = modelFolders(root, limits.maxFileBytes);
  const issues = folders.length
    ? folderScenariosNotRead(folders)
    : [
        error(
          'FILE_MISSING',
          // A folder that is not there, or a file, is said so (found by a user trial).
          nothingThere(root) ??
            `${displayPath(root)} has no model.json, and no folder in it has one`,
          { file: displayPath(path.join(root, 'model.json')) },
          'give a national model (model.json naming "areas") or a folder of model folders',
        ),
      ];
  return {
    init: { kind: 'folders', ...common },
    tasks: folders.map((folder) => ({ kind: 'folder', dir: folder, weight: 1 })),
    failures: new Map(),
    issues,
    digests: [],
  };
}

/**
 * True for a folder of model folders, as batch reads one (README, "National batch"): no
 * model.json of its own, and a folder in it with one. validate checks it as batch does.
 */
export function isFolderOfModels(dir: string): boolean {
  const root = path.resolve(dir);
  return (
    readInput(path.join(root, 'model.json'), '', Number.MAX_SAFE_INTEGER).status === 'missing' &&
    modelFolders(root, Number.MAX_SAFE_INTEGER).length > 0
  );
}

/** The folders in root that hold a model.json (one that cannot be read fails that area). */
function modelFolders(root: string, maxFileBytes: number): string[] {
  return subfolders(root).filter(
    (folder) => readInput(path.join(folder, 'model.json'), '', maxFileBytes).status !== 'missing',
  );
}

function subfolders(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch {
    return [];
  }
  return names
    .map((name) => path.join(root, name))
    .filter((full) => statSync(full, { throwIfNoEntry: false })?.isDirectory());
}

async function readNational(
  root: string,
  manifestText: string,
  limits: Limits,
  libraryDir: string,
  tariffFile: string | undefined,
  allowOutside: boolean,
  early: EarlyAreas | undefined,
): Promise<BatchSources> {
  const reader = new InputReader(root, limits);
  const { issues, inputs: digests } = reader;
  const manifestFile = reader.text('model.json', true)!;
  const manifest = parseNationalManifest(manifestText, manifestFile.display, issues);
  // The national tariff: --tariff, else model.json's (a file in the folder, else a library id).
  const nationalTariff =
    tariffFile ?? modelTariff(manifest, root, { libraryDir, allowOutside }, issues);
  if (nationalTariff) {
    const tariff = readTariffFile(nationalTariff, limits);
    if (tariff.sha256) digests.push({ path: tariff.file, sha256: tariff.sha256 });
    issues.push(...tariff.issues);
  }
  // The areas table model.json names stays in the folder (src/io/inside-folders.ts): it is not read otherwise.
  const areasOutside =
    manifest.areas !== undefined &&
    !allowOutside &&
    !insideFolders(path.resolve(root, manifest.areas), [root]);
  if (areasOutside && manifest.at)
    issues.push(pathOutside(manifest.areas!, manifest.at('$.areas'), '$.areas'));
  const areasSource =
    manifest.areas && !areasOutside ? reader.text(manifest.areas, true) : undefined;
  const areasCsv = areasSource
    ? readNationalCsv(areasSource.text, areasSource.display, AREAS_COLUMNS, limits, {
        tally: false,
      })
    : undefined;
  issues.push(...(areasCsv?.issues ?? []));
  const { specs, failures } = areaSpecs(areasCsv, issues);
  const codes = new Set(specs.map((spec) => spec.code));
  // Rows under an area's other code (areas.csv's ons_code or la_code) are read as under its code.
  const aliases = new Map(
    specs.flatMap((spec) => (spec.otherCodes ?? []).map((other) => [other, spec.code] as const)),
  );
  const otherColumns = OTHER_CODE_COLUMNS.filter((name) => areasCsv?.columns.includes(name));
  const tables = new Map<AreaTable, NationalCsv>();
  for (const name of AREA_TABLES) {
    if (name === 'cohort.csv') continue;
    const source = reader.text(name, REQUIRED.has(name));
    if (!source) continue;
    const csv = readNationalCsv(source.text, source.display, TABLE_COLUMNS[name], limits, {
      tally: false,
      aliases,
    });
    issues.push(...withAreaColumnChecked(csv, TABLE_COLUMNS[name], codes, name, aliases));
    tables.set(name, csv);
  }
  // Once for model.json's growth (an area's own growth in areas.csv is not checked).
  issues.push(
    ...growthUnused(
      manifest.assumptions?.newPlansGrowth,
      hasYearlyCount(tables.get('new-plans.csv')),
      manifest,
    ),
  );
  const base = {
    kind: 'national',
    dir: root,
    libraryDir,
    limits,
    manifestFile: manifestFile.display,
    manifestText,
    ...(tariffFile ? { tariffFile } : {}),
    ...(allowOutside ? { allowOutside } : {}),
  } as const;
  const cohortSource = reader.text('cohort.csv', true);
  const cohortReader = cohortSource
    ? new NationalCsvReader(cohortSource.text, cohortSource.display, COHORT_COLUMNS, limits, {
        tally: true,
        aliases,
        onLeave: (code) => handOn(code),
      })
    : undefined;
  const initOf = (): Omit<NationalInit, 'scenarios' | 'scenariosFile'> => ({
    ...base,
    areasFile: areasCsv!.file,
    areaColumns: areasCsv!.columns,
    areaHeader: areasCsv!.header,
    tables: Object.fromEntries(
      [...tables, ...(cohortReader ? [['cohort.csv', cohortReader.result()] as const] : [])].map(
        ([name, csv]) => [
          name,
          {
            file: csv.file,
            columns: csv.columns,
            header: csv.header,
            mangled: csv.mangled,
            // The cohort's rows without an area go in each task: they may follow an area handed on early.
            ...(csv.byArea.has('') && name !== 'cohort.csv'
              ? { shared: toWire(csv.byArea.get('')!) }
              : {}),
          },
        ],
      ),
    ),
  });
  const taskOf = (spec: AreaSpec, cohort: NationalCsv): NationalTask => ({
    kind: 'national',
    spec,
    rows: Object.fromEntries([
      ...[...tables].flatMap(([name, csv]) =>
        csv.byArea.has(spec.code) ? [[name, toWire(csv.byArea.get(spec.code)!)] as const] : [],
      ),
      [
        'cohort.csv',
        toWire(AreaRecords.merged(cohort.byArea.get(''), cohort.byArea.get(spec.code))),
      ] as const,
    ]),
    weight: cohort.rowCounts.get(spec.code) ?? 0,
  });

  // Each area handed on while the cohort is read, as its rows end: the areas table's, not failed.
  const bySpec = new Map(specs.map((spec) => [spec.code, spec]));
  const handed = new Map<string, NationalTask>();
  const handOn = (code: string): void => {
    const spec = bySpec.get(code);
    if (!early || !cohortReader || !spec || failures.has(code) || hasErrors(issues)) return;
    // An area whose rows came back, or any area once a row for every area was read, is sent again
    // whole at the end: handing it on at each return would model a file sorted by pupil row by row.
    if (cohortReader.reopened.has(code) || cohortReader.hasShared) return;
    const cohort = cohortReader.result();
    if (hasErrors(cohort.issues)) return;
    if (handed.size === 0) early.begin(initOf());
    const task = taskOf(spec, cohort);
    handed.set(code, task);
    early.area(task);
  };
  if (cohortReader) {
    // Between slices the caller's workers report back and take their next area, and a Ctrl-C is
    // handled (Node runs a signal handler only between turns): with --jobs 1 it waited for the
    // whole cohort to be read.
    while (cohortReader.step()) await new Promise((resolve) => setImmediate(resolve));
    const csv = cohortReader.result();
    issues.push(...withAreaColumnChecked(csv, COHORT_COLUMNS, codes, 'cohort.csv', aliases));
    tables.set('cohort.csv', csv);
    // Rows that came back to an area, or rows without an area (every area's), left its early task short.
    for (const code of csv.byArea.has('') ? [...handed.keys()] : cohortReader.reopened)
      handed.delete(code);
  }
  if (hasErrors(issues) || !areasCsv)
    return {
      init: { ...base, areasFile: '', areaColumns: [], areaHeader: [], tables: {} },
      tasks: [],
      failures,
      issues: sortIssues(issues),
      digests,
    };

  unknownAreas(tables, codes, aliases, otherColumns, failures);
  const withoutRows = areasWithoutRows(tables, specs, failures);
  issues.push(...withoutRows.national);
  const init = initOf();
  const cohort = tables.get('cohort.csv')!;
  const tasks: BatchTask[] = [];
  for (const spec of specs) {
    if (failures.has(spec.code)) continue;
    const pupils = (cohort.rowCounts.get(spec.code) ?? 0) + (cohort.rowCounts.get('') ?? 0);
    if (pupils === 0) {
      const file = path.basename(cohort.file);
      const why = cohortElsewhere(spec, [...cohort.byArea.keys()], file, codes, otherColumns);
      failures.set(spec.code, {
        name: spec.name,
        issues: [
          {
            ...error(
              'NO_COHORT_ROWS',
              `area "${spec.code}" has no rows in ${file}${why?.how ?? ''}`,
              {
                file: areasCsv.file,
                line: spec.line,
                column: areasCsv.columns.indexOf('area_code') + 1,
              },
              why?.hint ??
                'check that the national cohort was exported in full, or remove the area from the areas table',
            ),
            area: spec.code,
          },
        ],
      });
      continue;
    }
    tasks.push(handed.get(spec.code) ?? taskOf(spec, cohort));
  }
  return {
    init,
    tasks,
    failures,
    otherCodes: aliases,
    issues: sortIssues(issues),
    digests,
    areaWarnings: withoutRows.byArea,
  };
}

/**
 * Where an area's cohort rows may be when it has none under its code: written another way (n01
 * for N01, 0202 for 202), or the cohort keyed by the other system of codes (ONS codes for LA
 * codes). The national trial's area said only "check that the national cohort was exported in
 * full", beside the UNKNOWN_AREA of the same rows.
 */
function cohortElsewhere(
  { code, otherCodes = [] }: AreaSpec,
  inCohort: readonly string[],
  file: string,
  known: ReadonlySet<string>,
  /** areas.csv's columns of other codes (ons_code, la_code). */
  otherColumns: readonly string[],
): { readonly how: string; readonly hint: string } | undefined {
  // Under its own code or its other one (ons_code, la_code) written another way: e09000202.
  for (const own of [code, ...otherCodes]) {
    const written = inCohort.find((other) => other !== own && codeKey(other) === codeKey(own));
    if (written !== undefined)
      return {
        how: `: its rows are written "${written}" there (UNKNOWN_AREA)`,
        hint: `write the code as areas.csv does, "${own}", in ${file}`,
      };
  }
  const unread = inCohort.filter((other) => other !== '' && !known.has(other));
  const systems = unread.length > 0 ? codeSystems(unread[0]!, [code]) : undefined;
  if (systems === undefined || !unread.every((other) => codeSystems(other, [code])))
    return undefined;
  // With the column given, the other areas' rows under their other codes were read as theirs: this
  // area's cell of it is empty (it was told to add the column it has; found by a review), or its
  // code is there, with no rows under it.
  if (otherColumns.includes(systems.column))
    return otherCodes.some((other) => codeSystems(other, [code]))
      ? undefined
      : {
          how: `; areas.csv gives it no ${systems.column}, and the codes of ${file} that areas.csv does not list are ${systems.ones}`,
          hint: otherCodesHint(file, systems.column, { given: true }),
        };
  if (unread.length < inCohort.filter((other) => other !== '').length) return undefined;
  return {
    how: `; ${file}'s area codes are ${systems.ones}, and areas.csv's are ${systems.others}`,
    hint: otherCodesHint(file, systems.column),
  };
}

/** True when any row of the national new-plans.csv, of any area or none, is a count for every year. */
function hasYearlyCount(csv: NationalCsv | undefined): boolean {
  if (!csv) return false;
  for (const records of csv.byArea.values())
    for (let i = 0; i < records.length; i += 1)
      if (isYearlyCount((column) => records.field(i, csv.columns.indexOf(column))?.trim() ?? ''))
        return true;
  return false;
}

/** areas.csv rows; a code given twice fails that area, a row without a code is an error in the table. */
function areaSpecs(
  csv: NationalCsv | undefined,
  issues: Issue[],
): { specs: AreaSpec[]; failures: Map<string, AreaFailure> } {
  const specs: AreaSpec[] = [];
  const failures = new Map<string, AreaFailure>();
  if (!csv) return { specs, failures };
  const codeAt = csv.columns.indexOf('area_code');
  const nameAt = csv.columns.indexOf('area_name');
  const otherAt = OTHER_CODE_COLUMNS.map((name) => csv.columns.indexOf(name)).filter(
    (at) => at >= 0,
  );
  const records = csv.byArea.get('')?.records() ?? [];
  const first = new Map<string, AreaSpec>();
  // Every area's own code, as codeKey reads it, before any other code is taken: an ons_code equal
  // to a later row's area_code took that area's rows for its own (found by a review), and one
  // written in another case ("n02" for N02) would have taken the rows a spreadsheet respelt.
  const owner = ownCodes(records, codeAt);
  /** The area each other code is of, by codeKey: it names one area, and is no area's own code. */
  const otherOf = new Map<string, AreaSpec>();
  for (const { fields, line } of records) {
    if (fields.every((field) => field.trim() === '')) continue;
    const where = (index: number) => ({ file: csv.file, line, column: index + 1 });
    if (!fitsHeader(fields, csv.columns.length)) {
      issues.push(columnCountIssue(fields, csv.columns.length, csv.file, line));
      continue;
    }
    const code = fields[codeAt]!.trim();
    const name = fields[nameAt]!.trim();
    if (code === '') {
      issues.push(error('MISSING_VALUE', '"area_code" is empty', where(codeAt)));
      continue;
    }
    const earlier = first.get(code);
    // A row pasted twice names the area once: it is read from its first row (found by a national trial).
    if (earlier && sameCells(earlier.fields, fields)) {
      issues.push({
        ...warning(
          'AREA_REPEATED',
          `area "${code}" repeats line ${earlier.line} cell for cell; it is read once`,
          where(codeAt),
          'delete the repeated row',
        ),
        area: code,
      });
      continue;
    }
    if (earlier) {
      duplicateArea({ code, name, line }, earlier, where(codeAt), failures);
      continue;
    }
    const others = otherAt.flatMap((at) => {
      const other = (fields[at] ?? '').trim();
      if (other === '' || other === code) return [];
      const own = owner.get(codeKey(other));
      return [
        { other, at, taken: otherOf.get(codeKey(other)) ?? (own?.code === code ? undefined : own) },
      ];
    });
    const own = others.filter(({ taken }) => taken === undefined).map(({ other }) => other);
    const spec: AreaSpec = { code, name, line, fields, ...(own.length ? { otherCodes: own } : {}) };
    for (const other of own) otherOf.set(codeKey(other), spec);
    first.set(code, spec);
    // The area fails, but stays listed under its own code: its rows there are its, not UNKNOWN_AREA's.
    const clashes = others.flatMap(({ other, at, taken }) =>
      taken === undefined
        ? []
        : [
            {
              ...error(
                'DUPLICATE_AREA',
                `code "${other}" is ${taken.line < line ? 'already ' : ''}area "${taken.code}"'s, on line ${taken.line}`,
                where(at),
                "give each area codes of its own: rows under a code are that area's",
              ),
              area: code,
            },
          ],
    );
    const missingName =
      name === '' ? [error('MISSING_VALUE', '"area_name" is empty', where(nameAt))] : [];
    if (clashes.length || missingName.length)
      failures.set(code, { name, issues: [...clashes, ...missingName] });
    // An earlier area's code written another way (e06000001 for E06000001) fails this one too.
    const alike = first.get(owner.get(codeKey(code))!.code);
    if (alike && alike !== spec)
      duplicateArea({ code, name, line }, alike, where(codeAt), failures);
    specs.push(spec);
  }
  return { specs, failures };
}

/**
 * What an area without rows of its own in each table lacks, for NO_AREA_ROWS, and the row that
 * says it truly has none: the hint once said such an area "needs nothing", and the warning stayed
 * on every run (found by a review).
 */
const WITHOUT_ROWS: Partial<Record<AreaTable, { lacks: string; none: string }>> = {
  'new-plans.csv': { lacks: 'no new plans', none: 'a row of count 0' },
  'spend.csv': { lacks: "no other spend lines (spend.csv's)", none: 'a line of amount 0' },
};

/**
 * NO_AREA_ROWS: a table giving rows by area, with none for some areas and none for every area.
 * Either table is optional in one area's folder, so an area left out of a national export was
 * projected with no new plans at all and validate said "ok" (found by a DfE analyst's national
 * trial). One warning a table, naming the areas; the failed ones are left out, as they are not
 * modelled.
 */
function areasWithoutRows(
  tables: ReadonlyMap<AreaTable, NationalCsv>,
  specs: readonly AreaSpec[],
  failures: ReadonlyMap<string, unknown>,
): { national: Issue[]; byArea: Map<string, Issue[]> } {
  const found = { national: [] as Issue[], byArea: new Map<string, Issue[]>() };
  const withoutRows = Object.entries(WITHOUT_ROWS) as [
    AreaTable,
    { lacks: string; none: string },
  ][];
  for (const [name, { lacks, none }] of withoutRows) {
    const csv = tables.get(name);
    if (!csv || csv.byArea.has('') || csv.byArea.size === 0) continue;
    const without = specs
      .filter((spec) => !failures.has(spec.code) && (csv.rowCounts.get(spec.code) ?? 0) === 0)
      .map((spec) => spec.code);
    if (without.length === 0) continue;
    const said = (codes: readonly string[]) =>
      warning(
        'NO_AREA_ROWS',
        `${name} has rows by area, but none for ${codes.length === 1 ? 'area' : `${codes.length} areas`} ${listed(codes)}, and none without an area: ${codes.length === 1 ? 'it is' : 'they are'} projected with ${lacks}`,
        { file: csv.file, line: csv.headerLine, column: csv.columns.indexOf('area') + 1 },
        `add each named area's rows, or rows without an area (every area's); give an area that truly has none ${none}, which says so`,
      );
    found.national.push(said(without));
    for (const code of without)
      found.byArea.set(code, [...(found.byArea.get(code) ?? []), said([code])]);
  }
  return found;
}

/** Rows naming an area that areas.csv does not list: one error per area and file, at its first row. */
function unknownAreas(
  tables: ReadonlyMap<AreaTable, NationalCsv>,
  known: ReadonlySet<string>,
  /** An area's other code (ons_code, la_code) → its code. */
  aliases: ReadonlyMap<string, string>,
  /** areas.csv's columns of other codes (ons_code, la_code). */
  otherColumns: readonly string[],
  failures: Map<string, { name: string; issues: Issue[] }>,
): void {
  const written = new Map<string, string>();
  // An area's other code written another way (e09000202) is said to be that code, not "not in the
  // areas table" with a hint to add a column areas.csv has (found by a review); its own code first.
  for (const other of aliases.keys()) written.set(codeKey(other), other);
  for (const code of known) written.set(codeKey(code), code);
  const codes = [...known];
  // With every area's code of the other system given, a row's code of that system is simply not
  // an area's: "fill in areas.csv's ons_code" would be no help (found by a review).
  const otherGiven = new Set(
    [...aliases].filter(([other, code]) => codeSystems(other, [code])).map(([, code]) => code),
  );
  const everyOtherGiven = codes.length > 0 && codes.every((code) => otherGiven.has(code));
  for (const csv of tables.values()) {
    const column = csv.columns.indexOf('area') + 1;
    for (const [code, rows] of csv.byArea) {
      if (code === '' || known.has(code)) continue;
      const count = csv.rowCounts.get(code) ?? 0;
      const failure = failures.get(code) ?? { name: '', issues: [] };
      // The same area written another way (0202 for 202, e1001 for E1001): its rows are left out
      // of that area's figures, which a failed "0202" alone would not say (found by a user trial).
      const meant = written.get(codeKey(code));
      const spelt =
        meant === undefined
          ? everyOtherGiven
            ? undefined
            : otherSystem(code, codes, path.basename(csv.file), otherColumns)
          : respelling(meant, code, path.basename(csv.file));
      failure.issues.push({
        ...error(
          'UNKNOWN_AREA',
          `area "${code}" is not in the areas table (${count} row${count === 1 ? '' : 's'} of ${path.basename(csv.file)}, the first here)${spelt === undefined ? '' : meant === undefined ? spelt.how : `; areas.csv has "${meant}"${aliases.has(meant) ? ` (area "${aliases.get(meant)!}"'s other code)` : ''}, written another way, which is modelled without these rows${spelt.how}`}`,
          { file: csv.file, line: rows.line(0), column },
          spelt?.hint ?? 'add the area to areas.csv, or correct the code',
        ),
        area: code,
      });
      failures.set(code, failure);
    }
  }
}

/** Why `root` holds no model at all: it does not exist, or it is a file. */
function nothingThere(root: string): string | undefined {
  const kind = statSync(root, { throwIfNoEntry: false });
  if (kind === undefined) return `there is no folder ${displayPath(root)}`;
  if (!kind.isDirectory()) return `${displayPath(root)} is a file, not a folder`;
  return undefined;
}

/** Each area code of areas.csv (by codeKey) → the code and the line it is first on. */
function ownCodes(
  records: readonly { readonly fields: readonly string[]; readonly line: number }[],
  codeAt: number,
): Map<string, { readonly code: string; readonly line: number }> {
  const owner = new Map<string, { readonly code: string; readonly line: number }>();
  for (const { fields, line } of records) {
    const code = fields[codeAt]?.trim() ?? '';
    if (code !== '' && !owner.has(codeKey(code))) owner.set(codeKey(code), { code, line });
  }
  return owner;
}

/**
 * Whether two rows hold the same cells, spaces around them aside. Empty cells past the header,
 * which a row may have (fitsHeader), are no cells: a repeat saved with one more comma was a
 * DUPLICATE_AREA (found by a review).
 */
function sameCells(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1)
    if ((a[i] ?? '').trim() !== (b[i] ?? '').trim()) return false;
  return true;
}
