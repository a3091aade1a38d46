import type { Decimal } from 'decimal.js';
import { ONE, ZERO } from './decimal.js';
import { error, warning, type Issue } from './issue.js';
import { deductionRows, givenDeductions } from './deductions.js';
import { importExportGaps } from './import-export.js';
import type { FundingLine, FundingRow } from './model.js';
import { poundsText } from './money-text.js';
import { type FinancialYear, formatFinancialYear } from './period.js';

export interface YearIncome {
  /** The HNB allocation before deductions (gross). */
  readonly hnb: Decimal;
  /** Whether the HNB allocation was given for this year or grown from an earlier one. */
  readonly hnbBasis: 'given' | 'grown';
  /** Place funding deducted from the HNB for places the DfE funds directly: zero or negative. */
  readonly hnbDeductions: Decimal;
  /**
   * Given in funding.csv (hnb_deductions) for the year; carried from the row beside the allocation
   * the year grows from; or computed from the "dfe" settings' places.
   */
  readonly deductionsBasis: 'given' | 'carried' | 'computed';
  /**
   * Of hnbDeductions given or carried, the change in the "dfe" settings' place funding since the
   * FY the row was stated for (`deductionsFrom`; the first projected FY for a row of an earlier
   * year): places.csv's places, pupils where places follow them, and a scenario's levers. The DfE
   * recoups places at values frozen in cash, so the deductions follow the places, not hnbGrowth.
   * Zero when computed, since the computed deductions are the place funding itself.
   */
  readonly deductionsChange: Decimal;
  /** The FY the change is counted from, with the "dfe" place funding then (as the model was before any scenario). */
  readonly deductionsFrom?: {
    readonly financialYear: FinancialYear;
    readonly placeFunding: Decimal;
  };
  /** The import/export adjustment, signed as published. */
  readonly importExport: Decimal;
  readonly transfer: Decimal;
  readonly safetyValve: Decimal;
  /** la_contribution + other_income. */
  readonly other: Decimal;
  /**
   * Of `other`, la_contribution: the authority's own money (its general fund or reserves) put
   * towards the DSG deficit, which the underlying in-year balance leaves out as it does Safety Valve
   * payments (src/core/underlying-balance.ts).
   */
  readonly laContribution: Decimal;
  /** The 2026 write-off grant, in the year paid (src/core/write-off.ts adds it after the roll-up). */
  readonly writeOff: Decimal;
  readonly total: Decimal;
}

/**
 * The funding lines each summed income figure adds up, row by row in the file's order.
 * `highneeds explain` reads the same table, so a line added here is explained with the rest.
 */
export const INCOME_LINES = {
  importExport: ['import_export'],
  transfer: ['block_transfer'],
  safetyValve: ['safety_valve'],
  other: ['la_contribution', 'other_income'],
  laContribution: ['la_contribution'],
} as const satisfies Partial<Record<keyof YearIncome, readonly FundingLine[]>>;

/** The rows of a year on any of `lines`, in the funding's order: the parts of one income figure. */
export function lineRows(
  funding: readonly FundingRow[],
  year: FinancialYear,
  lines: readonly FundingLine[],
): FundingRow[] {
  return funding.filter((row) => row.financialYear === year && lines.includes(row.line));
}

const rowsTotal = (rows: readonly FundingRow[]): Decimal =>
  rows.reduce((total, row) => total.plus(row.amount), ZERO);

/** A year's HNB allocation: the last one given on or before it, grown by `growth` for each year since. */
export interface HnbOfYear {
  /** The hnb_allocation row grown from; absent when there is none to grow from. */
  readonly from?: FundingRow;
  readonly years: number;
  readonly amount: Decimal;
}

export function hnbOfYear(
  funding: readonly FundingRow[],
  year: FinancialYear,
  growth: Decimal,
): HnbOfYear {
  let from: FundingRow | undefined;
  for (const row of funding)
    if (
      row.line === 'hnb_allocation' &&
      row.financialYear <= year &&
      (!from || row.financialYear >= from.financialYear)
    )
      from = row;
  if (!from) return { years: 0, amount: ZERO };
  const years = year - from.financialYear;
  return { from, years, amount: from.amount.times(ONE.plus(growth).pow(years)) };
}

