import type { Issue } from '../core/issue.js';
import type { CsvRow } from './csv-table.js';
import { normalisations, type NormalisationLog, type Recorded } from './normalise.js';

/** A cell parser as in src/io/cell-parsers.ts: the value, or undefined with the problem pushed to `issues`. */
export type CellParser<T> = (row: CsvRow, column: string, issues: Issue[]) => T | undefined;

/**
 * One column's cells, each distinct text parsed once for one read of one file: a national area's
 * thousand-odd cohort rows name a dozen needs and a few settings and bands. Only a text that
 * parsed cleanly (no issue, nothing normalised) is kept, since its value is all the parser gives;
 * any other text is parsed again at each row, so its problems and notes are located at every row
 * that has it, in the same order, as without this.
 */
export class ParsedOnce<T> {
  private readonly clean = new Map<string, T | undefined>();

  constructor(private readonly parse: CellParser<T>) {}

  /** The cell's value; `times`: how many identical rows the row stands for (its notes count for each). */
  read(row: CsvRow, column: string, issues: Issue[], times = 1): T | undefined {
    const text = row.get(column);
    const known = this.clean.get(text);
    if (known !== undefined || this.clean.has(text)) return known;
    const before = issues.length;
    const log = normalisations(issues);
    const [value, notes] = log.record(() => this.parse(row, column, issues));
    if (issues.length === before && notes.length === 0) this.clean.set(text, value);
    else if (times > 1) noteAgain(log, row, notes, times - 1);
    return value;
  }
}

/** The changes a row's texts made, noted for another `times` rows with the same texts. */
export function noteAgain(
  log: NormalisationLog,
  row: CsvRow,
  notes: readonly Recorded[],
  times: number,
): void {
  for (const { change, column, from, to } of notes)
    log.note(change, row.at(column), column, from, to, times);
}
