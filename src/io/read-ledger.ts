import type { Decimal } from 'decimal.js';
import { error, warning, type Issue } from '../core/issue.js';
import { FUNDING_LINES, type FundingLine, type FundingRow, type PlacesRow } from '../core/model.js';
import {
  type AcademicYear,
  type FinancialYear,
  formatAcademicYear,
  formatFinancialYear,
} from '../core/period.js';
import { type CsvTable, exampleRow } from './csv-table.js';
import { academicYearCell, decimalCell, financialYearCell, requiredText } from './cell-parsers.js';
import type { TariffCheck } from './tariff-check.js';
import { readTransferColumns } from './read-transfer.js';
import { poundsText } from '../core/money-text.js';
import { flushNormalisations } from './normalise.js';
import { RepeatedRows } from './repeated-row.js';
import { keepYearKeyedRow } from './year-keyed-row.js';
import { matchKey } from './column-names.js';
import { nearNames } from '../core/edit-distance.js';

export const PLACES_COLUMNS = {
  required: ['academic_year', 'setting', 'places'],
  optional: ['area', 'imported'],
} as const;
export const FUNDING_COLUMNS = {
  required: ['financial_year', 'line', 'amount'],
  optional: ['area', 'note', 'share', 'schools_block'],
} as const;

/** places.csv: commissioned places by academic year and setting. */
export function readPlaces(
  table: CsvTable,
  years: { first: AcademicYear; last: AcademicYear },
  tariff: TariffCheck,
  issues: Issue[],
): PlacesRow[] {
  const seen = new Map<string, number>();
  const rows = table.rows.flatMap((row): PlacesRow[] => {
    const before = issues.length;
    const academicYear = academicYearCell(row, 'academic_year', issues);
    const setting = tariff.setting(row, 'setting', issues);
    const places = decimalCell(row, 'places', issues, { kind: 'count' });
    const imported =
      row.get('imported') === ''
        ? undefined
        : decimalCell(row, 'imported', issues, { kind: 'count' });
    if (
      issues.length > before ||
      academicYear === undefined ||
      setting === undefined ||
      places === undefined
    )
      return [];
    const kept = keepYearKeyedRow(
      row,
      seen,
      {
        academicYear,
        key: setting,
        repeated: `places for ${setting} in ${formatAcademicYear(academicYear)} are`,
        years,
        yearsAre: 'modelled',
      },
      issues,
    );
    if (!kept) return [];
    if (tariff.placeValueIsZero(setting)) {
      issues.push(
        warning(
          'PLACES_NOT_FUNDED',
          `setting "${setting}" has placeValue 0 in the tariff, so these places cost nothing`,
          row.at('setting'),
        ),
      );
    }
    return [{ academicYear, setting, places, ...(imported ? { imported } : {}), origin: row.at() }];
  });
  flushNormalisations(issues);
  issues.push(...placesEndingEarly(rows, years.last));
  return rows;
}

/**
 * PLACES_END_EARLY at each setting's last row when places.csv stops before the last modelled
 * academic year: from the year after it, the setting's places are its projected pupils, as for a
 * setting with no row (found by an officer's trial: special places given to 2027/28 became the
 * setting's pupils from 2028/29, and place funding fell from £12.8m to £7.6m without a word).
 */
function placesEndingEarly(rows: readonly PlacesRow[], last: AcademicYear): Issue[] {
  const lastRow = new Map<string, PlacesRow>();
  for (const row of rows) {
    const before = lastRow.get(row.setting);
    if (!before || row.academicYear > before.academicYear) lastRow.set(row.setting, row);
  }
  return [...lastRow.values()]
    .filter((row) => row.academicYear < last)
    .map((row) =>
      warning(
        'PLACES_END_EARLY',
        `places for ${row.setting} stop in ${formatAcademicYear(row.academicYear)}, before the last modelled year ${formatAcademicYear(last)}: from ${formatAcademicYear(row.academicYear + 1)} its places are its projected pupils, as for a setting with no row`,
        row.origin,
        'to keep commissioning places, add a row for each later year (the same number, if they stay)',
      ),
    );
}

