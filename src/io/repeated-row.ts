import { type Issue, warning } from '../core/issue.js';
import type { CsvRow } from './csv-table.js';

/**
 * ROW_REPEATED: a row of lines that are added up (funding.csv's transfers, contributions, Safety
 * Valve and other income) that repeats an earlier row cell for cell, note and all. Both are
 * counted, as two payments would be; a row pasted twice is the likelier cause (found by a user
 * trial appending a month's rows to a spreadsheet export: a £500,000 contribution counted as
 * £1,000,000 without a word), so it is said. So is a new-plans.csv row, whose rows of one kind of
 * plan are added up too: pasted twice, it doubled that stream of new plans without a word (found
 * by a national trial).
 */
export class RepeatedRows {
  private readonly seen = new Map<string, number>();

  /**
   * The warning for a row that repeats one seen before, naming what is counted twice. Every cell
   * is compared, a column the model does not read too: two payments a column of the user's own
   * (a ledger reference) tells apart were said to repeat each other cell for cell (found by a review).
   * `counted` words what is counted twice, asked for only of a repeat: every row of a national
   * new-plans.csv (60,000 in the benchmark's) is checked.
   */
  check(
    row: CsvRow,
    counted: () => string,
    hint = 'delete one if it was pasted twice; if both are meant, tell them apart in their note',
  ): Issue | undefined {
    // A row cut short of its empty last cells is the same row.
    const cells = [...row.cells()];
    while (cells.at(-1) === '') cells.pop();
    const key = cells.join('\u0000');
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, row.line);
      return undefined;
    }
    return warning(
      'ROW_REPEATED',
      `this row repeats line ${first} cell for cell; both are counted: ${counted()}`,
      row.at(),
      hint,
    );
  }
}
