import type { Decimal } from 'decimal.js';
import { CellAccumulator, type CellAttributes } from '../core/cells.js';
import { integer, ZERO } from '../core/decimal.js';
import { warning, type Issue } from '../core/issue.js';
import type { Cell } from '../core/model.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import { cohortParsers, countCell, readCell, sameArea, type CohortParsers } from './cohort-row.js';
import { noteAgain } from './parsed-once.js';
import { flushNormalisations, normalisations, type Recorded } from './normalise.js';
import type { TariffCheck } from './tariff-check.js';

export const COHORT_COLUMNS = {
  required: ['ncy', 'need', 'setting', 'band'],
  optional: ['count', 'annual_cost', 'area', 'out_of_area'],
  countColumn: 'count',
} as const;

/**
 * cohort.csv: EHCPs at the January census, one row per pupil (no count) or aggregated.
 * Rows are folded into cells as they are read, so model cost follows cells, not pupils.
 */
export function readCohort(
  table: CsvTable,
  areaCode: string | undefined,
  tariff: TariffCheck,
  issues: Issue[],
  repeats?: readonly number[],
): Cell[] {
  // A cohort file repeats a few thousand distinct (ncy, need, setting, band, annual_cost)
  // texts across hundreds of thousands of rows: each distinct text is parsed and checked
  // once, and pupil rows are counted as integers, so a row costs a lookup, not a parse.
  // `repeats[i]`: how many identical rows table.rows[i] stands for (a national batch tallies them
  // first); see readTallied.
  if (repeats) return readTallied(table, areaCode, tariff, issues, repeats);
  const ownArea = checkedArea(table, areaCode);
  const log = normalisations(issues);
  const parsers = cohortParsers(tariff);
  const known = new Map<string, Tally>();
  const tallies: Tally[] = [];
  for (const row of table.rows) {
    if (!sameArea(row, ownArea, issues)) continue;
    const text = `${row.get('ncy')}\u0000${row.get('need')}\u0000${row.get('setting')}\u0000${row.get('band')}\u0000${row.get('annual_cost')}\u0000${row.get('out_of_area')}`;
    let tally = known.get(text);
    if (!tally) {
      const [parsed, notes] = log.record(() => parseCell(row, parsers, issues));
      if (!parsed) continue;
      tally = notes.length ? { ...parsed, notes } : parsed;
      known.set(text, tally);
      tallies.push(tally);
    } else if (tally.notes) noteAgain(log, row, tally.notes, 1);
    const countText = row.get('count');
    if (countText === '') tally.pupils += 1;
    else {
      const count = countCell(row, log, issues, 1);
      if (count) tally.counted = tally.counted.plus(count);
    }
  }
  if (table.rows.length === 0)
    issues.push(warning('EMPTY_COHORT', 'cohort.csv has no pupils', { file: table.file }));
  flushNormalisations(issues);
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
  /** What reading the row's texts normalised (NCY names, long need names, £), noted again for each row like it. */
  readonly notes?: readonly Recorded[];
}

/**
 * Rows tallied already, each a distinct text standing for `repeats[i]` identical rows: a lookup
 * by the whole row's text would never hit, so each row is read as it comes (its cells' texts, which
 * rows share, parsed once: ParsedOnce) and goes straight into the cells (rows whose texts differ
 * but read the same, " 3" and "3", are added up there), in the order and with the counts the
 * tallies above would give them.
 */
function readTallied(
  table: CsvTable,
  areaCode: string | undefined,
  tariff: TariffCheck,
  issues: Issue[],
  repeats: readonly number[],
): Cell[] {
  const log = normalisations(issues);
  const parsers = cohortParsers(tariff);
  const cells = new CellAccumulator();
  const ownArea = checkedArea(table, areaCode);
  for (let i = 0; i < table.rows.length; i += 1) {
    const row = table.rows[i]!;
    if (!sameArea(row, ownArea, issues)) continue;
    const times = repeats[i]!;
    // What a cell's text normalised is noted for each of the rows it stands for (ParsedOnce).
    const cell = readCell(row, parsers, issues, times);
    if (!cell) continue;
    let count: Decimal;
    if (row.get('count') === '') count = integer(times);
    else {
      // As a tally sums it (ZERO plus the count), and zero when the count is zero or not a number
      // (an error: the area fails, but its cell still counts nothing, as a tally's would).
      const given = countCell(row, log, issues, times);
      count =
        given && !given.isZero() ? ZERO.plus(times === 1 ? given : given.times(times)) : integer(0);
    }
    cells.addFields(
      cell.ncy,
      cell.need,
      cell.setting,
      cell.band,
      row.at(),
      count,
      cell.annualCost?.times(count),
      cell.outOfArea,
    );
  }
  if (table.rows.length === 0)
    issues.push(warning('EMPTY_COHORT', 'cohort.csv has no pupils', { file: table.file }));
  flushNormalisations(issues);
  return cells.toCells();
}

function parseCell(row: CsvRow, parsers: CohortParsers, issues: Issue[]): Tally | undefined {
  const cell = readCell(row, parsers, issues, 1);
  if (!cell) return undefined;
  const { ncy, need, setting, band, annualCost, outOfArea } = cell;
  return {
    attributes: {
      ncy,
      need,
      setting,
      band,
      origin: row.at(),
      ...(outOfArea ? { outOfArea: true } : {}),
    },
    ...(annualCost ? { annualCost } : {}),
    pupils: 0,
    counted: ZERO,
  };
}

/**
 * The area a row's area cell is checked against: the model's, unless the table is one area's rows
 * of a national table, split by area already, where a row may name the area by another of its
 * codes (areas.csv's ons_code or la_code).
 */
const checkedArea = (table: CsvTable, areaCode: string | undefined): string | undefined =>
  table.area === undefined ? areaCode : undefined;
