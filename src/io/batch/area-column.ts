import { error, type Issue } from '../../core/issue.js';
import type { ColumnSpec } from '../csv-table.js';
import { matchKey } from '../column-names.js';
import type { NationalCsv } from './rows-by-area.js';
import type { AreaTable } from './wire.js';

/**
 * A national table without an `area` column gives every row to every area, which is right for
 * rates shared by all areas but not for a column that does say the area under a name the tool
 * does not read (LA, la_code): one whose every cell given is a code of areas.csv (an area's code,
 * or its other code in ons_code or la_code) is taken for the area column, and the table is refused
 * (UNREAD_COLUMN) rather than each area given the whole country.
 * The table's issues, with that error for the column's UNKNOWN_COLUMN warning (or for the
 * header's own UNREAD_COLUMN, when the name looked like a slip for area as well: said once); or,
 * for a cohort or counts of new plans with no such column at all, areaColumnMissing's.
 */
export function withAreaColumnChecked(
  csv: NationalCsv,
  spec: ColumnSpec,
  codes: ReadonlySet<string>,
  table: AreaTable,
  /** The areas' other codes (areas.csv's ons_code, la_code) → their codes. */
  otherCodes: ReadonlyMap<string, string>,
): readonly Issue[] {
  // A column of the areas' other codes was let through, each area given every row (found by a
  // review).
  const unread = unreadAreaColumns(csv, spec, (cell) => codes.has(cell) || otherCodes.has(cell));
  if (unread.length === 0)
    return [...csv.issues, ...areaColumnMissing(csv, table, codes.size, headerOf(csv, spec))];
  const columns = new Set(unread.map((issue) => issue.location!.column));
  return [
    ...csv.issues.filter(
      (issue) =>
        (issue.code !== 'UNKNOWN_COLUMN' && issue.code !== 'UNREAD_COLUMN') ||
        issue.location?.line !== csv.headerLine ||
        !columns.has(issue.location.column),
    ),
    ...unread,
  ];
}

function unreadAreaColumns(
  csv: NationalCsv,
  spec: ColumnSpec,
  isCode: (cell: string) => boolean,
): Issue[] {
  if (csv.columns.includes('area')) return [];
  const known = new Set([...spec.required, ...spec.optional].map((name) => name.toLowerCase()));
  const rows = csv.byArea.get('');
  const issues: Issue[] = [];
  csv.columns.forEach((name, index) => {
    if (name === '' || known.has(name) || !rows?.length) return;
    let first: number | undefined;
    for (let i = 0; i < rows.length; i += 1) {
      const cell = rows.field(i, index)?.trim() ?? '';
      if (cell !== '' && !isCode(cell)) return;
      if (cell !== '') first ??= i;
    }
    if (first === undefined) return;
    const written = csv.header[index]!.trim();
    issues.push(
      error(
        'UNREAD_COLUMN',
        `column "${written}" holds the areas' codes (as "${rows.field(first, index)!.trim()}" on line ${rows.line(first)}) but is not read: without an area column every row is for every area`,
        { file: csv.file, line: csv.headerLine, column: index + 1 },
        'name the column area (or area_code), as the areas table names its areas',
      ),
    );
  });
  return issues;
}

/** The tables whose rows each area must not all be given, and what it would be given. */
const AREA_COUNTED: Partial<Record<AreaTable, { column?: string; what: string }>> = {
  'cohort.csv': { what: 'every row (the whole national cohort)' },
  'new-plans.csv': { column: 'count', what: "every row's count of new plans" },
  'places.csv': { what: "every row's places" },
  'population.csv': { what: "every row's population" },
  'capacity.csv': { what: "every row's capacity" },
  'funding.csv': { what: "every row's funding (each area the same high-needs block and balances)" },
  'spend.csv': { what: "every row's spend" },
};

/**
 * A table of one authority's quantities (its cohort, counts of new plans, places, population,
 * capacity, funding, spend) with no area column in a model of more than one area: each area would
 * be given the whole table (found by a user trial for the cohort: 3.6 times the spend, validate
 * ok). It is an error, not a warning: rows meant for every area are still written so, with an area
 * column whose cells are empty (README, "National batch"). Rates (ceasing, transitions, new plans
 * per head of each area's own population) are commonly the same for every area: left alone.
 */
/** Whether the header names any of the table's columns: not a title line above them, say. */
function headerOf(csv: NationalCsv, spec: ColumnSpec): boolean {
  const keys = new Set([...spec.required, ...spec.optional].map(matchKey));
  return csv.columns.some((name) => name !== '' && keys.has(matchKey(name)));
}

function areaColumnMissing(
  csv: NationalCsv,
  table: AreaTable,
  areas: number,
  /** The header names some of the table's columns (headerOf). */
  isHeader: boolean,
): Issue[] {
  const counted = AREA_COUNTED[table];
  if (!counted || areas < 2 || csv.columns.includes('area') || csv.columns.length === 0) return [];
  const rows = csv.byArea.get('');
  // Rows are not read past a header in error (a required column missing): the area column is
  // still said to be missing, with the others, not once they are put right (found by a DfE
  // analyst's national trial: a cohort headed LA, NC Year, Primary Need was told of ncy and need
  // alone). A table whose rows may not need one (new plans as rates) waits for its rows, and so
  // does a header that names none of the table's columns (a title line above them: header-below.ts).
  const unread =
    isHeader &&
    csv.issues.some(
      (issue) => issue.severity === 'error' && issue.location?.line === csv.headerLine,
    );
  if (!rows?.length && !(unread && counted.column === undefined)) return [];
  const at = counted.column === undefined ? -1 : csv.columns.indexOf(counted.column);
  if (counted.column !== undefined && rows) {
    let any = false;
    for (let i = 0; i < rows.length && !any; i += 1) any = (rows.field(i, at)?.trim() ?? '') !== '';
    if (!any) return [];
  }
  return [
    error(
      'MISSING_COLUMN',
      `column "area" is missing: each of the ${areas} areas would be given ${counted.what}`,
      { file: csv.file, line: csv.headerLine },
      "add an area column (area_code also reads) with each row's area; to give a row to every area, leave its area cell empty",
    ),
  ];
}
