import { error, type Issue } from '../core/issue.js';
import { parseAcademicYear } from '../core/period.js';
import { yearWrittenOtherwise } from '../core/year-hint.js';
import type { CsvRow } from './csv-table.js';
import { normalisations } from './normalise.js';
import {
  dateInWords,
  datePartsOf,
  monthAndYearOf,
  readSpreadsheetDate,
  serialDate,
} from '../core/spreadsheet-date.js';

/**
 * A calendar year written as four digits (the January it names), or as a date in January, as an
 * extract's census-date column gives it (18/01/2024, 2024-01-18, 18-Jan-2024, Jan 2024): read as its year and said once
 * for the column (CODE_NORMALISED); for a January, an academic year too (2023/24 names January
 * 2024). Every other cell was an error each, 17,130 of them for a census-date column, with
 * nothing said of the date (found by a user trial). A date in another month names no January
 * unambiguously: an error that says what to write.
 */
export function calendarYear(
  row: CsvRow,
  column: string,
  issues: Issue[],
  /** A January (snapshots, a population), or a year of changes from one (transitions). */
  names: 'january' | 'step' = 'january',
): number | undefined {
  const text = row.get(column);
  if (/^\d{4}$/.test(text)) return Number(text);
  // Any form of date the other date columns read (18-Jan-2024 and 2024/01/18 too: src/core/spreadsheet-date.ts).
  const date = readSpreadsheetDate(text)?.iso;
  // A January without its day too, as a census column is labelled: "Jan 2024" was an error on
  // every row, with no hint (found by an analyst's trial).
  const named = monthAndYearOf(text);
  const year =
    date?.slice(5, 7) === '01'
      ? date.slice(0, 4)
      : named?.month === 1 && !named.twoDigitYear
        ? String(named.year)
        : undefined;
  if (year !== undefined) {
    normalisations(issues).note('januaryDate', row.at(column), row.label(column), text, year);
    return Number(year);
  }
  // A January's academic year holds one January: 2023/24's is January 2024, as LA extracts and
  // school census releases label a census. It was an error on every row (260 for one January of
  // a user trial's extract), each hint saying the year to write. A year of changes, January to
  // January, straddles two academic years: no one answer there.
  // Written as the academic_year columns read one (2023/2024, AY 2023/24 too: yearWrittenOtherwise).
  const academic = names === 'january' ? academicYearIn(text) : undefined;
  if (academic !== undefined) {
    normalisations(issues).note(
      'academicYear',
      row.at(column),
      row.label(column),
      text,
      String(academic + 1),
    );
    return academic + 1;
  }
  // 2023-24, as a financial year is written: academic year 2023/24 and financial year 2023-24
  // each hold January 2024, so a January written so is one answer (found by an officer's trial:
  // an extract's "2023-24" was refused with no hint).
  const span = names === 'january' ? /^(\d{4})\s*[-–]\s*(\d{2}|\d{4})$/.exec(text) : null;
  if (span && Number(span[2]!.slice(-2)) === (Number(span[1]) + 1) % 100) {
    const january = Number(span[1]) + 1;
    if (span[2]!.length === 2 || Number(span[2]) === january) {
      normalisations(issues).note(
        'yearSpan',
        row.at(column),
        row.label(column),
        text,
        String(january),
      );
      return january;
    }
  }
  issues.push(
    error(
      text === '' ? 'MISSING_VALUE' : 'INVALID_YEAR',
      text === '' ? `"${column}" is empty` : `calendar year "${text}" is not written like 2024`,
      row.at(column),
      names === 'step' && academicYearIn(text) ? STEP_HINT : yearHint(text),
    ),
  );
  return undefined;
}

const academicYearIn = (text: string): number | undefined =>
  parseAcademicYear(text) ?? yearWrittenOtherwise(text, 'academic');

/** A transitions row's year written as an academic year was refused with no hint (an analyst's trial). */
const STEP_HINT =
  'calendar-year is the year of the January a row starts from: 2019 for January 2019 to January 2020; an academic year (2019/20) runs into two such years, so give the January its rows start from';

/** What to write for a year written otherwise: a date in another month, a serial number, ONS's "Mid-2023". */
function yearHint(text: string): string | undefined {
  // ONS's column heading copied as the year (an analyst's trial): the rule of docs/calibration.md.
  const mid = /^mid[-\s]?(\d{4})$/i.exec(text);
  if (mid) {
    const january = Number(mid[1]) + 1;
    return `ONS's mid-${mid[1]} estimates stand for January ${january} (${mid[1]}/${String(january).slice(2)}): write ${january}`;
  }
  // A census date in a column Excel formatted General is saved as its serial number (an analyst's trial).
  const serial = serialDate(text);
  if (serial !== undefined)
    return `a number, as a spreadsheet stores the date ${dateInWords(serial)}: format the column as a date (dd/mm/yyyy) before saving, and a date in January is read as its year`;
  if (ANY_DATE.test(text) || datePartsOf(text) !== undefined || monthAndYearOf(text) !== undefined)
    return 'the year of a January census, 2024 for January 2024 (a date in January, 18/01/2024, is read as its year)';
  return undefined;
}

/** Any date, whatever follows its day: a time may come straight after it (2024-01-18T09:00). */
const ANY_DATE = /^\d{1,4}[/-]\d{1,2}[/-]\d{1,4}(?!\d)/;