/**
 * Income by FY from funding.csv (docs/methodology.md, "Income and balances").
 * A year with no hnb_allocation takes the last given one grown by hnbGrowth a year. Its
 * deductions are the hnb_deductions given for the year, else the row beside the allocation it
 * grows from, in cash, plus the change in the "dfe" settings' place funding (`dfePlaces`, by FY)
 * since the year the row was stated for (`placesBefore`: that year's place funding as the model
 * stood before any scenario). Where neither row is given, the year deducts `dfePlaces` itself,
 * with one warning per model when that is not zero. Every other line is summed as given and
 * never carried into another year.
 */
export function incomeByYear(
  funding: readonly FundingRow[],
  years: readonly FinancialYear[],
  hnbGrowth: Decimal,
  issues: Issue[],
  dfePlaces: ReadonlyMap<FinancialYear, Decimal> = new Map(),
  placesBefore: (year: FinancialYear) => Decimal = (year) => dfePlaces.get(year) ?? ZERO,
): Map<FinancialYear, YearIncome> {
  const deductions = deductionRows(funding);
  // Asked once per year stated: the model before a scenario is costed anew for it.
  const beforeByYear = new Map<FinancialYear, Decimal>();
  const before = (year: FinancialYear): Decimal => {
    let funding = beforeByYear.get(year);
    if (funding === undefined) beforeByYear.set(year, (funding = placesBefore(year)));
    return funding;
  };
  const result = new Map<FinancialYear, YearIncome>();
  // Located in the model's own funding.csv; reported once, for the first year, since later years grow from it.
  const file = funding.find((row) => row.origin)?.origin?.file ?? 'funding.csv';
  let reported = false;
  // Years whose deductions are computed, by the file their allocation was read from.
  const computedIn = new Map<string, FinancialYear[]>();
  // Years whose allocation has no deductions and no "dfe" places to compute them from, in a
  // funding.csv that gives deductions above 0 beside another allocation (so reads its allocations
  // as before deductions): nothing is taken off them.
  const grossBeside = [...deductions.values()].find((row) => row.amount.greaterThan(0));
  const nilIn: { year: FinancialYear; from: FundingRow }[] = [];
  // Years whose allocation is a row of £0, by that row: no authority's high-needs block is nil.
  const nilFrom = new Map<FundingRow, FinancialYear[]>();
  for (const year of years) {
    const lines = (names: readonly FundingLine[]): Decimal =>
      rowsTotal(lineRows(funding, year, names));
    const { from, amount: hnb } = hnbOfYear(funding, year, hnbGrowth);
    if (from === undefined) {
      if (!reported)
        issues.push(
          error(
            'MISSING_HNB_ALLOCATION',
            `no hnb_allocation for ${formatFinancialYear(year)} or any earlier year to grow from`,
            { file },
            'add an hnb_allocation row for the first projected year',
          ),
        );
      reported = true;
    }
    if (from?.amount.isZero()) nilFrom.set(from, [...(nilFrom.get(from) ?? []), year]);
    const fromYear = from?.financialYear;
    const given = givenDeductions(deductions, year, fromYear);
    const places = dfePlaces.get(year) ?? ZERO;
    if (given === undefined && !places.isZero()) {
      const source = (from?.fromNff && from.origin?.file) || file;
      computedIn.set(source, [...(computedIn.get(source) ?? []), year]);
    } else if (given === undefined && from && !from.fromNff && grossBeside)
      nilIn.push({ year, from });
    // A row stated for a year before the projection is counted from its first year, the first whose places the model costs.
    const stated = given && Math.max(given.row.financialYear, years[0]!);
    const deductionsFrom =
      stated === undefined ? undefined : { financialYear: stated, placeFunding: before(stated) };
    const change = deductionsFrom ? places.minus(deductionsFrom.placeFunding) : ZERO;
    const hnbDeductions = (given ? given.amount.plus(change) : places).negated();
    const importExport = lines(INCOME_LINES.importExport);
    const transfer = lines(INCOME_LINES.transfer);
    const safetyValve = lines(INCOME_LINES.safetyValve);
    const other = lines(INCOME_LINES.other);
    const laContribution = lines(INCOME_LINES.laContribution);
    result.set(year, {
      hnb,
      hnbBasis: fromYear === year ? 'given' : 'grown',
      hnbDeductions,
      deductionsBasis: given?.basis ?? 'computed',
      deductionsChange: change,
      ...(deductionsFrom ? { deductionsFrom } : {}),
      importExport,
      transfer,
      safetyValve,
      other,
      laContribution,
      writeOff: ZERO,
      total: hnb
        .plus(hnbDeductions)
        .plus(importExport)
        .plus(transfer)
        .plus(safetyValve)
        .plus(other),
    });
  }
  for (const [source, inYears] of computedIn)
    issues.push(computedWarning(source === file ? undefined : source, inYears, file));
  if (grossBeside && nilIn.length) issues.push(nothingDeductedWarning(grossBeside, nilIn, file));
  const gaps = importExportGaps(funding, years);
  if (gaps) issues.push(gaps);
  const [nil] = nilFrom;
  if (nil) issues.push(nilAllocationWarning(nil[0], nil[1], file));
  return result;
}

