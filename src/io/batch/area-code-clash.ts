import { error, type Issue, type Location } from '../../core/issue.js';

/** An area of areas.csv that fails before it is modelled, and why. */
export interface AreaFailure {
  readonly name: string;
  readonly issues: Issue[];
  /**
   * The names of areas.csv's later rows of the same code (DUPLICATE_AREA), where they differ from
   * `name`: --area finds the area by them too ("not in areas.csv" was said of a name on its line 3).
   */
  otherNames?: string[];
}

/** An areas.csv row, as DUPLICATE_AREA names it. */
interface AreaRow {
  readonly code: string;
  readonly name: string;
  readonly line: number;
}

/**
 * DUPLICATE_AREA for a row of areas.csv whose code is an earlier row's, as it is written or
 * written another way (e06000001 for E06000001, 0202 for 202: the same codeKey). The same code
 * fails the area: its rows in the other files could not be told apart. Written another way, the
 * second row fails alone, as an area giving another's code as its ons_code does: rows are grouped
 * by the code as written, but --area, an --hnb-from file and UNKNOWN_AREA read a code in any
 * case and as a spreadsheet rewrites a number, so one area's rows could be taken for the other's
 * (left by the review of --area: an --hnb-from row "e06000001" went to area E06000001).
 */
export function duplicateArea(
  row: AreaRow,
  earlier: AreaRow,
  where: Location,
  failures: Map<string, AreaFailure>,
): void {
  const named = (area: AreaRow) => (row.name === earlier.name ? '' : ` (${area.name})`);
  const same = row.code === earlier.code;
  const issue: Issue = {
    ...(same
      ? error(
          'DUPLICATE_AREA',
          `area "${row.code}"${named(row)} is already on line ${earlier.line}${named(earlier)}`,
          where,
          'give each area one row: its rows in the other files could not be told apart',
        )
      : error(
          'DUPLICATE_AREA',
          `area "${row.code}"${named(row)} is area "${earlier.code}"${named(earlier)} of line ${earlier.line}, written another way`,
          where,
          "give each area a code of its own: --area, an --hnb-from file and the hints read a code in any case and as a spreadsheet rewrites a number (0202 or 202.0 for 202), so rows under one could be taken for the other's",
        )),
    area: row.code,
  };
  const failure = failures.get(row.code) ?? { name: same ? earlier.name : row.name, issues: [] };
  failure.issues.push(issue);
  if (same && row.name !== failure.name && row.name !== '')
    failure.otherNames = [...(failure.otherNames ?? []), row.name];
  failures.set(row.code, failure);
}
