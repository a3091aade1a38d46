import { error, type Issue } from '../core/issue.js';
import type { HistoryState, HistoryStep } from '../core/calibrate/history.js';
import { type CsvRow, type CsvTable, readCsvTable } from './csv-table.js';
import type { Limits } from './limits.js';
import { readRepeatedLines } from './repeated-lines.js';
import { ncyCell } from './cell-parsers.js';
import { parseAcademicYear } from '../core/period.js';
import type { CodeReader } from './read-history-codes.js';
import { flushNormalisations, normalisations } from './normalise.js';

/** The open transitions format of SEND demand models (witan.send): one row per person per year. */
const TRANSITIONS_HISTORY_COLUMNS = {
  required: [
    'calendar-year',
    'setting-1',
    'need-1',
    'academic-year-1',
    'setting-2',
    'need-2',
    'academic-year-2',
  ],
  optional: [],
} as const;

/** Marks no plan: a joiner on the first side, a leaver on the second. */
const NONSEND = 'NONSEND';

const isNonsend = (row: CsvRow, side: 1 | 2): boolean =>
  row.get(`setting-${side}`).toUpperCase() === NONSEND ||
  row.get(`need-${side}`).toUpperCase() === NONSEND;

/**
 * A calendar year written as four digits (the January it names), or as a date in January, as an
 * extract's census-date column gives it (18/01/2024, 2024-01-18): read as its year and said once
 * for the column (CODE_NORMALISED). Every other cell was an error each, 17,130 of them for a
 * census-date column, with nothing said of the date (found by a user trial). A date in another
 * month names no January unambiguously: an error that says what to write.
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
  const january = JANUARY_DATE.exec(text);
  const year = january?.[1] ?? january?.[2];
  if (year !== undefined) {
    normalisations(issues).note('januaryDate', row.at(column), row.label(column), text, year);
    return Number(year);
  }
  issues.push(
    error(
      text === '' ? 'MISSING_VALUE' : 'INVALID_YEAR',
      text === '' ? `"${column}" is empty` : `calendar year "${text}" is not written like 2024`,
      row.at(column),
      yearHint(text, names),
    ),
  );
  return undefined;
}

/** What to write for a year written as a date or as an academic year, which extracts give. */
function yearHint(text: string, names: 'january' | 'step'): string | undefined {
  if (ANY_DATE.test(text))
    return 'the year of a January census, 2024 for January 2024 (a date in January, 18/01/2024, is read as its year)';
  // A year of changes, January to January, straddles two academic years: no one answer there.
  const academic = names === 'january' ? parseAcademicYear(text) : undefined;
  if (academic !== undefined)
    return `an academic year: write the calendar year of its January, ${academic + 1} for ${text}`;
  return undefined;
}

/** A date in January, UK (dd/mm/yyyy) or ISO, with a midnight time as a spreadsheet may add. */
const JANUARY_DATE =
  /^(?:(?:0?[1-9]|[12]\d|3[01])\/0?1\/(\d{4})|(\d{4})-01-(?:0[1-9]|[12]\d|3[01]))(?:[ T]00:00(?::00)?)?$/;
const ANY_DATE = /^\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b/;

/**
 * Reads transitions.csv of a history: calendar-year Y is January Y → January Y + 1; NONSEND in
 * setting-1/need-1 is a new plan, in setting-2/need-2 a plan that ended (docs/calibration.md).
 */
function readTransitionsHistory(
  table: CsvTable,
  codes: CodeReader,
  issues: Issue[],
): HistoryStep[] {
  const steps = table.rows.flatMap((row) => {
    const step = readStep(row, codes, issues);
    return step ? [step] : [];
  });
  flushNormalisations(issues);
  return steps;
}

/**
 * transitions.csv of a history from its text: each distinct line read once (repeated-lines.ts),
 * so that identical rows share one step; a file that needs the full CSV reader gets it.
 */
export function readTransitionsHistoryText(
  text: string,
  file: string,
  limits: Limits,
  codes: CodeReader,
  issues: Issue[],
): HistoryStep[] {
  const steps = readRepeatedLines(
    text,
    file,
    TRANSITIONS_HISTORY_COLUMNS,
    limits,
    issues,
    (row, found) => readStep(row, codes, found),
  );
  if (steps) {
    flushNormalisations(issues);
    return steps;
  }
  const table = readCsvTable(text, file, TRANSITIONS_HISTORY_COLUMNS, limits);
  issues.push(...table.issues);
  return readTransitionsHistory(table, codes, issues);
}

/** One row: a step, or undefined with its problems in `issues`. */
function readStep(row: CsvRow, codes: CodeReader, issues: Issue[]): HistoryStep | undefined {
  const before = issues.length;
  const year = calendarYear(row, 'calendar-year', issues, 'step');
  const joiner = isNonsend(row, 1);
  const leaver = isNonsend(row, 2);
  if (joiner && leaver) {
    issues.push(
      error(
        'NONSEND_BOTH_SIDES',
        'NONSEND on both sides: the row is neither a plan that goes on, a new plan nor one that ended',
        row.at('setting-2'),
        'a joiner has NONSEND in setting-1 and need-1 only; a leaver in setting-2 and need-2 only',
      ),
    );
    return undefined;
  }
  const from = joiner ? undefined : state(row, 1, codes, issues);
  const to = leaver ? undefined : state(row, 2, codes, issues);
  if (from && to && to.ncy !== from.ncy + 1)
    issues.push(
      error(
        'AGE_NOT_ADVANCING',
        `academic year goes from ${from.ncy} to ${to.ncy} in a year; it must advance by one`,
        row.at('academic-year-2'),
        'each row is one year, January to January, so academic-year-2 is academic-year-1 + 1',
      ),
    );
  if (issues.length > before || year === undefined) return undefined;
  return { year, ...(from ? { from } : {}), ...(to ? { to } : {}), origin: row.at() };
}

function state(
  row: CsvRow,
  side: 1 | 2,
  codes: CodeReader,
  issues: Issue[],
): HistoryState | undefined {
  const ncy = ncyCell(row, `academic-year-${side}`, issues);
  const need = codes.need(row, `need-${side}`, issues);
  const setting = codes.setting(row, `setting-${side}`, issues);
  return ncy === undefined || need === undefined || setting === undefined
    ? undefined
    : { ncy, need, setting };
}
