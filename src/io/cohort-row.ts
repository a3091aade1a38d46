import type { Decimal } from 'decimal.js';
import { error, type Issue } from '../core/issue.js';
import type { Need } from '../core/need.js';
import type { CsvRow } from './csv-table.js';
import { decimalCell } from './cell-parsers.js';
import { CellCodes } from './cell-codes.js';
import type { NormalisationLog } from './normalise.js';
import { ParsedOnce } from './parsed-once.js';
import type { TariffCheck } from './tariff-check.js';

/**
 * One cohort.csv row read (read-cohort.ts folds the rows into cells): whether it is for the model's
 * area, its cell (NCY, need, setting, band, annual_cost, out_of_area) by parsers made once per read
 * of the file, and its count.
 */

/** The cohort's cell parsers for one read of the file, each distinct text parsed once. */
export interface CohortParsers {
  readonly codes: CellCodes;
  readonly annualCost: ParsedOnce<Decimal>;
}

export const cohortParsers = (tariff: TariffCheck): CohortParsers => ({
  codes: new CellCodes(tariff),
  annualCost: new ParsedOnce((row, column, issues) =>
    decimalCell(row, column, issues, { kind: 'amount' }),
  ),
});

/**
 * A row's cell as read and checked; undefined, with the problems in `issues`, when a field is
 * wrong. `times`: how many identical rows the row stands for.
 */
export function readCell(
  row: CsvRow,
  { codes, annualCost: costs }: CohortParsers,
  issues: Issue[],
  times: number,
): ReadCell | undefined {
  const before = issues.length;
  const ncy = codes.ncy.read(row, 'ncy', issues, times);
  const need = codes.need.read(row, 'need', issues, times);
  const setting = codes.setting.read(row, 'setting', issues, times);
  // Most rows give no annual_cost: they are priced by the tariff.
  const bespoke = row.get('annual_cost') !== '';
  const annualCost = bespoke ? costs.read(row, 'annual_cost', issues, times) : undefined;
  // A row that gives annual_cost may leave band empty, even when the cost is wrong: the cell is
  // then reported as what it is (INVALID_NUMBER), and band not as missing besides.
  const band = bespoke ? row.get('band') : codes.band(row, 'band', setting, issues, times);
  const outOfArea = codes.outOfArea.read(row, 'out_of_area', issues, times);
  if (
    issues.length > before ||
    ncy === undefined ||
    need === undefined ||
    setting === undefined ||
    band === undefined
  )
    return undefined;
  return { ncy, need, setting, band, annualCost, outOfArea: outOfArea === true };
}

interface ReadCell {
  readonly ncy: number;
  readonly need: Need;
  readonly setting: string;
  readonly band: string;
  readonly annualCost: Decimal | undefined;
  readonly outOfArea: boolean;
}

/** A row's count (with thousands separators, as a spreadsheet writes them), noting a fraction: a person is one pupil. */
export function countCell(
  row: CsvRow,
  log: NormalisationLog,
  issues: Issue[],
  times: number,
): Decimal | undefined {
  const count = decimalCell(row, 'count', issues, { kind: 'count' });
  if (count && !count.isInteger())
    log.note('fraction', row.at('count'), 'count', row.get('count'), count.toString(), times);
  return count;
}

/** Whether the row is for the model's area (or for none); AREA_MISMATCH where it names another. */
export function sameArea(row: CsvRow, areaCode: string | undefined, issues: Issue[]): boolean {
  const area = row.get('area');
  if (area === '' || areaCode === undefined || area === areaCode) return true;
  issues.push({
    ...error(
      'AREA_MISMATCH',
      `row is for area "${area}" but model.json is for area "${areaCode}"`,
      row.at('area'),
    ),
    area: areaCode,
  });
  return false;
}
