import { error, type Issue } from '../core/issue.js';
import type { HistoryState, HistoryStep } from '../core/calibrate/history.js';
import { type CsvRow, type CsvTable, readCsvTable } from './csv-table.js';
import type { Limits } from './limits.js';
import { readRepeatedLines } from './repeated-lines.js';
import { ncyCell } from './cell-parsers.js';
import type { CodeReader } from './read-history-codes.js';
import { flushNormalisations } from './normalise.js';
import { calendarYear } from './calendar-year-cell.js';

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
 * NONSEND in one column of a side and a plan's code in the other: the row was read as a new plan
 * (or one that ended) and the setting or need it gave was dropped without a word (found by a user
 * trial). Neither reading is safe, so it is an error at the column that is not NONSEND.
 */
function halfNonsend(row: CsvRow, side: 1 | 2): Issue | undefined {
  const setting = row.get(`setting-${side}`);
  const need = row.get(`need-${side}`);
  if ((setting.toUpperCase() === NONSEND) === (need.toUpperCase() === NONSEND)) return undefined;
  const [nonsend, other, text] =
    setting.toUpperCase() === NONSEND
      ? [`setting-${side}`, `need-${side}`, need]
      : [`need-${side}`, `setting-${side}`, setting];
  return error(
    'NONSEND_HALF',
    `${nonsend} is NONSEND but ${other} is "${text}": a side with no plan is NONSEND in both its setting and need`,
    row.at(other),
    side === 1
      ? 'a new plan has NONSEND in setting-1 and need-1; a plan that went on gives both its setting and need'
      : 'a plan that ended has NONSEND in setting-2 and need-2; a plan that went on gives both its setting and need',
  );
}

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
  const half = [halfNonsend(row, 1), halfNonsend(row, 2)].filter((issue) => issue !== undefined);
  if (half.length > 0) {
    issues.push(...half);
    return undefined;
  }
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
        // As the snapshots hint says: a repeated year is real (an analyst's trial).
        'each row is one year, January to January, so academic-year-2 is academic-year-1 + 1: for a pupil taught out of year group, give the NCY of their age (age at 31 August − 4) on both sides',
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
