import type { Decimal } from 'decimal.js';
import { CellAccumulator } from './cells.js';
import { ONE, ZERO } from './decimal.js';
import { error, type Issue } from './issue.js';
import type { Cell, NewPlanRow, PopulationRow } from './model.js';
import { type AcademicYear, formatAcademicYear } from './period.js';

/** One cell's new plans as given: a count a year and a rate per head, each summed over its rows. */
interface Given {
  readonly cell: Omit<Cell, 'count'>;
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
 * without a population for a year it applies to is reported once per row (POPULATION_MISSING).
 */
export function newPlansByYear(rows: readonly NewPlanRow[], baseYear: AcademicYear, lastYear: AcademicYear, growth: Decimal, population: readonly PopulationRow[], issues: Issue[]): Map<AcademicYear, Cell[]> {
  const recurring = new Map<string, Given>();
  const fixed = new Map<AcademicYear, Map<string, Given>>();
  for (const row of rows) {
    const byCell = row.academicYear === undefined ? recurring : mapOf(fixed, row.academicYear);
    const key = `${row.ncy}\u0000${row.need}\u0000${row.setting}\u0000${row.band}`;
    let given = byCell.get(key);
    if (!given) {
      given = { cell: { ncy: row.ncy, need: row.need, setting: row.setting, band: row.band, ...(row.origin ? { origin: row.origin } : {}) }, count: ZERO, rate: ZERO };
      byCell.set(key, given);
    }
    if (row.count !== undefined) given.count = given.count.plus(row.count);
    if (row.rate !== undefined) {
      given.rate = given.rate.plus(row.rate);
      given.rateRow ??= row;
    }
  }
  const people = new Map(population.map((p) => [`${p.academicYear}\u0000${p.ncy}`, p.population]));
  const reported = new Set<NewPlanRow>();
  const perHead = (given: Given, ay: AcademicYear): Decimal => {
    if (!given.rateRow) return ZERO;
    const heads = people.get(`${ay}\u0000${given.cell.ncy}`);
    if (heads !== undefined) return given.rate.times(heads);
    if (!reported.has(given.rateRow)) {
      reported.add(given.rateRow);
      const { ncy } = given.cell;
      issues.push(error('POPULATION_MISSING', `new plans at NCY ${ncy} are a rate per head, but population.csv has no population for NCY ${ncy} in ${formatAcademicYear(ay)}`, given.rateRow.origin, 'add a population row for that year and NCY, or give a count instead'));
    }
    return ZERO;
  };

  const result = new Map<AcademicYear, Cell[]>();
  let factor = ONE;
  for (let ay = baseYear + 1; ay <= lastYear; ay += 1) {
    const year = new CellAccumulator();
    const overrides = fixed.get(ay);
    for (const [key, given] of recurring) {
      if (overrides?.has(key)) continue;
      year.add(given.cell, given.count.times(factor).plus(perHead(given, ay)));
    }
    for (const given of overrides?.values() ?? []) year.add(given.cell, given.count.plus(perHead(given, ay)));
    result.set(ay, year.toCells());
    factor = factor.times(ONE.plus(growth));
  }
  return result;
}

function mapOf(fixed: Map<AcademicYear, Map<string, Given>>, ay: AcademicYear): Map<string, Given> {
  let byCell = fixed.get(ay);
  if (!byCell) {
    byCell = new Map();
    fixed.set(ay, byCell);
  }
  return byCell;
}
