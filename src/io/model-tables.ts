import type { Issue } from '../core/issue.js';
import type { Model } from '../core/model.js';
import {
  type AcademicYear,
  type FinancialYear,
  firstProjectedFinancialYear,
} from '../core/period.js';
import type { CsvTable } from './csv-table.js';
import { readCohort } from './read-cohort.js';
import { readCeasing, readNewPlans, readTransitions } from './read-flows.js';
import { readFunding, readPlaces } from './read-ledger.js';
import { readCapacity } from './read-capacity.js';
import { readPopulation } from './read-population.js';
import type { TariffCheck } from './tariff-check.js';

/** The CSV tables of one model, each absent when its file is (or cannot be read). */
export interface ModelTables {
  /** `repeats`: how many identical rows each row stands for (the national batch tallies repeated rows once). */
  readonly cohort?: { readonly table: CsvTable; readonly repeats?: readonly number[] };
  readonly newPlans?: CsvTable;
  readonly ceasing?: CsvTable;
  readonly transitions?: CsvTable;
  readonly places?: CsvTable;
  readonly funding?: CsvTable;
  readonly population?: CsvTable;
  readonly capacity?: CsvTable;
  /** spend.csv: read with the money settings (src/io/model-money.ts), not with the rows here. */
  readonly spend?: CsvTable;
}

type TableKey = Exclude<keyof ModelTables, 'cohort'>;

/** `{ [key]: table }` when the table was read, else nothing: for building ModelTables. */
export const present = <K extends TableKey>(
  key: K,
  table: CsvTable | undefined,
): Partial<Record<K, CsvTable>> => (table ? ({ [key]: table } as Record<K, CsvTable>) : {});

export type ModelRows = Pick<
  Model,
  | 'cohort'
  | 'newPlans'
  | 'ceasing'
  | 'transitions'
  | 'places'
  | 'funding'
  | 'population'
  | 'capacity'
>;

/**
 * A model's rows from its tables (README, "The model folder"), checked against its tariff and
 * years, every problem added to `issues`. One function for a model folder (src/io/model-folder.ts)
 * and for an area of a national model (src/io/batch/area-source.ts), so the two cannot drift apart.
 * Without a base year or horizon, the tables that need them are not read (their own problem is reported).
 * `overflowSetting` is model.json's, as given: where capacity.csv's rows without overflow_to send pupils.
 * population and capacity are present only when their files are.
 */
export function readModelRows(
  tables: ModelTables,
  areaCode: string | undefined,
  base: AcademicYear | undefined,
  horizon: FinancialYear | undefined,
  check: TariffCheck,
  overflowSetting: string | undefined,
  issues: Issue[],
): ModelRows {
  const years = base !== undefined && horizon !== undefined ? { base, horizon } : undefined;
  return {
    cohort: tables.cohort
      ? readCohort(tables.cohort.table, areaCode, check, issues, tables.cohort.repeats)
      : [],
    newPlans:
      tables.newPlans && years
        ? readNewPlans(
            tables.newPlans,
            { first: years.base + 1, last: years.horizon },
            check,
            issues,
          )
        : [],
    ceasing: tables.ceasing ? readCeasing(tables.ceasing, check, issues) : [],
    transitions: tables.transitions ? readTransitions(tables.transitions, check, issues) : [],
    places:
      tables.places && years
        ? readPlaces(tables.places, { first: years.base, last: years.horizon }, check, issues)
        : [],
    funding:
      tables.funding && years
        ? readFunding(
            tables.funding,
            { first: firstProjectedFinancialYear(years.base), last: years.horizon },
            issues,
          )
        : [],
    ...(tables.population && years
      ? {
          population: readPopulation(
            tables.population,
            { first: years.base, last: years.horizon },
            issues,
          ),
        }
      : {}),
    ...(tables.capacity && years
      ? {
          capacity: readCapacity(
            tables.capacity,
            { first: years.base + 1, last: years.horizon },
            check,
            overflowSetting,
            issues,
          ),
        }
      : {}),
  };
}
