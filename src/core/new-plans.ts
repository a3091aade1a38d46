import type { Decimal } from 'decimal.js';
import { doubles, toDouble } from './demand/count.js';
import { ONE, ZERO } from './decimal.js';
import { error, type Issue } from './issue.js';
import type { Cell, NewPlanRow, PopulationRow } from './model.js';
import { type AcademicYear, formatAcademicYear } from './period.js';
import { andList } from './words.js';

/** A cell new plans join, without its count. */
type NewPlanCell = Omit<Cell, 'count' | 'bespokeAnnual'>;

/** Each cell's new plans in each projected AY: `counts.get(ay)[i]` plans join cell i. */
export interface NewPlans {
  readonly cells: readonly NewPlanCell[];
  readonly counts: ReadonlyMap<AcademicYear, Float64Array>;
}

/** One cell's new plans as given: a count a year and a rate per head, each summed over its rows. */
interface Given {
  count: Decimal;
  rate: Decimal;
  /** The first rate row, where a missing population is reported. */
  rateRow?: NewPlanRow;
}

/**
 * New EHCPs joining in each projected AY (docs/methodology.md, "New plans"). Rows without
 * academic_year apply every year: a count grows by newPlansGrowth, count × (1 + g)^(k − 1) in the
 * k-th projected year; a rate is plans per head of that year's population at the row's NCY. Rows
 * with academic_year replace those for their cell (NCY, need, setting, band) in that year. A rate
 * without a population for years it applies to is reported once per row, with every such year
 * (POPULATION_MISSING).
 * Counts are expected values: each is a double, the growth factor taken in Decimal then made one.
 */
export function newPlansByYear(
  rows: readonly NewPlanRow[],
  baseYear: AcademicYear,
  lastYear: AcademicYear,
  growth: Decimal,
  population: readonly PopulationRow[],
  issues: Issue[],
): NewPlans {
  const cells = new Map<string, NewPlanCell>();
  const recurring = new Map<string, Given>();
  const fixed = new Map<AcademicYear, Map<string, Given>>();
  for (const row of rows) {
    const key = `${String(row.ncy + 10).padStart(2, '0')}\u0000${row.setting}\u0000${row.band}\u0000${row.need}${row.outOfArea ? '\u0000out' : ''}`;
    if (!cells.has(key))
      cells.set(key, {
        ncy: row.ncy,
        need: row.need,
        setting: row.setting,
        band: row.band,
        ...(row.outOfArea ? { outOfArea: row.outOfArea } : {}),
        ...(row.origin ? { origin: row.origin } : {}),
      });
    const byCell = row.academicYear === undefined ? recurring : mapOf(fixed, row.academicYear);
    let given = byCell.get(key);
    if (!given) {
      given = { count: ZERO, rate: ZERO };
      byCell.set(key, given);
    }
    // One row's count is kept as read (small whole numbers are shared Decimals, so each is made a double once).
    if (row.count !== undefined)
      given.count = given.count === ZERO ? row.count : given.count.plus(row.count);
    if (row.rate !== undefined) {
      given.rate = given.rate === ZERO ? row.rate : given.rate.plus(row.rate);
      given.rateRow ??= row;
    }
  }
  // In key order, compared field by field (the key's fields are joined by the lowest character).
  const keys = [...cells].sort(([, a], [, b]) => byPlace(a, b)).map(([key]) => key);
  const people = new Map(
    population.map((p) => [`${p.academicYear}\u0000${p.ncy}`, toDouble(p.population)]),
  );
  /** Each rate row's NCY and the years it has no population for: said once, every year at once. */
  const missing = new Map<NewPlanRow, { ncy: number; years: AcademicYear[] }>();
  const perHead = (
    { rate, given }: { rate: number; given: Given },
    ncy: number,
    ay: AcademicYear,
  ): number => {
    if (!given.rateRow) return 0;
    const heads = people.get(`${ay}\u0000${ncy}`);
    if (heads !== undefined) return rate * heads;
    const row = missing.get(given.rateRow) ?? { ncy, years: [] };
    missing.set(given.rateRow, row);
    if (!row.years.includes(ay)) row.years.push(ay);
    return 0;
  };

  // Each cell's given count and rate as doubles once, not once a year.
  const double = doubles();
  const asDoubles = (given: Given | undefined) =>
    given ? { count: double(given.count), rate: double(given.rate), given } : undefined;
  const every = keys.map((key) => asDoubles(recurring.get(key)));
  const ncys = keys.map((key) => cells.get(key)!.ncy);
  const counts = new Map<AcademicYear, Float64Array>();
  let factor = ONE;
  for (let ay = baseYear + 1; ay <= lastYear; ay += 1) {
    const grown = toDouble(factor);
    const overrides = fixed.get(ay);
    const year = new Float64Array(keys.length);
    for (let i = 0; i < keys.length; i += 1) {
      const own = overrides && asDoubles(overrides.get(keys[i]!));
      const all = every[i];
      if (own) year[i] = own.count + perHead(own, ncys[i]!, ay);
      else if (all) year[i] = all.count * grown + perHead(all, ncys[i]!, ay);
    }
    counts.set(ay, year);
    factor = factor.times(ONE.plus(growth));
  }
  // Every missing year in one message: one at a time, an officer's trial ran validate five times.
  for (const [row, { ncy, years }] of missing)
    issues.push(
      error(
        'POPULATION_MISSING',
        `new plans at NCY ${ncy} are a rate per head, but population.csv has no population for NCY ${ncy} in ${andList(years.sort((a, b) => a - b).map(formatAcademicYear))}`,
        row.origin,
        `add a population row for ${years.length === 1 ? 'that year' : 'each of those years'} and NCY, or give a count instead`,
      ),
    );
  return { cells: keys.map((key) => cells.get(key)!), counts };
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPlace = (a: NewPlanCell, b: NewPlanCell): number =>
  a.ncy - b.ncy ||
  text(a.setting, b.setting) ||
  text(a.band, b.band) ||
  text(a.need, b.need) ||
  Number(a.outOfArea ?? false) - Number(b.outOfArea ?? false);

function mapOf(fixed: Map<AcademicYear, Map<string, Given>>, ay: AcademicYear): Map<string, Given> {
  let byCell = fixed.get(ay);
  if (!byCell) {
    byCell = new Map();
    fixed.set(ay, byCell);
  }
  return byCell;
}
