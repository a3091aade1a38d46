import { error, type Issue } from '../../core/issue.js';
import type { ColumnSpec } from '../csv-table.js';
import type { NationalCsv } from './rows-by-area.js';

/**
 * A national table without an `area` column gives every row to every area, which is right for
 * rates shared by all areas but not for a column that does say the area under a name the tool
 * does not read (LA, la_code): one whose every cell given is a code of areas.csv is taken for the area
 * column, and the table is refused (UNREAD_COLUMN) rather than each area given the whole country.
 * The table's issues, with that error for the column's UNKNOWN_COLUMN warning (or for the
 * header's own UNREAD_COLUMN, when the name looked like a slip for area as well: said once).
 */
export function withAreaColumnChecked(
  csv: NationalCsv,
  spec: ColumnSpec,
  codes: ReadonlySet<string>,
): readonly Issue[] {
  const unread = unreadAreaColumns(csv, spec, codes);
  if (unread.length === 0) return csv.issues;
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
  codes: ReadonlySet<string>,
): Issue[] {
  if (csv.columns.includes('area') || codes.size === 0) return [];
  const known = new Set([...spec.required, ...spec.optional].map((name) => name.toLowerCase()));
  const rows = csv.byArea.get('');
  const issues: Issue[] = [];
  csv.columns.forEach((name, index) => {
    if (name === '' || known.has(name) || !rows?.length) return;
    let first: number | undefined;
    for (let i = 0; i < rows.length; i += 1) {
      const cell = rows.field(i, index)?.trim() ?? '';
      if (cell !== '' && !codes.has(cell)) return;
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
