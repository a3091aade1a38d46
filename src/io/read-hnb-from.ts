import { error, type Issue, warning } from '../core/issue.js';
import type { Decimal } from 'decimal.js';
import type { FundingLine, FundingRow } from '../core/model.js';
import { poundsText } from '../core/money-text.js';
import { type FinancialYear, formatFinancialYear } from '../core/period.js';
import { decimalCell, financialYearCell } from './cell-parsers.js';
import type { CsvTable } from './csv-table.js';
import { flushNormalisations, normalisations } from './normalise.js';
import { BOTH, codeKey, codeSystems } from './batch/area-code-spelling.js';

/** Years already given, across every --hnb-from file, as `file:line`. */
export type HnbFromSeen = Map<FinancialYear, string>;

/** The columns of an nff output that --hnb-from reads; the rest are the formula's steps. */
export const HNB_FROM_COLUMNS = {
  required: ['area_code', 'financial_year', 'allocation'],
  optional: ['place_deductions', 'import_export'],
  ignoreOthers: true,
} as const;

/**
 * `project --hnb-from FILE`: the model's area's `allocation` less its `import_export` from an
 * `highneeds nff` CSV becomes that year's hnb_allocation (docs/nff.md, "Output"), and the
 * `import_export` that year's import_export line: the NFF's allocation is the elements total plus
 * the year's import/export (steps 7–9), and hnb_allocation is the elements alone, which later
 * years grow by hnbGrowth, while the adjustment is the year's own and is not carried forward. Its
 * `place_deductions`, when the NFF was given them, become that year's hnb_deductions: the
 * allocation is gross, so the places the DfE funds directly come off it (docs/methodology.md,
 * "Income and balances"). The total row is skipped.
 */
