import type { Decimal } from 'decimal.js';
import { CellAccumulator } from '../core/cells.js';
import { ONE } from '../core/decimal.js';
import { error, warning, type Issue } from '../core/issue.js';
import type { Cell } from '../core/model.js';
import type { CsvTable } from './csv-table.js';
import { decimalCell, ncyCell, needCell } from './cell-parsers.js';
import type { TariffCheck } from './tariff-check.js';

export const COHORT_COLUMNS = { required: ['ncy', 'need', 'setting', 'band'], optional: ['count', 'annual_cost', 'area'] } as const;

/**
 * cohort.csv: EHCPs at the January census, one row per pupil (no count) or aggregated.
 * Rows are folded into cells as they are read, so model cost follows cells, not pupils.
 */
export function readCohort(table: CsvTable, areaCode: string | undefined, tariff: TariffCheck, issues: Issue[]): Cell[] {
  const cells = new CellAccumulator();
  let rows = 0;
  for (const row of table.rows) {
    const before = issues.length;
    const ncy = ncyCell(row, 'ncy', issues);
    const need = needCell(row, 'need', issues);
    const setting = tariff.setting(row, 'setting', issues);
    const annualCost = decimalCell(row, 'annual_cost', issues, { optional: true });
    const band = annualCost ? row.get('band') : tariff.band(row, 'band', setting, issues);
    const count: Decimal | undefined = row.get('count') === '' ? ONE : decimalCell(row, 'count', issues);
    const area = row.get('area');
    if (area !== '' && areaCode !== undefined && area !== areaCode) {
      issues.push(error('AREA_MISMATCH', `row is for area "${area}" but model.json is for area "${areaCode}"`, row.at('area')));
    }
    if (issues.length > before || ncy === undefined || need === undefined || setting === undefined || band === undefined || count === undefined) continue;
    rows += 1;
    cells.add({ ncy, need, setting, band, ...(annualCost ? { annualCost } : {}), origin: row.at() }, count);
  }
  if (rows === 0 && table.rows.length === 0) {
    issues.push(warning('EMPTY_COHORT', 'cohort.csv has no pupils', { file: table.file }));
  }
  return cells.toCells();
}
