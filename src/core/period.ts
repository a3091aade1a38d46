/**
 * The three calendars, and the one date rule (tariffs/README.md):
 * a rate applies to a month if it is in force on the month's 1st.
 *
 * Years are held as the calendar year they start in:
 *   academic year (AY) 2025/26 = 2025 (1 Sep 2025 – 31 Aug 2026);
 *   financial year (FY) 2026-27 = 2026 (1 Apr 2026 – 31 Mar 2027).
 * Months are integers: year × 12 + (month − 1). Dates are `YYYY-MM-DD`
 * strings, which sort as text and dodge time zones.
 */
export type AcademicYear = number;
export type FinancialYear = number;
export type MonthIndex = number;

const AY_PATTERN = /^(\d{4})\/(\d{2})$/;
const FY_PATTERN = /^(\d{4})-(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_PATTERN = /^(\d{2})-(\d{2})$/;

function consecutive(start: number, endTwoDigits: string): boolean {
  return (start + 1) % 100 === Number.parseInt(endTwoDigits, 10);
}

export function parseAcademicYear(text: string): AcademicYear | undefined {
  const match = AY_PATTERN.exec(text);
  if (!match) return undefined;
  const start = Number.parseInt(match[1]!, 10);
  return consecutive(start, match[2]!) ? start : undefined;
}

export function parseFinancialYear(text: string): FinancialYear | undefined {
  const match = FY_PATTERN.exec(text);
  if (!match) return undefined;
  const start = Number.parseInt(match[1]!, 10);
  return consecutive(start, match[2]!) ? start : undefined;
}

const twoDigits = (n: number): string => String(n % 100).padStart(2, '0');

/**
 * A year as the library exports these take it, a whole number: a script that gave the text of
 * a CSV cell ("2026") got "2026-61", as "2026" + 1 is "20261" (found by a user trial). A TypeError.
 */
function wholeYear(year: unknown, name: string, example: string, parse: string): number {
  if (typeof year === 'number' && Number.isSafeInteger(year)) return year;
  throw new TypeError(
    `${name}: a year is the whole number of the calendar year it starts in (2026 for ${example}), not ${typeof year === 'string' ? `the string ${JSON.stringify(year)}; ${parse}(${JSON.stringify(example)}) gives 2026 from the text` : String(year)}`,
  );
}

/** A financial year given to the library function `name`, checked as formatFinancialYear checks one, in that function's name. */
export const financialYearArgument = (year: unknown, name: string): FinancialYear =>
  wholeYear(year, name, '2026-27', 'parseFinancialYear');

export const formatAcademicYear = (ay: AcademicYear): string => {
  const year = wholeYear(ay, 'formatAcademicYear', '2026/27', 'parseAcademicYear');
  return `${year}/${twoDigits(year + 1)}`;
};
export const formatFinancialYear = (fy: FinancialYear): string => {
  const year = wholeYear(fy, 'formatFinancialYear', '2026-27', 'parseFinancialYear');
  return `${year}-${twoDigits(year + 1)}`;
};

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why `text`, which isValidDate refused, is not a date: written YYYY-MM-DD but not a day of the
 * calendar (2026-02-30), or not written YYYY-MM-DD at all. Telling the two apart saves a reader
 * looking for a mistake in the form when the day is what is wrong.
 */
export function whyNotDate(text: string): string {
  if (isDateShaped(text)) return 'is not a date in the calendar';
  // A UK date, as a spreadsheet writes it: say how to write that day (found by an officer's user trial).
  const uk = dayFirst(text.trim());
  return uk && isValidDate(uk.iso)
    ? `is not a date written YYYY-MM-DD: as a UK date, ${Number(uk.day)} ${monthName(Number(uk.month))} ${uk.year}, write it ${uk.iso}`
    : 'is not a date written YYYY-MM-DD';
}

/**
 * A date written day first, dd/mm/yyyy, as a UK spreadsheet writes it: its parts as written and
 * the same day written YYYY-MM-DD, not yet checked against the calendar (isValidDate).
 */
function dayFirst(
  text: string,
): { day: string; month: string; year: string; iso: string } | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [, day, month, year] = match as unknown as [string, string, string, string];
  return { day, month, year, iso: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

/** Whether `text` is written YYYY-MM-DD, whether or not it is a day of the calendar. */
function isDateShaped(text: string): boolean {
  return DATE_PATTERN.test(text);
}

/** A real calendar date written YYYY-MM-DD. */
export function isValidDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const month = Number.parseInt(match[2]!, 10);
  const day = Number.parseInt(match[3]!, 10);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(Number.parseInt(match[1]!, 10), month)
  );
}

/** An anniversary day written MM-DD; 02-29 is refused because it has no anniversary in most years. */
export function isValidMonthDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const month = Number.parseInt(match[1]!, 10);
  const day = Number.parseInt(match[2]!, 10);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2023, month);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A month's name by its number (1 = January), as the UK writes a date: "1 September 2026". */
export const monthName = (month: number): string => MONTH_NAMES[month - 1]!;

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + (month - 1);
const monthYear = (m: MonthIndex): number => Math.floor(m / 12);
const monthOfYear = (m: MonthIndex): number => (m % 12) + 1;

/** The date of a month's 1st, the day on which the date rule looks rates up. */
export function firstOfMonth(m: MonthIndex): string {
  return `${monthYear(m)}-${String(monthOfYear(m)).padStart(2, '0')}-01`;
}

/** Months of an academic year: September to August. */
export const academicYearMonths = (ay: AcademicYear): [MonthIndex, MonthIndex] => [
  monthIndex(ay, 9),
  monthIndex(ay + 1, 8),
];

/** Months of a financial year: April to March. */
export const financialYearMonths = (fy: FinancialYear): [MonthIndex, MonthIndex] => [
  monthIndex(fy, 4),
  monthIndex(fy + 1, 3),
];

export const academicYearOfMonth = (m: MonthIndex): AcademicYear =>
  monthOfYear(m) >= 9 ? monthYear(m) : monthYear(m) - 1;
export const financialYearOfMonth = (m: MonthIndex): FinancialYear =>
  monthOfYear(m) >= 4 ? monthYear(m) : monthYear(m) - 1;

/**
 * The first projected FY starts the April after the January census of the base AY:
 * census January 2026 (AY 2025/26) → FY 2026-27.
 */
export const firstProjectedFinancialYear = (baseYear: AcademicYear): FinancialYear => baseYear + 1;

/** How many anniversaries of `monthDay` (MM-DD) fall strictly after `after` and on or before `onOrBefore`. */
export function anniversariesBetween(monthDay: string, after: string, onOrBefore: string): number {
  if (onOrBefore <= after) return 0;
  const startYear = Number.parseInt(after.slice(0, 4), 10);
  const endYear = Number.parseInt(onOrBefore.slice(0, 4), 10);
  const first = `${startYear}-${monthDay}` > after ? startYear : startYear + 1;
  const last = `${endYear}-${monthDay}` <= onOrBefore ? endYear : endYear - 1;
  return Math.max(0, last - first + 1);
}
