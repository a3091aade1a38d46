import { error, warning, type Issue } from '../core/issue.js';
import { type AcademicYear, formatAcademicYear } from '../core/period.js';
import type { CsvRow } from './csv-table.js';

/** How a table of one row per academic year and key names a row and the years it may give. */
export interface YearKeyedRow {
  readonly academicYear: AcademicYear;
  /** What else, with the year, makes the row one of a kind: its setting, its NCY. */
  readonly key: string | number;
  /** The row as a duplicate's message names it: `places for special in 2026/27 are`. */
  readonly repeated: string;
  readonly years: { readonly first: AcademicYear; readonly last: AcademicYear };
  /** The years' name in the message: the modelled years, or the projected years. */
  readonly yearsAre: 'modelled' | 'projected';
  /** The out-of-range warning's hint, where the table has one. */
  readonly outsideHint?: string;
}

/**
 * The two checks places.csv, capacity.csv and population.csv share: a second row for the same year
 * and key is DUPLICATE_ROW, naming the first's line; a year outside the years the table may give is
 * YEAR_OUT_OF_RANGE, a warning, and the row is ignored. True when the row is kept. `seen` holds the
 * line of each (year, key) met so far; the caller keeps it across the table's rows.
 */
export function keepYearKeyedRow(
  row: CsvRow,
  seen: Map<string, number>,
  { academicYear, key, repeated, years, yearsAre, outsideHint }: YearKeyedRow,
  issues: Issue[],
): boolean {
  const id = `${academicYear}\u0000${key}`;
  const first = seen.get(id);
  if (first !== undefined) {
    issues.push(error('DUPLICATE_ROW', `${repeated} already given on line ${first}`, row.at()));
    return false;
  }
  seen.set(id, row.line);
  if (academicYear >= years.first && academicYear <= years.last) return true;
  issues.push(
    warning(
      'YEAR_OUT_OF_RANGE',
      `academic year ${formatAcademicYear(academicYear)} is outside the ${yearsAre} years ${formatAcademicYear(years.first)} to ${formatAcademicYear(years.last)}; the row is ignored`,
      row.at('academic_year'),
      outsideHint,
    ),
  );
  return false;
}
