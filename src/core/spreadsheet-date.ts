import { isValidDate, monthName } from './period.js';

/**
 * A date as a UK spreadsheet saves it in a CSV, read where the day is plain: YYYY-MM-DD, day first
 * (dd/mm/yyyy), year first with slashes (2026/09/01), or with the month's name (1-Sep-2026,
 * 1 September 2026), each with a midnight time as a date-and-time cell adds (2026-09-01T00:00:00,
 * 01/09/2026 00:00). One reader for every date and dated year column (tariffs import, a history's
 * census date, a year column's hint): they read "01/09/2026" alike but "1-Sep-2026" apart (found
 * by a user trial). A two-digit year (1-Sep-26) is not read: which century is a guess.
 */
export interface SpreadsheetDate {
  readonly iso: string;
  /** `iso`: written YYYY-MM-DD as it is; `uk`: dd/mm/yyyy (a midnight time too); `other`: any other form read. */
  readonly form: 'iso' | 'uk' | 'other';
}

const MIDNIGHT = String.raw`(?:[ T]0?0:00(?::00(?:\.0+)?)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(${MIDNIGHT})$`);
const UK = new RegExp(String.raw`^(\d{1,2})\/(\d{1,2})\/(\d{4})${MIDNIGHT}$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})\/(\d{1,2})\/(\d{1,2})${MIDNIGHT}$`);
const NAMED = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[-\s/]([a-z]+)\.?,?[-\s/](\d{2}|\d{4})${MIDNIGHT}$`,
  'i',
);

/** A month by its English name or its first three letters (and "Sept"), any case: 1 to 12. */
function monthOf(name: string): number | undefined {
  const lower = name.toLowerCase();
  const month = MONTHS.findIndex(
    (full) =>
      lower === full || lower === full.slice(0, 3) || (full === 'september' && lower === 'sept'),
  );
  return month < 0 ? undefined : month + 1;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => monthName(i + 1).toLowerCase());

const pad = (n: string | number): string => String(n).padStart(2, '0');

/** The date, when `text` is one written in a form read without guessing and the calendar has it. */
export function readSpreadsheetDate(text: string): SpreadsheetDate | undefined {
  const found = datePartsOf(text);
  if (!found || found.twoDigitYear) return undefined;
  return isValidDate(found.iso) ? { iso: found.iso, form: found.form } : undefined;
}

/**
 * The parts of what is written as a date, whether or not the calendar has it or its year has four
 * digits (for saying what is wrong with it): a two-digit year is taken as 20yy, as a spreadsheet does.
 */
export function datePartsOf(
  text: string,
): (SpreadsheetDate & { readonly twoDigitYear: boolean }) | undefined {
  const iso = ISO.exec(text);
  if (iso) {
    const form = iso[4] ? 'other' : 'iso';
    return { iso: `${iso[1]}-${iso[2]}-${iso[3]}`, form, twoDigitYear: false };
  }
  const uk = UK.exec(text);
  // Day first with or without a midnight time (01/09/2026 00:00): its note says "day first", and
  // a US-order one that fails (12/25/2026 00:00) is told so (whyNotSpreadsheetDate).
  if (uk) return { iso: `${uk[3]}-${pad(uk[2]!)}-${pad(uk[1]!)}`, form: 'uk', twoDigitYear: false };
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst)
    return {
      iso: `${yearFirst[1]}-${pad(yearFirst[2]!)}-${pad(yearFirst[3]!)}`,
      form: 'other',
      twoDigitYear: false,
    };
  const named = NAMED.exec(text);
  const month = named ? monthOf(named[2]!) : undefined;
  if (!named || month === undefined) return undefined;
  const year = named[3]!.length === 2 ? `20${named[3]}` : named[3]!;
  return {
    iso: `${year}-${pad(month)}-${pad(named[1]!)}`,
    form: 'other',
    twoDigitYear: named[3]!.length === 2,
  };
}

/**
 * A month named with its year and no day, as a census column is labelled ("Jan 2024", "January
 * 2024", "Jan-24" as a spreadsheet saves a date shown mmm-yy): its month (1 to 12) and year, a
 * two-digit one taken as 20yy and said to be so. Undefined for anything else.
 */
export function monthAndYearOf(
  text: string,
): { readonly month: number; readonly year: number; readonly twoDigitYear: boolean } | undefined {
  const found = MONTH_YEAR.exec(text);
  const month = found ? monthOf(found[1]!) : undefined;
  if (!found || month === undefined) return undefined;
  const twoDigitYear = found[2]!.length === 2;
  return { month, year: Number(twoDigitYear ? `20${found[2]}` : found[2]), twoDigitYear };
}

const MONTH_YEAR = /^([a-z]+)\.?[-\s/,]+(\d{2}|\d{4})$/i;

/**
 * The date a spreadsheet's serial number stands for (46266 is 1 September 2026: days since 30
 * December 1899, the 1900 date system), for a whole number from 36526 (2000) to 73050 (2099),
 * which a date column saved as a number gives; otherwise undefined. For hints only: a number in a
 * year or date column is not read as a date.
 */
export function serialDate(text: string): string | undefined {
  if (!/^\d{5}$/.test(text)) return undefined;
  const serial = Number(text);
  if (serial < 36526 || serial > 73050) return undefined;
  // Whole days after 30 December 1899 (the 1900 system's day 0) in UTC, which has no clock changes.
  return new Date(Date.UTC(1899, 11, 30 + serial)).toISOString().slice(0, 10);
}

/** "1 September 2026" for 2026-09-01. */
export function dateInWords(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${monthName(Number(month))} ${year}`;
}

/**
 * Why a cell is not a date readSpreadsheetDate reads, after "is "…", ": not in the calendar, read
 * day first (12/25/2026, US order), a two-digit year, a spreadsheet's serial number, or no date.
 */
export function whyNotSpreadsheetDate(text: string): string {
  const parts = datePartsOf(text);
  if (parts?.form === 'uk' && !isValidDate(parts.iso)) {
    const [, month, day] = parts.iso.split('-');
    return `which is no date read as dd/mm/yyyy, day first (day ${Number(day)}, month ${Number(month)})`;
  }
  if (parts && !isValidDate(parts.iso)) return 'which is not a date in the calendar';
  if (parts?.twoDigitYear)
    return `which has a two-digit year: write the year in full, as ${dateInWords(parts.iso)} (format the column as dd/mm/yyyy before saving)`;
  const serial = serialDate(text);
  if (serial !== undefined)
    return `which is a number, as a spreadsheet stores the date ${dateInWords(serial)}: format the column as a date (dd/mm/yyyy) before saving, or write ${serial}`;
  return 'which is not a date written YYYY-MM-DD or dd/mm/yyyy';
}