/**
 * ZERO_HNB_ALLOCATION at the first £0 allocation the projection uses: every balance is then spend
 * alone. A placeholder left at 0 (calibrate writes one to fill in) gave "in-year balance first
 * reached" beside nil spend, or a deficit the size of the spend, without a word (a user trial).
 */
function nilAllocationWarning(
  row: FundingRow,
  years: readonly FinancialYear[],
  file: string,
): Issue {
  const listed = years.map(formatFinancialYear).join(', ');
  return warning(
    'ZERO_HNB_ALLOCATION',
    `the hnb_allocation for ${formatFinancialYear(row.financialYear)} is 0, so the high-needs block is nil in ${listed}: every balance is spend alone`,
    row.origin ?? { file },
    "give the authority's high needs block allocation (the DfE's DSG allocations, before deductions)",
  );
}

/**
 * DEDUCTIONS_COMPUTED where the computed deductions are nil: funding.csv gives deductions above 0
 * beside one allocation (a figure before deductions) and none beside another, and the tariff has
 * no "dfe" places to compute them from, so that allocation is taken whole. Found by an officer's
 * trial: 2027-28's published allocation, before deductions like 2026-27's, added £1.95m of income
 * without a word.
 */
function nothingDeductedWarning(
  gross: FundingRow,
  years: readonly { year: FinancialYear; from: FundingRow }[],
  file: string,
): Issue {
  const listed = years.map(({ year }) => formatFinancialYear(year)).join(', ');
  return warning(
    'DEDUCTIONS_COMPUTED',
    `funding.csv gives no hnb_deductions for the allocation of ${listed}, and the tariff has no "dfe" places to compute them from, so nothing is deducted; yet it gives ${poundsText(gross.amount)} for ${formatFinancialYear(gross.financialYear)}'s, as for an allocation before deductions`,
    years[0]?.from.origin ?? { file },
    'add the published deductions as hnb_deductions rows (positive) for the allocations before deductions, or 0 for those already after deductions',
  );
}

/**
 * DEDUCTIONS_COMPUTED, once per source of allocations: funding.csv's, or an nff output given with
 * --hnb-from whose rows have no place_deductions (the factors file gave none).
 */
function computedWarning(
  nffFile: string | undefined,
  years: readonly FinancialYear[],
  file: string,
): Issue {
  const listed = years.map(formatFinancialYear).join(', ');
  const instead = `so the place funding of the tariff's "dfe" settings is deducted from hnb_allocation instead`;
  return nffFile === undefined
    ? warning(
        'DEDUCTIONS_COMPUTED',
        `funding.csv gives no hnb_deductions for the allocation of ${listed}, ${instead}`,
        { file },
        'add the published deductions as hnb_deductions rows (positive), or 0 if hnb_allocation is already after deductions',
      )
    : warning(
        'DEDUCTIONS_COMPUTED',
        `--hnb-from's allocation of ${listed} has no place_deductions, ${instead}`,
        { file: nffFile },
        "give the deductions in the nff factors file (academy_place_deduction, nmss_place_deduction, …) so that its output's place_deductions carry them",
      );
}
