import type { Decimal } from 'decimal.js';
import { error, type Issue } from '../core/issue.js';
import { populationKey } from '../core/calibrate/history.js';
import type { CsvTable } from './csv-table.js';
import { matchKey } from './column-names.js';
import { academicYearCell, decimalCell, ncyCell } from './cell-parsers.js';
import { calendarYear } from './read-transitions-history.js';
import { flushNormalisations } from './normalise.js';

/** Population for a history: the transitions format's, or the model's (docs/calibration.md). */
export const HISTORY_POPULATION_COLUMNS = {
  witan: { required: ['calendar-year', 'academic-year', 'population'], optional: [] },
  model: { required: ['academic_year', 'ncy', 'population'], optional: ['area'] },
} as const;

/**
 * Which of the two layouts a population file's header is: the transitions format's names a
 * calendar-year, written as the other headers may be (Calendar Year, calendar_year: matchKey),
 * quoted or not. The header is the first line that is not blank, as readCsvTable takes it.
 */
export function isWitanPopulation(text: string): boolean {
  const header = /^\uFEFF?\s*([^\n]*)/.exec(text)![1]!;
  return header
    .split(',')
    .some((cell) => matchKey(cell.trim().replace(/^"(.*)"$/, '$1')) === 'calendaryear');
}

/**
 * Resident children by January and NCY. In the transitions format `calendar-year` Y is January Y
 * and `academic-year` the NCY; in the model's, `academic_year` 2025/26 is January 2026.
 */
export function readHistoryPopulation(
  table: CsvTable,
  witan: boolean,
  issues: Issue[],
): Map<string, Decimal> {
  const population = new Map<string, Decimal>();
  const lines = new Map<string, number>();
  for (const row of table.rows) {
    const before = issues.length;
    const january = witan
      ? calendarYear(row, 'calendar-year', issues)
      : (academicYearCell(row, 'academic_year', issues) ?? NaN) + 1;
    const ncy = ncyCell(row, witan ? 'academic-year' : 'ncy', issues);
    const value = decimalCell(row, 'population', issues, { kind: 'count' });
    if (issues.length > before || january === undefined || ncy === undefined || !value) continue;
    const key = populationKey(january, ncy);
    const first = lines.get(key);
    if (first !== undefined) {
      issues.push(
        error(
          'DUPLICATE_ROW',
          `population for NCY ${ncy} in January ${january} is already given on line ${first}`,
          row.at(),
        ),
      );
      continue;
    }
    lines.set(key, row.line);
    population.set(key, value);
  }
  flushNormalisations(issues);
  return population;
}
