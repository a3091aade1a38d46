import * as path from 'node:path';
import { error, hasErrors, sortIssues } from '../../core/issue.js';
import {
  AREA_TABLES,
  type AreaSpec,
  type AreaTable,
  type BatchTask,
  type NationalInit,
  type NationalTask,
} from './wire.js';
import type { ColumnSpec } from '../csv-table.js';
import { InputReader } from '../input-reader.js';
import { insideFolders, pathOutside } from '../inside-folders.js';
import type { Limits } from '../limits.js';
import { type NationalCsv, NationalCsvReader, readNationalCsv } from './rows-by-area.js';
import { AreaRecords, toWire } from './area-records.js';
import { parseNationalManifest } from '../read-national-manifest.js';
import { COHORT_COLUMNS } from '../read-cohort.js';
import { CEASING_COLUMNS, NEW_PLANS_COLUMNS, TRANSITIONS_COLUMNS } from '../read-flows.js';
import { FUNDING_COLUMNS, PLACES_COLUMNS } from '../read-ledger.js';
import { CAPACITY_COLUMNS } from '../read-capacity.js';
import { POPULATION_COLUMNS } from '../read-population.js';
import { SPEND_COLUMNS } from '../read-spend.js';
import { growthUnused, isYearlyCount } from '../check-manifest.js';
import { modelTariff, readTariffFile } from '../tariff-library.js';
import { withAreaColumnChecked } from './area-column.js';
import { AREAS_COLUMNS, areaSpecs, OTHER_CODE_COLUMNS } from './areas-table.js';
import { areasWithoutRows, cohortElsewhere } from './areas-without-rows.js';
import { unknownAreas } from './unknown-areas.js';
import { cohortForEveryArea } from './cohort-every-area.js';
import type { BatchSources, EarlyAreas } from './sources.js';
import { templateTables } from '../template-tables.js';

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

/**
 * A national model folder's inputs split by area: the areas table first, then every other table
 * whole, then the cohort a slice at a time (its areas handed to `early` as their rows end). An
 * area's own problems fail that area (`failures`); the national files' stop the run (`issues`).
 */
export async function readNational(
  root: string,
  manifestText: string,
  limits: Limits,
  libraryDir: string,
  tariffFile: string | undefined,
  allowOutside: boolean,
  early: EarlyAreas | undefined,
): Promise<BatchSources> {
  const reader = new InputReader(root, limits, allowOutside);
  const { issues, inputs: digests } = reader;
  const manifestFile = reader.text('model.json', true, 'json')!;
  const manifest = parseNationalManifest(manifestText, manifestFile.display, issues);
  // The national tariff: --tariff, else model.json's (a file in the folder, else a library id).
  const nationalTariff =
    tariffFile ?? modelTariff(manifest, root, { libraryDir, allowOutside }, issues);
  const tariff = nationalTariff ? readTariffFile(nationalTariff, limits) : undefined;
  if (tariff?.sha256) digests.push({ path: tariff.file, sha256: tariff.sha256 });
  issues.push(...(tariff?.issues ?? []));
  // The areas table model.json names stays in the folder (src/io/inside-folders.ts): it is not read otherwise.
  const areasOutside =
    manifest.areas !== undefined &&
    !allowOutside &&
    !insideFolders(path.resolve(root, manifest.areas), [root]);
  if (areasOutside && manifest.at)
    issues.push(pathOutside(manifest.areas!, manifest.at('$.areas'), '$.areas'));
  const areasSource =
    manifest.areas && !areasOutside ? reader.text(manifest.areas, true, 'csv') : undefined;
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
    const source = reader.text(name, REQUIRED.has(name), 'csv');
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
  const cohortSource = reader.text('cohort.csv', true, 'csv');
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
    issues.push(...cohortForEveryArea(csv, specs.length));
    tables.set('cohort.csv', csv);
    // Rows that came back to an area, or rows without an area (every area's), left its early task short.
    for (const code of csv.byArea.has('') ? [...handed.keys()] : cohortReader.reopened)
      handed.delete(code);
  }
  // A national folder from `highneeds init --national`, its one area's tables as init wrote them.
  if (tariff?.tariff && manifest.baseYear !== undefined && specs.length === 1)
    issues.push(
      ...templateTables(
        root,
        { tariff: tariff.tariff, baseYear: manifest.baseYear, area: specs[0]! },
        digests,
      ),
    );
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
 * True when any row of the national new-plans.csv, of any area or none, is a count for every
 * year, or when its rows cannot be read (an error in its header or text): not known to lack one.
 */
function hasYearlyCount(csv: NationalCsv | undefined): boolean {
  if (!csv) return false;
  if (csv.issues.some((issue) => issue.severity === 'error')) return true;
  for (const records of csv.byArea.values())
    for (let i = 0; i < records.length; i += 1)
      if (isYearlyCount((column) => records.field(i, csv.columns.indexOf(column))?.trim() ?? ''))
        return true;
  return false;
}
