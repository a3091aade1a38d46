import type { Issue } from '../../core/issue.js';
import type { Limits } from '../limits.js';
import type { InputDigest } from '../input-reader.js';
import type { WireRecords } from './area-records.js';
import type { AreaIntervals } from '../../core/simulate/area-intervals.js';
import type { DrawSpec } from '../area-intervals.js';

/**
 * What crosses between the batch's main thread and its workers: plain strings, numbers and
 * arrays only (structured clone keeps no decimal.js prototypes), so figures travel as decimal text.
 */

export const AREA_TABLES = [
  'cohort.csv',
  'new-plans.csv',
  'ceasing.csv',
  'transitions.csv',
  'places.csv',
  'funding.csv',
  'population.csv',
  'capacity.csv',
  'spend.csv',
] as const;
export type AreaTable = (typeof AREA_TABLES)[number];

/** One row of areas.csv. */
export interface AreaSpec {
  readonly code: string;
  readonly name: string;
  /**
   * The area's codes of the other system in areas.csv (ons_code, la_code) that differ from its
   * code: rows under one in the other tables are this area's, as under its code.
   */
  readonly otherCodes?: readonly string[];
  readonly line: number;
  readonly fields: readonly string[];
}

interface CommonInit {
  /** The national folder (absolute). */
  readonly dir: string;
  /** Scenario ids to run, in order; undefined: no scenarios file, the model as given. */
  readonly scenarios?: readonly string[];
  /** The scenarios file (absolute), when there is one. */
  readonly scenariosFile?: string;
  readonly libraryDir: string;
  /** --tariff (absolute): the tariff of every area with none of its own in areas.csv, instead of model.json's. */
  readonly tariffFile?: string;
  /** --hnb-from (absolute): nff outputs whose allocation for each area replaces its hnb_allocation; read and checked on the main thread first. */
  readonly hnbFrom?: readonly string[];
  readonly limits: Limits;
  /** batch --draws: simulate each area too (src/io/area-intervals.ts). */
  readonly draws?: DrawSpec;
  /** validate: project each scenario's ranged levers at their bounds too (RANGE_UNPRICED). */
  readonly checkRanges?: boolean;
  /** --allow-outside: model files may name tariffs outside the folder and the library. */
  readonly allowOutside?: boolean;
}

export interface NationalInit extends CommonInit {
  readonly kind: 'national';
  readonly manifestFile: string;
  readonly manifestText: string;
  readonly areasFile: string;
  readonly areaColumns: readonly string[];
  /** areas.csv's header as written, for naming its columns in messages (src/io/csv-table.ts, CsvRow.label). */
  readonly areaHeader: readonly string[];
  /** Each table read, with its rows that have no area (they apply to every area). */
  readonly tables: Readonly<
    Partial<
      Record<
        AreaTable,
        {
          readonly file: string;
          readonly columns: readonly string[];
          /** The header as written, for messages. */
          readonly header: readonly string[];
          /** Whether the file holds text a spreadsheet garbles (a warning per column, as for a model folder's table). */
          readonly mangled: boolean;
          readonly shared?: WireRecords;
        }
      >
    >
  >;
}

interface FoldersInit extends CommonInit {
  readonly kind: 'folders';
}

export type BatchInit = NationalInit | FoldersInit;
/** The sources as read, before the scenarios to run are chosen. */
export type SourcesInit =
  | Omit<NationalInit, 'scenarios' | 'scenariosFile'>
  | Omit<FoldersInit, 'scenarios' | 'scenariosFile'>;

export interface NationalTask {
  readonly kind: 'national';
  readonly spec: AreaSpec;
  /** The area's own rows of each table (the cohort's with the rows that name no area). */
  readonly rows: Readonly<Partial<Record<AreaTable, WireRecords>>>;
  /** Relative cost, to hand out the biggest areas first. */
  readonly weight: number;
}

interface FolderTask {
  readonly kind: 'folder';
  /** An ordinary model folder (absolute). */
  readonly dir: string;
  readonly weight: number;
}

export type BatchTask = NationalTask | FolderTask;

/** A summary row as it crosses from a worker: text cells as text, each figure unrounded as decimal text (`d`). */
export type WireRow = Readonly<Record<string, string | { readonly d: string }>>;

export interface AreaOutcome {
  readonly code: string;
  readonly name: string;
  /** The model.json an area of a folder of models was read from. */
  readonly source?: string;
  /** Every issue for the area, sorted; any error means the area failed. */
  readonly issues: readonly Issue[];
  /** Summary rows per scenario (id '' when there are no scenarios); empty when the area failed. */
  readonly scenarios: readonly { readonly id: string; readonly rows: readonly WireRow[] }[];
  /** The files read for this area on its thread, with their SHA-256 (a folder's model files, an area's own tariff). */
  readonly inputs: readonly InputDigest[];
  /** With --draws: the area's simulation under each scenario. */
  readonly intervals?: readonly AreaIntervals[];
}
