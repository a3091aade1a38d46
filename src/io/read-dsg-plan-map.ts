import * as path from 'node:path';
import { packageFile } from './provenance-name.js';
import { error, type Issue, type Location, warning } from '../core/issue.js';
import { settingsHint } from '../core/setting-key.js';
import type { TariffSetting } from '../core/tariff.js';
import type { DsgPlanMap } from '../core/dsg-plan-map.js';
import { INCOME_COLUMNS } from '../core/summary-figures.js';
import { readCsvTable } from './csv-table.js';
import { displayPath, readInput } from './files.js';
import { linkedOutside } from './inside-folders.js';
import { DEFAULT_LIMITS } from './limits.js';

const DSG_PLAN_MAP_FILE = 'dsg-plan-map.csv';

/** The shipped map, used when the model folder has none. */
const DEFAULT_DSG_PLAN_MAP = packageFile('templates', 'dsg-plan-map.csv');

export interface ReadDsgPlanMap {
  readonly map?: DsgPlanMap;
  readonly issues: readonly Issue[];
  /** The file read, with its SHA-256, for the provenance manifest. */
  readonly input?: { readonly path: string; readonly sha256: string };
  /**
   * The model's own map's setting rows, where each id is (checked against the tariff:
   * unknownMapSettings), and whether the row is one of the shipped default's as it is there.
   */
  readonly settingRows?: readonly {
    readonly id: string;
    readonly at: Location;
    readonly shipped: boolean;
  }[];
}

/**
 * dsg-plan-map.csv (kind,id,category): the model folder's, or else the shipped default
 * (templates/dsg-plan-map.csv). `kind` is setting or income; an income id is one of the
 * summary's income columns; each (kind, id) once; the category is the template row's name.
 * The model's file linked out of its folder is not read unless `allowOutside` (linkedOutside).
 */
export function readDsgPlanMap(
  modelDir: string,
  allowOutside = false,
  defaultFile = DEFAULT_DSG_PLAN_MAP,
): ReadDsgPlanMap {
  const own = path.join(modelDir, DSG_PLAN_MAP_FILE);
  const display = displayPath(own);
  const outside = allowOutside ? undefined : linkedOutside(own, modelDir, display);
  if (outside) return { issues: [outside] };
  const read = readInput(own, display, DEFAULT_LIMITS.maxFileBytes, 'csv');
  if (read.status === 'refused') return { issues: [read.issue] };
  const file = read.status === 'ok' ? read.file : readDefault(defaultFile);
  const table = readCsvTable(file.text, read.status === 'ok' ? display : displayPath(defaultFile), {
    required: ['kind', 'id', 'category'],
    optional: [],
  });
  const issues: Issue[] = [
    ...(read.status === 'ok' && read.warning ? [read.warning] : []),
    ...table.issues,
  ];
  const settings = new Map<string, string>();
  const income = new Map<string, string>();
  const settingRows: { id: string; at: Location; shipped: boolean }[] = [];
  const shipped = read.status === 'ok' ? shippedSettingRows(defaultFile) : new Set<string>();
  for (const row of table.rows) {
    const kind = row.get('kind');
    const id = row.get('id');
    const category = row.get('category');
    const into = kind === 'setting' ? settings : kind === 'income' ? income : undefined;
    const problem = !into
      ? { at: 'kind', what: `kind "${kind}" is neither setting nor income` }
      : kind === 'income' && !(INCOME_COLUMNS as readonly string[]).includes(id)
        ? { at: 'id', what: `income line "${id}" is not one of ${INCOME_COLUMNS.join(', ')}` }
        : id === ''
          ? { at: 'id', what: 'the id is empty' }
          : category === ''
            ? { at: 'category', what: `${kind} "${id}" has no category` }
            : into.has(id)
              ? { at: 'id', what: `${kind} "${id}" is mapped more than once` }
              : undefined;
    if (problem) {
      issues.push(
        error(
          'INVALID_DSG_MAP',
          problem.what,
          row.at(problem.at),
          'see docs/reports.md, "The DSG management plan"',
        ),
      );
      continue;
    }
    into!.set(id, category);
    if (into === settings)
      settingRows.push({ id, at: row.at('id'), shipped: shipped.has(`${id}\u0000${category}`) });
  }
  return {
    ...(issues.some((i) => i.severity === 'error')
      ? {}
      : { map: { settings, income, own: read.status === 'ok' } }),
    issues,
    input: { path: read.status === 'ok' ? display : displayPath(defaultFile), sha256: file.sha256 },
    ...(read.status === 'ok' ? { settingRows } : {}),
  };
}

/**
 * A row of the model's own map naming a setting its tariff does not have maps nothing (found by
 * an officer's trial: "AP" for ap was left out without a word, and ap shown under its own label).
 * A warning, not an error: a map shared between models may keep rows for settings this tariff
 * lacks. Neither the shipped default nor a row of it copied as it is (as docs/reports.md says to
 * start a map) is checked: a copy into a model whose tariff has fewer settings said one warning a
 * setting it lacks (found by a review).
 */
export function unknownMapSettings(
  read: ReadDsgPlanMap,
  tariff: { readonly id: string; readonly settings: readonly TariffSetting[] },
): Issue[] {
  const ids = tariff.settings.map((s) => s.id);
  return (read.settingRows ?? [])
    .filter((row) => !row.shipped && !ids.includes(row.id))
    .map((row) =>
      warning(
        'DSG_MAP_SETTING_UNKNOWN',
        `setting "${row.id}" is not in tariff "${tariff.id}", so this row maps nothing`,
        row.at,
        `${settingsHint(row.id, ids, tariff.settings)}; or delete the row if the tariff has no such setting`,
      ),
    );
}

/** The shipped default's setting rows, as `id NUL category`. */
function shippedSettingRows(file: string): Set<string> {
  const table = readCsvTable(readDefault(file).text, displayPath(file), {
    required: ['kind', 'id', 'category'],
    optional: [],
  });
  return new Set(
    table.rows
      .filter((row) => row.get('kind') === 'setting')
      .map((row) => `${row.get('id')}\u0000${row.get('category')}`),
  );
}

function readDefault(file: string): { text: string; sha256: string } {
  const read = readInput(file, displayPath(file), DEFAULT_LIMITS.maxFileBytes, 'csv');
  if (read.status !== 'ok') throw new Error(`the shipped ${file} cannot be read`);
  return read.file;
}
