import type { Decimal } from 'decimal.js';
import { CellAccumulator, type CellAttributes } from '../core/cells.js';
import { integer, ZERO } from '../core/decimal.js';
import { error, warning, type Issue } from '../core/issue.js';
import type { Cell } from '../core/model.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import { decimalCell, ncyCell, needCell } from './cell-parsers.js';
import type { TariffCheck } from './tariff-check.js';

export const COHORT_COLUMNS = { required: ['ncy', 'need', 'setting', 'band'], optional: ['count', 'annual_cost', 'area'] } as const;

/**
 * cohort.csv: EHCPs at the January census, one row per pupil (no count) or aggregated.
 * Rows are folded into cells as they are read, so model cost follows cells, not pupils.
 */
export function readCohort(table: CsvTable, areaCode: string | undefined, tariff: TariffCheck, issues: Issue[], repeats?: readonly number[]): Cell[] {
  // A national file repeats a few thousand distinct (ncy, need, setting, band, annual_cost)
  // texts across hundreds of thousands of rows: each distinct text is parsed and checked
  // once, and pupil rows are counted as integers, so a row costs a lookup, not a parse.
  // `repeats[i]`: how many identical rows table.rows[i] stands for (a national batch tallies them
  // first). Those rows are distinct texts already, so a lookup by text would never hit: each is
  // parsed as it comes, and cells that read the same are added up below all the same.
  const known = repeats ? undefined : new Map<string, Tally>();
  const tallies: Tally[] = [];
  for (let i = 0; i < table.rows.length; i += 1) {
    const row = table.rows[i]!;
    const times = repeats?.[i] ?? 1;
    const area = row.get('area');
    if (area !== '' && areaCode !== undefined && area !== areaCode) {
      issues.push(error('AREA_MISMATCH', `row is for area "${area}" but model.json is for area "${areaCode}"`, row.at('area')));
      continue;
    }
    const text = known ? `${row.get('ncy')}\u0000${row.get('need')}\u0000${row.get('setting')}\u0000${row.get('band')}\u0000${row.get('annual_cost')}` : '';
    let tally = known?.get(text);
    if (!tally) {
      tally = parseCell(row, tariff, issues);
      if (!tally) continue;
      known?.set(text, tally);
      tallies.push(tally);
    }
    const countText = row.get('count');
    if (countText === '') tally.pupils += times;
    else {
      const count = decimalCell(row, 'count', issues);
      if (count) tally.counted = tally.counted.plus(times === 1 ? count : count.times(times));
    }
  }
  if (table.rows.length === 0) issues.push(warning('EMPTY_COHORT', 'cohort.csv has no pupils', { file: table.file }));
  const cells = new CellAccumulator();
  for (const { attributes, annualCost, pupils, counted } of tallies) {
    const count = counted.isZero() ? integer(pupils) : counted.plus(pupils);
    cells.add(attributes, count, annualCost?.times(count));
  }
  return cells.toCells();
}

interface Tally {
  readonly attributes: CellAttributes;
  /** Per pupil, for rows priced by their own annual_cost. */
  readonly annualCost?: Decimal;
  /** Rows without a count: one pupil each, counted exactly as an integer. */
  pupils: number;
  /** The sum of explicit counts. */
  counted: Decimal;
}

function parseCell(row: CsvRow, tariff: TariffCheck, issues: Issue[]): Tally | undefined {
  const before = issues.length;
  const ncy = ncyCell(row, 'ncy', issues);
  const need = needCell(row, 'need', issues);
  const setting = tariff.setting(row, 'setting', issues);
  const annualCost = decimalCell(row, 'annual_cost', issues, { optional: true });
  const band = annualCost ? row.get('band') : tariff.band(row, 'band', setting, issues);
  if (issues.length > before || ncy === undefined || need === undefined || setting === undefined || band === undefined) return undefined;
  return { attributes: { ncy, need, setting, band, origin: row.at() }, ...(annualCost ? { annualCost } : {}), pupils: 0, counted: ZERO };
}