/** funding.csv: income lines by financial year, and the opening balance. */
export function readFunding(
  table: CsvTable,
  years: { first: FinancialYear; last: FinancialYear },
  issues: Issue[],
): FundingRow[] {
  const once = new Map<string, { line: number; amount: Decimal; year: FinancialYear }>();
  const repeats = new RepeatedRows();
  let openingWritten = false;
  let allocationWritten = false;
  const rows = table.rows.flatMap((row): FundingRow[] => {
    const before = issues.length;
    const financialYear = financialYearCell(row, 'financial_year', issues);
    const lineText = requiredText(row, 'line', issues);
    const line = FUNDING_LINES.find((name) => name === lineText?.toLowerCase());
    // Written as a spreadsheet heading ("HNB Allocation"): name the id it spells (found by a user
    // trial), or the one id a letter or two from it ("hnb_deduction").
    const spelt =
      lineText === undefined || line
        ? undefined
        : (FUNDING_LINES.find((name) => matchKey(name) === matchKey(lineText)) ??
          onlyOne(nearNames(FUNDING_LINES, lineText.toLowerCase())));
    // A row of the line, refused for its spelling, is written: its own error says so, and
    // MISSING_OPENING_BALANCE beside it would have a second one added (an officer's trial).
    openingWritten ||= (line ?? spelt) === 'opening_balance';
    allocationWritten ||= (line ?? spelt) === 'hnb_allocation';
    if (lineText !== undefined && !line) {
      issues.push(
        error(
          'UNKNOWN_FUNDING_LINE',
          `funding line "${lineText}" is not known`,
          row.at('line'),
          looksLikeSpend(lineText)
            ? 'funding.csv holds income; give a spend line such as this in spend.csv (financial_year, line, amount), where it counts in spend_total'
            : `${spelt ? `write it ${spelt}; ` : ''}expected one of ${FUNDING_LINES.join(', ')}`,
        ),
      );
    }
    // A transfer out of the HNB (Nottingham's to the CSSB) or a clawback can be negative; an allocation cannot.
    const transfer = readTransferColumns(row, line, issues);
    const amount = transfer?.usesShare
      ? transfer.amount
      : decimalCell(row, 'amount', issues, {
          allowNegative: line !== 'hnb_allocation' && line !== 'hnb_deductions',
          kind: 'amount',
        });
    if (issues.length > before || financialYear === undefined || !line || amount === undefined)
      return [];
    if (line === 'opening_balance' || ONCE_A_YEAR.has(line)) {
      const key = `${line}\u0000${line === 'opening_balance' ? '' : financialYear}`;
      const earlier = once.get(key);
      if (earlier) {
        // How to put it right (found by a national trial: a row pasted twice was told only that it was).
        // Opening balances of two years are not a row pasted twice, whatever their amounts: the
        // hint once said to delete the one of the right year (found by a review).
        const same = earlier.amount.equals(amount) && earlier.year === financialYear;
        const opening = `keep the one at the end of ${formatFinancialYear(years.first - 1)}, where the projection opens, and delete the other`;
        issues.push(
          error(
            'DUPLICATE_ROW',
            `${line} is already given on line ${earlier.line}${line === 'opening_balance' ? '; give exactly one' : ` for ${formatFinancialYear(financialYear)}`}`,
            row.at(),
            earlier.year !== financialYear
              ? opening
              : same
                ? `delete this row: it gives the same ${poundsText(amount)} as line ${earlier.line}, as a row pasted twice does`
                : `keep the right one of ${poundsText(earlier.amount)} (line ${earlier.line}) and ${poundsText(amount)} (here): funding.csv takes one ${line}${line === 'opening_balance' ? '' : ' a year'}`,
          ),
        );
        return [];
      }
      once.set(key, { line: row.line, amount, year: financialYear });
    }
    if (line === 'opening_balance' && financialYear !== years.first - 1) {
      issues.push(
        error(
          'OPENING_BALANCE_YEAR',
          `opening_balance is for ${formatFinancialYear(financialYear)}, but the projection opens at the end of ${formatFinancialYear(years.first - 1)}`,
          row.at('financial_year'),
          `give the cumulative balance at the end of ${formatFinancialYear(years.first - 1)}`,
        ),
      );
      return [];
    }
    const early =
      financialYear < years.first && line !== 'opening_balance' && line !== 'hnb_allocation';
    if (early || financialYear > years.last) {
      issues.push(
        warning(
          'YEAR_OUT_OF_RANGE',
          `${line} for ${formatFinancialYear(financialYear)} is outside the projection ${formatFinancialYear(years.first)} to ${formatFinancialYear(years.last)}; the row is ignored`,
          row.at('financial_year'),
        ),
      );
      return [];
    }
    // Of the rows counted: one ignored as outside the projection was said to be counted twice
    // (found by a review).
    if (line !== 'opening_balance' && !ONCE_A_YEAR.has(line)) {
      const repeated = repeats.check(
        row,
        () => `${line} of ${poundsText(amount)} twice in ${formatFinancialYear(financialYear)}`,
      );
      if (repeated) issues.push(repeated);
    }
    return [
      {
        financialYear,
        line: line as FundingLine,
        amount,
        ...(transfer?.share ? { share: transfer.share } : {}),
        ...(transfer?.schoolsBlock ? { schoolsBlock: transfer.schoolsBlock } : {}),
        origin: row.at(),
      },
    ];
  });
  // Only when no row even tries to give one: a malformed opening row has its own error already,
  // and so does a row refused for its number of fields (COLUMN_COUNT), which may be the opening one.
  const refused = [...table.issues, ...issues].some(
    (issue) => issue.code === 'COLUMN_COUNT' && issue.location?.file === table.file,
  );
  // Neither row (a national funding.csv without the area's rows): say the allocation is missing too,
  // which the projection would only say once the opening balance was put right (found by a national trial).
  // A row of the line that is refused (an amount of "1.2m") is written: its own error says so, and
  // "add an hnb_allocation row" would have a second one added (found by a review).
  const none = !allocationWritten;
  // In a national table, each row begins with its area: one added without it is every area's
  // (a review followed the hint and had DUPLICATE_ROW in every other area).
  const row = (year: number, line: string, amount: string) =>
    exampleRow(table, {
      ...(table.area === undefined ? {} : { area: table.area }),
      financial_year: formatFinancialYear(year),
      line,
      amount,
    });
  if (!openingWritten && !refused) {
    issues.push(
      error(
        'MISSING_OPENING_BALANCE',
        none
          ? 'funding.csv has neither an opening_balance row nor an hnb_allocation row'
          : 'funding.csv has no opening_balance row',
        { file: table.file },
        none
          ? `add the rows "${row(years.first - 1, 'opening_balance', '<balance; negative = deficit>')}" and "${row(years.first, 'hnb_allocation', '<the allocation before deductions>')}" (the allocation unless --hnb-from gives it)`
          : `add the row "${row(years.first - 1, 'opening_balance', '<balance; negative = deficit>')}"`,
      ),
    );
  }
  issues.push(...deductionsWithoutAllocation(rows));
  flushNormalisations(issues);
  return rows;
}

