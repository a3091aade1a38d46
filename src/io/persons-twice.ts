import { error, type Issue, type Location } from '../core/issue.js';
import { withThousands } from '../core/thousands.js';

/** A person's second row in one January of a snapshots file. */
export interface Repeat {
  readonly year: number;
  readonly person: string;
  /** The repeated row's person_id cell. */
  readonly at: Location;
  /** The line of the person's first row of that January. */
  readonly firstLine: number;
  /** Whether the two rows give the same NCY, need and setting. */
  readonly same: boolean;
  /** The row's year as the file wrote it ("2024/25"). */
  readonly written: string;
}

/** More repeats than this in one January, as a block, are said as one problem of the January. */
const FOLD_ABOVE = 10;

/**
 * PERSON_TWICE: an error per repeated row, or, where a January repeats more than FOLD_ABOVE
 * persons in a block of rows below all of their first rows, or with every repeat's year written
 * otherwise than its first row's (a file sorted by person), one for the January. Found by an
 * officer's trial: January 2024's rows with their year written "2024/25" (January 2025's) were
 * 3,251 errors of one person each, the first 200 said, and nothing said that January 2024 was
 * missing. A January next to one the file lacks is said to be the likely cause. Repeats among
 * their first rows (a row per need, each person's rows together, their year written alike) are each a person's own problem,
 * and keep their own error and hint.
 */
export function personsTwice(
  repeats: readonly Repeat[],
  januaries: ReadonlySet<number>,
  /** The year as the file wrote it on a line: a January's first rows are told apart by it. */
  yearOnLine: (line: number) => string,
  issues: Issue[],
): void {
  const byYear = new Map<number, Repeat[]>();
  for (const repeat of repeats) {
    const rows = byYear.get(repeat.year);
    if (rows) rows.push(repeat);
    else byYear.set(repeat.year, [repeat]);
  }
  for (const [year, rows] of byYear) {
    const january = block(rows) || rows.every((row) => yearOnLine(row.firstLine) !== row.written);
    if (rows.length <= FOLD_ABOVE || !january) issues.push(...rows.map(onePerson));
    else issues.push(oneJanuary(year, rows, januaries, yearOnLine));
  }
}

/** Whether every repeated row is below every first row it repeats: a January's rows given again. */
function block(rows: readonly Repeat[]): boolean {
  let lastFirst = 0;
  for (const row of rows) lastFirst = Math.max(lastFirst, row.firstLine);
  return (rows[0]!.at.line ?? 0) > lastFirst;
}

function onePerson(repeat: Repeat): Issue {
  return error(
    'PERSON_TWICE',
    `person "${repeat.person}" is already in the January ${repeat.year} snapshot on line ${repeat.firstLine}`,
    repeat.at,
    // A repeated row is deleted; a row per need (as some extracts give a primary and a
    // secondary need) keeps the primary one (an analyst's trial).
    repeat.same
      ? 'the two rows give the same NCY, need and setting: delete one'
      : 'one row per person per January: keep their primary need and their placement at the census date',
  );
}

function oneJanuary(
  year: number,
  rows: readonly Repeat[],
  januaries: ReadonlySet<number>,
  yearOnLine: (line: number) => string,
): Issue {
  // In file order: the first and last are the lines they run from and to.
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  let from = first.firstLine;
  let to = first.firstLine;
  for (const row of rows) {
    from = Math.min(from, row.firstLine);
    to = Math.max(to, row.firstLine);
  }
  const given = [...januaries];
  const between = (january: number) =>
    !januaries.has(january) && given.some((j) => j < january) && given.some((j) => j > january);
  const missing = [year - 1, year + 1].find(between);
  const before = yearOnLine(first.firstLine);
  const written =
    before === first.written
      ? `both sets write their year "${before}"`
      : `the rows before write their year "${before}" and these "${first.written}", both read as January ${year}`;
  return error(
    'PERSON_TWICE',
    `${withThousands(String(rows.length))} persons are in the January ${year} snapshot twice: on lines ${first.at.line} to ${last.at.line}, and before, on lines ${from} to ${to} (the first, "${first.person}" here, on line ${first.firstLine})`,
    first.at,
    missing === undefined
      ? `a January's rows given twice (an extract appended to one that held them), or another January's rows with its year written as January ${year}'s (${written}): correct the year, or delete the rows repeated`
      : `no row gives January ${missing}, and ${written}: correct the year of the rows that are January ${missing}'s`,
  );
}
