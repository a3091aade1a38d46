import type { Decimal } from 'decimal.js';
import { ONE } from './decimal.js';
import type { FundingRow } from './model.js';
import type { FinancialYear } from './period.js';

/** The hnb_deductions row of each FY: the last one given for it, as the ledger reads them. */
export function deductionRows(funding: readonly FundingRow[]): Map<FinancialYear, FundingRow> {
  const rows = new Map<FinancialYear, FundingRow>();
  for (const row of funding) if (row.line === 'hnb_deductions') rows.set(row.financialYear, row);
  return rows;
}

/** A year's stated deductions (positive): its own row, else the row beside the allocation it grows from, grown alike. */
export interface GivenDeductions {
  readonly row: FundingRow;
  readonly basis: 'given' | 'grown';
  /** Years of hnbGrowth applied to the row (0 when given). */
  readonly years: number;
  readonly amount: Decimal;
}

/**
 * The year's own row wins (funding.csv allows one only beside an allocation; a scenario may add
 * one); else the row beside the allocation the year grows from, grown by hnbGrowth as it is;
 * undefined when neither is given, and the deductions are computed from the "dfe" places.
 */
export function givenDeductions(
  rows: ReadonlyMap<FinancialYear, FundingRow>,
  year: FinancialYear,
  allocationYear: FinancialYear | undefined,
  hnbGrowth: Decimal,
): GivenDeductions | undefined {
  const own = rows.get(year);
  if (own) return { row: own, basis: 'given', years: 0, amount: own.amount };
  const stated = allocationYear !== undefined ? rows.get(allocationYear) : undefined;
  if (!stated) return undefined;
  const years = year - allocationYear!;
  return {
    row: stated,
    basis: 'grown',
    years,
    amount: stated.amount.times(ONE.plus(hnbGrowth).pow(years)),
  };
}
