import type { Decimal } from 'decimal.js';
import { type Issue, warning } from './issue.js';
import type { FundingRow } from './model.js';
import { poundsText } from './money-text.js';
import { type FinancialYear, formatFinancialYear } from './period.js';
import { fundedByDfe } from './place-cost.js';
import type { Tariff } from './tariff.js';

/** The hnb_deductions row of each FY: the last one given for it, as the ledger reads them. */
export function deductionRows(funding: readonly FundingRow[]): Map<FinancialYear, FundingRow> {
  const rows = new Map<FinancialYear, FundingRow>();
  for (const row of funding) if (row.line === 'hnb_deductions') rows.set(row.financialYear, row);
  return rows;
}

/** A year's stated deductions (positive): its own row, else the row beside the allocation it grows from. */
export interface GivenDeductions {
  readonly row: FundingRow;
  /** 'carried': the row of an earlier allocation's year, carried into this one. */
  readonly basis: 'given' | 'carried';
  readonly amount: Decimal;
}

/**
 * The year's own row wins (funding.csv allows one only beside an allocation; a scenario may add
 * one); else the row beside the allocation the year grows from, in cash as stated (never grown by
 * hnbGrowth: deductions are places × place values, frozen in cash, domain brief §2.3 and §5.6;
 * src/core/ledger.ts adds the change in the places); undefined when neither is given, and the
 * deductions are computed from the "dfe" places.
 */
export function givenDeductions(
  rows: ReadonlyMap<FinancialYear, FundingRow>,
  year: FinancialYear,
  allocationYear: FinancialYear | undefined,
): GivenDeductions | undefined {
  const own = rows.get(year);
  if (own) return { row: own, basis: 'given', amount: own.amount };
  const stated = allocationYear !== undefined ? rows.get(allocationYear) : undefined;
  if (!stated) return undefined;
  return { row: stated, basis: 'carried', amount: stated.amount };
}

/**
 * DEDUCTIONS_WITHOUT_DFE_SETTING, once per model: deductions are given (funding.csv's
 * hnb_deductions, or an nff output's place_deductions) for the places the DfE funds directly, but
 * the tariff marks no setting `"dfe"` while it charges places: every place it prices is spend, so
 * the academy, NMSS and FE places among them are paid for twice, once as spend and once as the
 * deduction (issue 16's double count, the other way round). A tariff with no place funding at all
 * (mainstream top-ups only) cannot count a place twice, and is left alone.
 */
export function deductionsWithoutDfeSetting(
  funding: readonly FundingRow[],
  tariff: Tariff,
  last: FinancialYear,
): Issue | undefined {
  const settings = tariff.settings;
  if (settings.some(fundedByDfe)) return undefined;
  if (!settings.some((s) => !s.placeValue.isZero() || s.unoccupiedPlaceValue)) return undefined;
  const row = funding.find(
    (r) => r.line === 'hnb_deductions' && r.financialYear <= last && r.amount.greaterThan(0),
  );
  if (!row) return undefined;
  return warning(
    'DEDUCTIONS_WITHOUT_DFE_SETTING',
    `hnb_deductions of ${poundsText(row.amount)} for ${formatFinancialYear(row.financialYear)} take the places the DfE funds directly (academies, free schools, NMSS, FE) off the HNB, but the tariff marks no setting placeFundedBy "dfe": every place it prices is charged as spend, so those places, where the model holds them, are counted twice`,
    row.origin,
    'mark the settings whose places the DfE funds "placeFundedBy": "dfe" in the tariff (an academy setting apart from the maintained one), or enter hnb_allocation after deductions with hnb_deductions 0',
  );
}