const onlyOne = (names: readonly string[]): string | undefined =>
  names.length === 1 ? names[0] : undefined;

/** Lines given at most once a year: a second row would be added to the first, silently. */
const ONCE_A_YEAR: ReadonlySet<string> = new Set([
  'hnb_allocation',
  'hnb_deductions',
  'import_export',
]);

/** Words of s251 spend lines (1.2.4–1.2.13), which belong in spend.csv, not funding.csv. */
const SPEND_WORDS =
  /spend|top.?up|place|support|service|hospital|alternative|\bap\b|pru|direct.?payment|therap|targeted|sen.?unit|outreach|transport/i;
const looksLikeSpend = (text: string): boolean => SPEND_WORDS.test(text);

/** Deductions are taken from the allocation published beside them, so a year with deductions needs its allocation. */
function deductionsWithoutAllocation(rows: readonly FundingRow[]): Issue[] {
  const allocated = new Set(
    rows.filter((row) => row.line === 'hnb_allocation').map((row) => row.financialYear),
  );
  return rows
    .filter((row) => row.line === 'hnb_deductions' && !allocated.has(row.financialYear))
    .map((row) =>
      error(
        'DEDUCTIONS_WITHOUT_ALLOCATION',
        `hnb_deductions for ${formatFinancialYear(row.financialYear)}, but no hnb_allocation for that year`,
        row.origin,
        'give the hnb_allocation before deductions for the same year',
      ),
    );
}
