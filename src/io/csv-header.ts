import { error, warning, type Issue, type Location } from '../core/issue.js';
import {
  columnsByKey,
  countLike,
  holdsName,
  matchKey,
  nearMisses,
  readAs,
  slipsMatter,
} from './column-names.js';
import type { ColumnSpec } from './csv-table.js';
import { garbled, MANGLED_HINT, mangledIn, unmangle } from './normalise.js';

/*
 * A CSV's header row, read against the columns its table expects (ColumnSpec): which field is
 * which column, and every problem with the names, for a model folder's tables (readCsvTable) and
 * a national model's (src/io/batch/rows-by-area.ts) alike.
 */

/** A header cell as its file meant it: trimmed, garbled text read as it was meant, case kept. */
export function writtenName(raw: string): string {
  return (mangledIn(raw) === undefined ? raw : unmangle(raw)).trim();
}

/** A header read: its column names (lower case) by field number, and the columns it does not use. */
interface Header {
  readonly columns: Map<string, number>;
  readonly unused: UnusedColumns;
}

/**
 * The columns of a header that its table does not use, each warned of (UNKNOWN_COLUMN) by
 * unusedColumns once the rows can be looked at; and the count column the table is read without.
 */
export interface UnusedColumns {
  readonly columns: readonly UnusedColumn[];
  /** The count column (ColumnSpec.countColumn) the header lacks, so that each row is one pupil. */
  readonly uncounted?: string;
}

interface UnusedColumn {
  /** As the header wrote it. */
  readonly name: string;
  /** The field number, from 0. */
  readonly index: number;
  readonly location: Location;
  /** The plain warning's hint: the column it may be a slip for, and the columns expected. */
  readonly hint: string;
}

/**
 * A header row's column names (lower case; a column of the table as its docs spell it, whatever
 * the case, spaces, underscores or hyphens: column-names.ts) by field number, with its problems:
 * garbled text, a column given twice, a column read under another name, a column not used (an
 * error when it looks like a slip for a missing column whose absence changes the figures:
 * slipsMatter; else returned in `unused` for unusedColumns), a required column missing (with the
 * column that may be it). `national`: a table of a national model (src/io/batch/rows-by-area.ts),
 * whose header is read the same way.
 */
