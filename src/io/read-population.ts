import { error, warning, type Issue } from '../core/issue.js';
import type { PopulationRow } from '../core/model.js';
import { type AcademicYear, formatAcademicYear } from '../core/period.js';
import type { CsvTable } from './csv-table.js';
import { academicYearCell, decimalCell, ncyCell } from './cell-parsers.js';
import { flushNormalisations } from './normalise.js';

export const POPULATION_COLUMNS = {
  required: ['academic_year', 'ncy', 'population'],
  optional: ['area'],
} as const;

/**
 * population.csv: the children resident in the area in an academic year's January, by NCY (all
 * children, not only those with plans), for new plans given as a rate per head. One row per
 * (academic_year, ncy); rows outside the modelled years are reported and ignored.
 */
export function readPopulation(
  table: CsvTable,
  years: { first: AcademicYear; last: AcademicYear },
  issues: Issue[],
): PopulationRow[] {
  const seen = new Map<string, number>();
  const rows = table.rows.flatMap((row): PopulationRow[] => {
    const before = issues.length;
    const academicYear = academicYearCell(row, 'academic_year', issues);
    const ncy = ncyCell(row, 'ncy', issues);
    const population = decimalCell(row, 'population', issues, { kind: 'count' });
    if (
      issues.length > before ||
      academicYear === undefined ||
      ncy === undefined ||
      population === undefined
    )
      return [];
    const key = `${academicYear}\u0000${ncy}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        error(
          'DUPLICATE_ROW',
          `population for NCY ${ncy} in ${formatAcademicYear(academicYear)} is already given on line ${first}`,
          row.at(),
        ),
      );
      return [];
    }
    seen.set(key, row.line);
    if (academicYear < years.first || academicYear > years.last) {
      issues.push(
        warning(
          'YEAR_OUT_OF_RANGE',
          `academic year ${formatAcademicYear(academicYear)} is outside the modelled years ${formatAcademicYear(years.first)} to ${formatAcademicYear(years.last)}; the row is ignored`,
          row.at('academic_year'),
        ),
      );
      return [];
    }
    return [{ academicYear, ncy, population, origin: row.at() }];
  });
  flushNormalisations(issues);
  return rows;
}
