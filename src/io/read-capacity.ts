import { error, type Issue } from '../core/issue.js';
import type { CapacityRow } from '../core/model.js';
import { type AcademicYear, formatAcademicYear } from '../core/period.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import { academicYearCell, decimalCell } from './cell-parsers.js';
import { flushNormalisations } from './normalise.js';
import { keepYearKeyedRow } from './year-keyed-row.js';
import type { TariffCheck } from './tariff-check.js';

export const CAPACITY_COLUMNS = {
  required: ['academic_year', 'setting', 'places'],
  optional: ['overflow_to', 'overflow_band', 'area'],
} as const;

/**
 * capacity.csv: the places a setting can hold in a projected year's January cohort (the LA's
 * sufficiency plan), and where pupils above them go: `overflow_to`, else model.json's
 * `overflowSetting` (`fallback`), in `overflow_band` or their own band. Capacity applies to
 * projected years only, never to the base census.
 */
export function readCapacity(
  table: CsvTable,
  projected: { first: AcademicYear; last: AcademicYear },
  tariff: TariffCheck,
  fallback: string | undefined,
  issues: Issue[],
): CapacityRow[] {
  const seen = new Map<string, number>();
  const rows = table.rows.flatMap((row): CapacityRow[] => {
    const before = issues.length;
    const academicYear = academicYearCell(row, 'academic_year', issues);
    const setting = tariff.setting(row, 'setting', issues);
    const places = decimalCell(row, 'places', issues, { kind: 'count' });
    const overflowTo = tariff.setting(row, 'overflow_to', issues, true);
    // Checked against the setting the pupils go to; an unknown fallback is reported at model.json.
    const target =
      row.get('overflow_to') !== ''
        ? overflowTo
        : fallback !== undefined && tariff.knows(fallback)
          ? fallback
          : undefined;
    const overflowBand =
      row.get('overflow_band') === ''
        ? undefined
        : tariff.band(row, 'overflow_band', target, issues);
    if (
      issues.length > before ||
      academicYear === undefined ||
      setting === undefined ||
      places === undefined
    )
      return [];
    const kept = keepYearKeyedRow(
      row,
      seen,
      {
        academicYear,
        key: setting,
        repeated: `capacity for ${setting} in ${formatAcademicYear(academicYear)} is`,
        years: projected,
        yearsAre: 'projected',
        outsideHint: 'capacity applies to projected years, not to the base census',
      },
      issues,
    );
    if (!kept) return [];
    if (
      !overflowChecked(
        row,
        setting,
        academicYear,
        overflowTo ?? fallback,
        overflowTo !== undefined,
        issues,
      )
    )
      return [];
    return [
      {
        academicYear,
        setting,
        places,
        ...(overflowTo ? { overflowTo } : {}),
        ...(overflowBand ? { overflowBand } : {}),
        origin: row.at(),
      },
    ];
  });
  flushNormalisations(issues);
  return rows;
}

/** Pupils above a setting's capacity need somewhere else to go. */
function overflowChecked(
  row: CsvRow,
  setting: string,
  academicYear: AcademicYear,
  target: string | undefined,
  own: boolean,
  issues: Issue[],
): boolean {
  if (target === undefined) {
    issues.push(
      error(
        'OVERFLOW_SETTING_MISSING',
        `the row names no overflow_to and model.json has no "overflowSetting", so pupils above the capacity of ${setting} in ${formatAcademicYear(academicYear)} have nowhere to go`,
        row.at('overflow_to'),
        'give overflow_to, or set "overflowSetting" in model.json',
      ),
    );
    return false;
  }
  if (target === setting) {
    const named = own
      ? `overflow_to is "${target}"`
      : `model.json's "overflowSetting" is "${target}"`;
    issues.push(
      error(
        'OVERFLOW_TO_SELF',
        `${named}, the row's own setting, so pupils above its capacity would stay where they are`,
        row.at('overflow_to'),
        'name another setting in overflow_to',
      ),
    );
    return false;
  }
  return true;
}
