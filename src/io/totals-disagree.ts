import type { Decimal } from 'decimal.js';
import { Dec, parseDecimal } from '../core/decimal.js';
import { warning, type Issue } from '../core/issue.js';
import { withThousands } from '../core/thousands.js';
import { writtenName } from './csv-header.js';
import { spreadsheetNumber } from './normalise.js';

/** A cell's figure as a spreadsheet writes one (£, separators, brackets), never a percentage. */
function figureOf(text: string): Decimal | undefined {
  const cell = text.trim();
  return parseDecimal(cell) ?? spreadsheetNumber(cell, 'amount')?.value;
}

/** The decimal places a figure is written to ("1,289" 0, "£12.50" 2): a total shown rounded is compared so. */
const placesOf = (text: string): number => /\.(\d+)\)?\s*$/.exec(text.trim())?.[1]?.length ?? 0;

/**
 * Columns of a figure per pupil, per place or per year (a cost, a rate, a share, a growth): a
 * totals row's figure there is no sum of the column, but a SUMPRODUCT with the counts or an
 * average (found by a review: cohort.csv's "Total,,,,3,£160,000", 2 pupils at £50,000 and 1 at
 * £60,000, was told its rows add up to £110,000). Keyed as the table's columns are, in lower case.
 */
const PER_UNIT = new Set([
  'annual_cost',
  'cost',
  'rate',
  'share',
  'growth',
  'newplansgrowth',
  'hnbgrowth',
  'tariffuplift',
]);

/**
 * Columns of a year or a year group: a figure there is a label, not an amount, and a totals row's
 * figure under it is no sum of the column. Keyed as the table's columns are, in lower case.
 */
const NOT_SUMMED = new Set([
  'year',
  'calendar-year',
  'academic_year',
  'academic-year',
  'academic-year-1',
  'academic-year-2',
  'ncy',
  'from_ncy',
  'band',
]);

/**
 * A sheet's totals row that the rows above it do not add up to (found by an officer's trial: a
 * cohort.csv ending "Total,,,,1,300" beside rows of 1,289 pupils was left out without a word,
 * as TOTALS_ROW leaves any totals row out). The rows are what is modelled; a total that differs
 * is one typed or pasted from elsewhere (a published count), or a SUM whose range missed rows
 * added below it. Compared, column by column, where the totals row holds a figure and every
 * filled cell above it is one, as the run adds them (an empty cell is nothing, but one pupil in a
 * count column), to the places the total is written to; not in a column of a figure per unit
 * (PER_UNIT), nor of a year (NOT_SUMMED); under person_id, to the number of rows (rowsCounted). Only a last totals row is compared, and not a subtotal.
 */
export function totalsDisagree(
  totals: { readonly record: readonly string[]; readonly line: number },
  rows: readonly (readonly string[])[],
  header: readonly string[],
  columns: ReadonlyMap<string, number>,
  file: string,
  /** The column of how many a row stands for (cohort.csv's count), where an empty cell is one. */
  countColumn?: string,
): Issue[] {
  const label = totals.record.findIndex((cell) => cell.trim() !== '');
  if (/^\s*sub/i.test(totals.record[label] ?? '')) return [];
  const perUnit = new Set(
    [...columns].filter(([name]) => PER_UNIT.has(name) || NOT_SUMMED.has(name)).map(([, at]) => at),
  );
  // A row without a count is one pupil, as the run counts it (a review: three pupil rows and a
  // total of 3 were told they add up to 0).
  const counted = countColumn === undefined ? undefined : columns.get(countColumn.toLowerCase());
  const ids = columns.get('person_id');
  return totals.record.flatMap((text, column) => {
    if (column === label || perUnit.has(column) || text.trim() === '' || /%\s*$/.test(text))
      return [];
    if (column === ids) return rowsCounted(totals, column, rows, header, file);
    const total = figureOf(text);
    if (!total) return [];
    let sum = new Dec(0);
    /** The most the rows' figures may have lost to rounding as the sheet showed them: half a unit of each one's last place. */
    let rounding = new Dec(0);
    for (const row of rows) {
      const cell = row[column] ?? '';
      if (cell.trim() === '') {
        if (column === counted) sum = sum.plus(1);
        continue;
      }
      const figure = figureOf(cell);
      if (!figure) return [];
      sum = sum.plus(figure);
      rounding = rounding.plus(new Dec(10).pow(-placesOf(cell)).dividedBy(2));
    }
    const places = placesOf(text);
    // As the total is written: with its £ where it has one.
    const shown = `${sum.isNegative() ? '-' : ''}${text.includes('£') ? '£' : ''}${withThousands(sum.abs().toFixed(places))}`;
    if (sum.toDecimalPlaces(places, Dec.ROUND_HALF_UP).equals(total)) return [];
    const name = writtenName(header[column] ?? '') || `field ${column + 1}`;
    return [
      warning(
        'TOTALS_DISAGREE',
        `the totals row gives "${name}" as ${text.trim()}, but the rows above it add up to ${shown}: it is left out, and the rows themselves are added up`,
        { file, line: totals.line, column: column + 1 },
        `check the sheet for rows left out of this file, or a total typed in, pasted from elsewhere or summing a range that misses rows${total.minus(sum).abs().lessThanOrEqualTo(rounding) ? '; or, as the difference is within what rounding the rows could lose, rows saved as the sheet shows them, rounded by its cell format: show every decimal place and save again' : ''}`,
      ),
    ];
  });
}

/**
 * A totals row's figure under person_id: no sum of the ids but the sheet's count of its rows
 * (COUNTA), so compared with how many rows give one (found by an officer's trial: a snapshots
 * file's "Total,22346" was told the rows' ids "add up to 50,536,727"; a count that is not the
 * rows' is an extract that lost rows, or a total typed in).
 */
function rowsCounted(
  totals: { readonly record: readonly string[]; readonly line: number },
  column: number,
  rows: readonly (readonly string[])[],
  header: readonly string[],
  file: string,
): Issue[] {
  const text = totals.record[column]!.trim();
  const total = figureOf(text);
  if (!total) return [];
  let given = 0;
  for (const row of rows) if ((row[column] ?? '').trim() !== '') given += 1;
  if (total.equals(given)) return [];
  const name = writtenName(header[column] ?? '') || `field ${column + 1}`;
  return [
    warning(
      'TOTALS_DISAGREE',
      `the totals row gives "${name}" as ${text}, a count of the rows, but ${withThousands(String(given))} rows above it give one: it is left out, and the rows themselves are read`,
      { file, line: totals.line, column: column + 1 },
      'check the sheet for rows left out of this file, or a total typed in, pasted from elsewhere or counting a range that misses rows',
    ),
  ];
}
