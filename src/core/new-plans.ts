import { CellAccumulator, recounted } from './cells.js';
import { ONE } from './decimal.js';
import type { Cell, NewPlanRow } from './model.js';
import type { AcademicYear } from './period.js';
import type { Decimal } from 'decimal.js';

/**
 * New EHCPs joining in each projected AY. Rows without academic_year give the first
 * projected year's count, grown by newPlansGrowth: count × (1 + g)^(k − 1) in the k-th
 * projected year. Rows with academic_year set that year's count for their cell exactly.
 */
export function newPlansByYear(rows: readonly NewPlanRow[], baseYear: AcademicYear, lastYear: AcademicYear, growth: Decimal): Map<AcademicYear, Cell[]> {
  const recurring = new CellAccumulator();
  const fixed = new Map<AcademicYear, CellAccumulator>();
  for (const row of rows) {
    const cell = { ncy: row.ncy, need: row.need, setting: row.setting, band: row.band, ...(row.origin ? { origin: row.origin } : {}) };
    if (row.academicYear === undefined) recurring.add(cell, row.count);
    else {
      const accumulator = fixed.get(row.academicYear) ?? new CellAccumulator();
      accumulator.add(cell, row.count);
      fixed.set(row.academicYear, accumulator);
    }
  }
  const base = recurring.toCells(true);
  const result = new Map<AcademicYear, Cell[]>();
  let factor = ONE;
  // Counts repeat (most are a few whole plans, shared Decimals: decimal.integer), so each
  // distinct count is grown once a year.
  let growths = new Map<Decimal, Decimal>();
  const grown = (count: Decimal): Decimal => {
    let value = growths.get(count);
    if (value === undefined) {
      value = count.times(factor);
      growths.set(count, value);
    }
    return value;
  };
  for (let ay = baseYear + 1; ay <= lastYear; ay += 1) {
    growths = new Map();
    const overrides = fixed.get(ay)?.toCells(true) ?? [];
    if (overrides.length === 0) {
      // The base cells are distinct and already in canonical order: grow them as they are.
      result.set(ay, recounted(factor === ONE ? [...base] : base.map((cell) => ({ ...cell, count: grown(cell.count) })), base));
    } else {
      const year = new CellAccumulator();
      const overridden = new Set(overrides.map(keyOf));
      for (const cell of base) if (!overridden.has(keyOf(cell))) year.add(withoutCount(cell), grown(cell.count));
      for (const cell of overrides) year.add(withoutCount(cell), cell.count);
      result.set(ay, year.toCells(true));
    }
    factor = factor.times(ONE.plus(growth));
  }
  return result;
}

const keyOf = (cell: Cell): string => `${cell.ncy}\u0000${cell.need}\u0000${cell.setting}\u0000${cell.band}`;

function withoutCount(cell: Cell): Omit<Cell, 'count'> {
  const { count: _count, ...rest } = cell;
  return rest;
}