export function readHnbFrom(
  table: CsvTable,
  areaCode: string,
  /** The area's codes of the other system (a national area's ons_code or la_code): rows under them are its too. */
  otherCodes: readonly string[],
  years: { first: FinancialYear; last: FinancialYear },
  issues: Issue[],
  seen: HnbFromSeen = new Map(),
): FundingRow[] {
  // An nff output keyed by DfE's LA codes serves a national model keyed by ONS codes, and the
  // other way round, when areas.csv gives each area's other code (left by the review of ons_code).
  // A code written another way (0202 or 202.0 for 202, n01 for N01) is the area's too, as --area
  // and UNKNOWN_AREA read one (codeKey): a file saved by a spreadsheet failed every area with
  // NFF_AREA_MISSING (left by the review of --area). Said once a file (CODE_NORMALISED).
  const keys = new Map([areaCode, ...otherCodes].map((code) => [codeKey(code), code]));
  const codeOf = (written: string): string | undefined =>
    written === areaCode || otherCodes.includes(written) ? written : keys.get(codeKey(written));
  const ours = table.rows.filter((row) => codeOf(row.get('area_code')) !== undefined);
  const rows = ours.flatMap((row): FundingRow[] => {
    const before = issues.length;
    const written = row.get('area_code');
    const code = codeOf(written)!;
    if (code !== written)
      normalisations(issues).note(
        'areaCode',
        row.at('area_code'),
        row.label('area_code'),
        written,
        code,
      );
    const financialYear = financialYearCell(row, 'financial_year', issues);
    // Amounts as a spreadsheet saves them too (£21,760,000.00), as funding.csv's are read.
    const allocation = decimalCell(row, 'allocation', issues, { kind: 'amount' });
    // An output without the column (or the cell) gives its allocation as is, as --baseline-from reads it.
    const importExport =
      row.get('import_export') === ''
        ? undefined
        : decimalCell(row, 'import_export', issues, { allowNegative: true, kind: 'amount' });
    // Empty where the factors file gave no deductions; signed, as the hospital adjustment is.
    const deductions = decimalCell(row, 'place_deductions', issues, {
      optional: true,
      allowNegative: true,
      kind: 'amount',
    });
    if (issues.length > before || financialYear === undefined || allocation === undefined)
      return [];
    if (seen.has(financialYear)) {
      issues.push({
        ...error(
          'DUPLICATE_ROW',
          `area ${areaCode} already has an allocation for ${formatFinancialYear(financialYear)} at ${seen.get(financialYear)}${code === written ? '' : `; this row's area_code, "${written}", is ${code} written another way`}`,
          row.at(),
        ),
        area: areaCode,
      });
      return [];
    }
    seen.set(financialYear, `${table.file}:${row.line}`);
    if (financialYear < years.first) {
      issues.push(
        warning(
          'YEAR_OUT_OF_RANGE',
          `the allocation for ${formatFinancialYear(financialYear)} is before the projection opens in ${formatFinancialYear(years.first)}; it is ignored`,
          row.at('financial_year'),
          `run highneeds nff --year ${formatFinancialYear(years.first)} (or later) for an allocation the projection uses`,
        ),
      );
      return [];
    }
    if (financialYear > years.last) {
      issues.push(
        warning(
          'YEAR_OUT_OF_RANGE',
          `the allocation for ${formatFinancialYear(financialYear)} is after the projection ends in ${formatFinancialYear(years.last)}; it is ignored`,
          row.at('financial_year'),
        ),
      );
      return [];
    }
    const line = (
      name: FundingLine,
      amount: Decimal,
      column: string,
      derived?: string,
    ): FundingRow => ({
      financialYear,
      line: name,
      amount,
      origin: row.at(column),
      fromNff: true,
      ...(derived ? { derived } : {}),
    });
    return [
      importExport === undefined
        ? line('hnb_allocation', allocation, 'allocation')
        : line(
            'hnb_allocation',
            allocation.minus(importExport),
            'allocation',
            `the allocation there, ${poundsText(allocation)}, less its import_export, ${poundsText(importExport)}`,
          ),
      ...(importExport === undefined ? [] : [line('import_export', importExport, 'import_export')]),
      ...(deductions === undefined ? [] : [line('hnb_deductions', deductions, 'place_deductions')]),
    ];
  });
  flushNormalisations(issues);
  if (ours.length === 0) {
    const codes = [
      ...new Set(table.rows.map((row) => row.get('area_code')).filter((code) => code !== '')),
    ];
    issues.push({
      ...error(
        'NFF_AREA_MISSING',
        `the file has no row for area ${areaCode}, the model's area code`,
        { file: table.file },
        codes.length
          ? `the file's areas: ${codes.slice(0, 10).join(', ')}${codes.length > 10 ? `, … (${codes.length})` : ''}${apart(areaCode, codes)}`
          : 'the file has no areas',
      ),
      // Its words name the area: a national run's list adds no "(area …)" of its own.
      area: areaCode,
    });
  }
  return rows;
}

/**
 * Allocations from nff files replace funding.csv's hnb_allocation for the same years, and with it
 * the hnb_deductions given beside it: a deduction goes with the allocation it was published
 * with. So does the year's import_export, where the nff row gives one: it is the adjustment taken
 * out of that allocation, and funding.csv's beside it would count the adjustment twice. An nff row without place_deductions leaves the year's deductions to be computed from the
 * "dfe" places (DEDUCTIONS_COMPUTED), never a funding.csv 0 that would leave the gross figure
 * undeducted while those places are not charged as spend.
 */
export function withHnbFrom(
  funding: readonly FundingRow[],
  fromNff: readonly FundingRow[],
): FundingRow[] {
  const years = new Set(fromNff.map((row) => row.financialYear));
  const importExportYears = new Set(
    fromNff.filter((row) => row.line === 'import_export').map((row) => row.financialYear),
  );
  const replaced = (row: FundingRow): boolean =>
    row.line === 'import_export'
      ? importExportYears.has(row.financialYear)
      : (row.line === 'hnb_allocation' || row.line === 'hnb_deductions') &&
        years.has(row.financialYear);
  return [...funding.filter((row) => !replaced(row)), ...fromNff];
}

/**
 * "; they are ONS (GSS) codes, and the model's is …": an nff factors file written with the other
 * system of area codes than the model's (found by a national trial), or nothing.
 */
function apart(areaCode: string, codes: readonly string[]): string {
  const systems = codeSystems(areaCode, codes);
  return systems === undefined
    ? ''
    : `; they are ${systems.others}, and the model's is ${systems.one}: write the factors file's area_code as the model does and run nff again (${BOTH})`;
}
