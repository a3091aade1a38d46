import { editDistance } from '../core/edit-distance.js';

/**
 * How a header cell is matched to a table's column: as a spreadsheet user writes a name, not only
 * as the docs spell it. A setting id is matched ignoring case, spaces and underscores
 * (normalise.ts); a column name is too, else "annual cost" would be ignored and every fee replaced
 * by a tariff rate without a word.
 */

/** A column name as matched: lower case, without spaces, underscores or hyphens ("Annual-Cost" is annual_cost). */
export const matchKey = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Other names a column is read under, by match key, in a national model's tables only: `area_code`,
 * the name areas.csv gives an area's code, for the `area` column of the other tables (a national
 * table whose area column is not read gives every row to every area). In one authority's folder
 * an `area_code` column (an extract's ONS code, say) is left unread, as before: there the `area`
 * column only checks each row against model.json's code.
 */
const NATIONAL_ALIASES: ReadonlyMap<string, string> = new Map([['areacode', 'area']]);

/**
 * A table's column names by match key, as the docs spell them; with `national`, an alias too where
 * the table has the column it stands for and no column of its own name (areas.csv has `area_code`
 * itself).
 */
export function columnsByKey(names: readonly string[], national = false): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(matchKey(name))) byKey.set(matchKey(name), name);
  if (!national) return byKey;
  for (const [alias, name] of NATIONAL_ALIASES) {
    const column = byKey.get(matchKey(name));
    if (column !== undefined && !byKey.has(alias)) byKey.set(alias, column);
  }
  return byKey;
}

/**
 * The optional columns whose absence changes the figures without a word: without `count` each row
 * is one pupil, without `annual_cost` a fee row is priced by the tariff, and in a national table
 * without `area` each row is every area's. A column not read that looks like a slip for one of
 * these (absent) is an error; one like any other column (`Notes` for note, `row` for low), only
 * a warning that says which it may be: an unrelated column of a real file must not stop the run.
 */
export function slipsMatter(national: boolean): ReadonlySet<string> {
  return new Set(national ? ['count', 'annual_cost', 'area'] : ['count', 'annual_cost']);
}

/** The words of a note on a column read under another name. */
export function readAs(written: string, column: string): string {
  return matchKey(written) === matchKey(column)
    ? `column "${written}" is read as ${column}`
    : `column "${written}" is read as ${column}, the code of the area a row is for`;
}

/**
 * The columns of `absent` that `written` looks like a slip for: at most two letters added, dropped
 * or changed in the match key (counts, cnt, anual_cost), and fewer than half the column's letters,
 * so that a short name is not the slip of every other short name (age is not area); or the end of
 * the column's name, four letters or more (cost for annual_cost).
 */
export function nearMisses(written: string, absent: readonly string[]): string[] {
  const key = matchKey(written);
  return absent.filter((name) => {
    const target = matchKey(name);
    if (key.length >= 4 && key !== target && target.endsWith(key)) return true;
    const distance = editDistance(key, target, 2);
    return distance > 0 && distance <= 2 && 2 * distance < target.length;
  });
}

/**
 * True when `written` holds `column`'s name as one of its words ("Primary Need" holds need, as
 * SEN2 extracts head it; "Amount (£)" holds amount): a column that may be a missing required one,
 * said in its MISSING_COLUMN (found by a user trial).
 */
export function holdsName(written: string, column: string): boolean {
  const words = written.toLowerCase().split(/[^a-z0-9]+/);
  const key = matchKey(written);
  if (LONG_NAMES[column]?.test(key)) return true;
  // A long name of another column is that column's, not this one's because of a word it holds:
  // "NC Year" was offered for a snapshot's year as well as its ncy (found by an officer's trial).
  if (Object.values(LONG_NAMES).some((name) => name.test(key))) return false;
  return words.length > 1 && words.includes(column.toLowerCase());
}

/**
 * A column's name spelt out as DfE's returns and an LA's extract head it, by match key: the NCY
 * as the school census's "NCyearActual", SEN2's "NC Year", "National curriculum year" or "Year
 * group" (found by a DfE analyst's trial: "NC Year" was only "not used", and ncy "missing" with no
 * word that it may be that column); a snapshot's year as its "Census date", a setting as
 * SEN2's "Placement", a person as a case system's "Child ID" or "UPN".
 */
const LONG_NAMES: Readonly<Record<string, RegExp>> = {
  ncy: /^(ncyear(actual)?|nationalcurriculumyear(group)?|yeargroup|ncyeargroup)$/,
  // A January snapshot extract's census date ("18/01/2024", read as its year: read-snapshots.ts),
  // and SEN2's word for a setting (found by an officer's trial: both were only "not used").
  year: /^census(date|year)?$/,
  setting: /^placement(type)?$/,
  // A case system's name for its person: "Child ID", "Pupil ID", "UPN" (found by an officer's
  // trial: "Child ID" was only "not used", and person_id "missing").
  person_id: /^((child|pupil|person|learner|case)(id|ref|reference|number|no)|upn|id)$/,
};

/**
 * The whole number above 1 on the earliest line of a column whose cells are all whole numbers (or
 * empty), with its line: in a table read one row per pupil for want of its count column, such a
 * column ("Number of pupils") is likely the count under another name. The earliest line, not the
 * first met: a national CSV's cells come area by area (a review found a warning citing line 114
 * of a cohort whose line 6 held a 3).
 */
export function countLike(
  cells: Iterable<{ readonly text: string; readonly line: number }>,
): { readonly text: string; readonly line: number } | undefined {
  let above: { text: string; line: number } | undefined;
  for (const { text, line } of cells) {
    const figure = text.trim();
    if (figure === '') continue;
    if (!/^\d+$/.test(figure)) return undefined;
    if (Number(figure) > 1 && (above === undefined || line < above.line))
      above = { text: figure, line };
  }
  return above;
}
