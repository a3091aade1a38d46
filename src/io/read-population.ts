import type { Issue } from '../core/issue.js';
import type { PopulationRow } from '../core/model.js';
import { type AcademicYear, formatAcademicYear } from '../core/period.js';
import type { CsvTable } from './csv-table.js';
import { academicYearCell, decimalCell, ncyCell } from './cell-parsers.js';
import { flushNormalisations } from './normalise.js';
import { keepYearKeyedRow } from './year-keyed-row.js';

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
    const kept = keepYearKeyedRow(
      row,
      seen,
      {
        academicYear,
        key: ncy,
        repeated: `population for NCY ${ncy} in ${formatAcademicYear(academicYear)} is`,
        years,
        yearsAre: 'modelled',
      },
      issues,
    );
    if (!kept) return [];
    return [{ academicYear, ncy, population, origin: row.at() }];
  });
  flushNormalisations(issues);
  return rows;
}