export function readHeader(
  header: readonly string[],
  line: number,
  file: string,
  spec: ColumnSpec,
  issues: Issue[],
  national = false,
): Header {
  const columns = new Map<string, number>();
  // Matched in lower case; messages name a column as the file wrote it, hints as the docs spell it.
  const expected = [...spec.required, ...spec.optional];
  const byKey = columnsByKey(expected, national);
  const written = header.map(writtenName);
  const names = written.map((name) => byKey.get(matchKey(name)));
  const absent = expected.filter((name) => !names.includes(name));
  const matter = slipsMatter(national);
  const unused: UnusedColumn[] = [];
  /** The columns not read that may be each missing required column: said in its MISSING_COLUMN. */
  const mayBe = new Map<string, string[]>();
  written.forEach((name, index) => {
    const location = { file, line, column: index + 1 };
    const raw = header[index]!;
    const mangled = mangledIn(raw);
    if (mangled !== undefined)
      issues.push(
        error(
          'TEXT_MANGLED',
          `column name "${raw}" holds "${mangled}", which is ${garbled(mangled)} garbled by a wrong character set`,
          location,
          MANGLED_HINT,
        ),
      );
    if (name === '') return;
    const column = names[index];
    const key = (column ?? name).toLowerCase();
    // Read under another name than the one written (not only in another case).
    const renamed = column !== undefined && key !== name.toLowerCase();
    if (columns.has(key)) {
      const first = written[columns.get(key)!]!;
      issues.push(duplicateColumn(name, column, first, columns.get(key)!, location));
    } else {
      columns.set(key, index);
      if (renamed) issues.push(warning('COLUMN_NORMALISED', readAs(name, column!), location));
    }
    if (spec.ignoreOthers || column !== undefined) return;
    const meant = nearMisses(name, absent);
    const required = absent.filter(
      (target) =>
        spec.required.includes(target) && (meant.includes(target) || holdsName(name, target)),
    );
    if (required.length > 0) {
      // Said once, in the missing column's error.
      for (const target of required) mayBe.set(target, [...(mayBe.get(target) ?? []), name]);
      return;
    }
    const slips = meant.filter((target) => matter.has(target));
    if (slips.length)
      issues.push(
        error(
          'UNREAD_COLUMN',
          `column "${name}" is not read: did you mean ${slips.join(' or ')}?`,
          location,
          `rename it ${slips.join(' or ')}, which the table does not have; if it is another column, give it a name less like ${slips.join(' or ')}`,
        ),
      );
    else
      unused.push({
        name,
        index,
        location,
        hint: `${meant.length ? `if it is ${meant.join(' or ')}, rename it so; ` : ''}expected columns: ${expected.join(', ')}`,
      });
  });
  const expectedColumns = `expected columns: ${spec.required.join(', ')}${spec.optional.length ? ` (optional: ${spec.optional.join(', ')})` : ''}`;
  for (const name of spec.required) {
    if (columns.has(name.toLowerCase())) continue;
    // An age column where the NCY is missing (ONS population by single year of age, a case
    // system's export): how to turn one into the other (found by an officer's trial of population.csv).
    const why =
      spec.missingHints?.[name] ??
      (name === 'ncy' && written.some((w) => matchKey(w) === 'age') ? NCY_FROM_AGE : undefined);
    const maybe = mayBe.get(name);
    issues.push(
      error(
        'MISSING_COLUMN',
        `required column "${name}" is missing`,
        { file, line },
        why !== undefined
          ? `${why}; ${expectedColumns}`
          : `${maybe ? `column ${maybe.map((w) => `"${w}"`).join(' or ')} may be it: rename it ${name}; ` : ''}${expectedColumns}`,
      ),
    );
  }
  const count = spec.countColumn;
  const uncounted = count !== undefined && !names.includes(count) ? count : undefined;
  return { columns, unused: { columns: unused, ...(uncounted ? { uncounted } : {}) } };
}

/**
 * UNKNOWN_COLUMN for each column a header has that its table does not use. In a table read one
 * row per pupil for want of its count column, one that holds whole numbers above 1 ("Number of
 * pupils", as a user trial found: 1,499 pupils for 2,662) says what ignoring it does: `cells`
 * gives a column's cells by field number, or is left out when the rows are not read. Also for a
 * national CSV (src/io/batch/rows-by-area.ts), whose rows are read after its header.
 */
export function unusedColumns(
  unused: UnusedColumns,
  cells?: (index: number) => Iterable<{ readonly text: string; readonly line: number }>,
): Issue[] {
  return unused.columns.map(({ name, index, location, hint }) => {
    const above = unused.uncounted && cells ? countLike(cells(index)) : undefined;
    return above
      ? warning(
          'UNKNOWN_COLUMN',
          `column "${name}" is not used and will be ignored, so each row is one pupil; yet it holds whole numbers such as ${above.text} (line ${above.line})`,
          location,
          `if it is how many pupils a row stands for, name it ${unused.uncounted}`,
        )
      : warning(
          'UNKNOWN_COLUMN',
          `column "${name}" is not used and will be ignored`,
          location,
          hint,
        );
  });
}

/** DUPLICATE_COLUMN: a column written twice, or twice under names read as the same column (area and area_code). */
function duplicateColumn(
  name: string,
  column: string | undefined,
  first: string,
  firstIndex: number,
  location: Location,
): Issue {
  return column === undefined || first.toLowerCase() === name.toLowerCase()
    ? error('DUPLICATE_COLUMN', `column "${name}" appears more than once`, location)
    : error(
        'DUPLICATE_COLUMN',
        `column "${name}" is read as ${column}, which column ${firstIndex + 1} ("${first}") is already`,
        location,
        'keep one of the two columns',
      );
}

/** A column of ages where the NCY is wanted: NCY is the age at 31 August less 4 (README, "The model folder"). */
const NCY_FROM_AGE =
  'column "age" holds ages, not NCYs: give an ncy column, the age at 31 August − 4 (age 4 is Reception, NCY 0; age 24 is NCY 20)';
