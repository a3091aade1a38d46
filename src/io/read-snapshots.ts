import type { HistoryState, HistoryStep } from '../core/calibrate/history.js';
import { error, warning, type Issue, type Location } from '../core/issue.js';
import { NCY_MAX } from '../core/need.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import { ncyCell, requiredText } from './cell-parsers.js';
import type { CodeReader } from './read-history-codes.js';
import { calendarYear } from './calendar-year-cell.js';
import { flushNormalisations } from './normalise.js';
import { returners } from './snapshot-returns.js';
import { personsTwice, type Repeat } from './persons-twice.js';
import { agesNotAdvancing, type AgeSkip } from './ages-not-advancing.js';
import { spreadsheetErrorValue } from './why-not-decimal.js';

/** January snapshots, one row per person per January, as a SEN2 or case-management extract gives them. */
export const SNAPSHOTS_COLUMNS = {
  required: ['year', 'person_id', 'ncy', 'need', 'setting'],
  optional: ['band'],
} as const;

export interface Seen {
  readonly state: HistoryState;
  readonly at: Location;
}

/**
 * Reads snapshots and derives the steps between consecutive Januaries (docs/calibration.md): a
 * person in one January and the next goes on; in one and not the next has left; in the next and
 * not the one before has joined. A pupil's `band` is carried into the cohort, with a warning:
 * calibrate does not fit bands.
 * Gives the Januaries seen too, so that one missing between others is found (HISTORY_GAP).
 */
export function readSnapshots(
  table: CsvTable,
  codes: CodeReader,
  issues: Issue[],
  /** The calendar years of the steps calibrate fits (--fit-years); ids are checked in those only. */
  fitted?: { readonly first: number; readonly last: number },
): { steps: HistoryStep[]; januaries: number[] } {
  const years = new Map<number, Map<string, Seen>>();
  /**
   * The persons whose row of a January was refused for its errors (by January): such a person is
   * no new plan the January after, and no return. The steps of a file with errors are not fitted,
   * but the population they need is checked (POPULATION_MISSING, said with the errors).
   */
  const refused = new Map<number, Set<string>>();
  let anyRefused = false;
  /** The rows that give a band, which calibrate reads past: how many, and the first's cell. */
  let banded = 0;
  let firstBand: Location | undefined;
  /** A person's second row in a January (PERSON_TWICE, said once the Januaries are known). */
  const repeats: Repeat[] = [];
  for (const row of table.rows) {
    if (row.get('band') !== '') {
      banded += 1;
      firstBand ??= row.at('band');
    }
    const before = issues.length;
    const year = calendarYear(row, 'year', issues);
    const person = requiredText(row, 'person_id', issues);
    const ncy = ncyCell(row, 'ncy', issues);
    const need = codes.need(row, 'need', issues);
    const setting = codes.setting(row, 'setting', issues);
    const band = snapshotBand(row, issues);
    if (issues.length > before || year === undefined || person === undefined) {
      anyRefused = true;
      if (year !== undefined && person !== undefined)
        refused.set(year, (refused.get(year) ?? new Set()).add(person));
      continue;
    }
    let january = years.get(year);
    if (!january) years.set(year, (january = new Map()));
    const first = january.get(person);
    if (first) {
      repeats.push({
        year,
        person,
        at: row.at('person_id'),
        firstLine: first.at.line ?? 0,
        same:
          first.state.ncy === ncy && first.state.need === need && first.state.setting === setting,
        written: row.get('year'),
      });
      continue;
    }
    const state = { ncy: ncy!, need: need!, setting: setting!, ...(band ? { band } : {}) };
    january.set(person, { state, at: row.at() });
  }
  personsTwice(repeats, new Set(years.keys()), yearsByLine(table), issues);
  flushNormalisations(issues);
  // Said (found by an analyst's trial: an extract's bands were gone from the cohort calibrate
  // wrote, every pupil in band 1, and nothing said so). They are now carried into the cohort, but
  // the new plans' and moves' bands are still not fitted.
  if (firstBand)
    issues.push(
      warning(
        'BANDS_NOT_FITTED',
        `"band" is carried into the cohort from the last January, but bands are not fitted: every new plan is written in band 1, and a pupil who moves keeps their band (${banded === 1 ? '1 row gives' : `${banded} rows give`} a band, the first here)`,
        firstBand,
        "once tariff.json prices the authority's bands, give new-plans.csv each new plan's band, and transitions.csv's to_band each move's (docs/calibration.md, \"Bands\")",
      ),
    );
  const steps: HistoryStep[] = [];
  /** Persons whose NCY does not advance by one (AGE_NOT_ADVANCING, said once all steps are seen). */
  const skips: AgeSkip[] = [];
  /** The years whose step PERSONS_NOT_FOLLOWED spoke of: returns across them are its ids. */
  const unfollowed = new Set<number>();
  for (const year of [...years.keys()].sort((a, b) => a - b)) {
    const now = years.get(year)!;
    const next = years.get(year + 1);
    if (!next) continue;
    // A step left out of the fit cannot mislead it: fitting only the years after a change of
    // system is the way round ids that changed (found by a review).
    if (!fitted || (year >= fitted.first && year <= fitted.last))
      if (!followed(year, now, next, columnOf(table, 'person_id'), issues)) unfollowed.add(year);
    for (const [person, seen] of now) {
      const after = next.get(person);
      if (after && after.state.ncy !== seen.state.ncy + 1) {
        skips.push({
          person,
          year,
          from: seen.state.ncy,
          to: after.state.ncy,
          at: { ...after.at, column: table.rows.length ? columnOf(table, 'ncy') : 1 },
        });
        continue;
      }
      steps.push({
        year,
        from: seen.state,
        ...(after ? { to: after.state } : {}),
        origin: seen.at,
      });
    }
    for (const [person, seen] of next)
      if (!now.has(person) && !refused.get(year)?.has(person))
        steps.push({ year, to: seen.state, origin: seen.at });
  }
  agesNotAdvancing(skips, issues);
  if (!anyRefused && table.rows.length > 0)
    returners(years, unfollowed, fitted, columnOf(table, 'person_id'), issues);
  return { steps, januaries: [...years.keys()].sort((a, b) => a - b) };
}

/** The year as each line of a table wrote it, the lines read when first asked for. */
function yearsByLine(table: CsvTable): (line: number) => string {
  let years: Map<number, string> | undefined;
  return (line) => {
    years ??= new Map(table.rows.map((row) => [row.line, row.get('year')]));
    return years.get(line) ?? '';
  };
}

/**
 * A row's band as the extract gives it, or undefined for none (the pupil is then in band 1, as a
 * new plan is). A spreadsheet's error value (#N/A from a lookup that found no band) is no band.
 */
function snapshotBand(row: CsvRow, issues: Issue[]): string | undefined {
  const text = row.get('band');
  if (text === '') return undefined;
  const why = spreadsheetErrorValue(text, 'a band');
  if (why)
    issues.push(
      error('INVALID_FIELD', `"${row.label('band')}" is not a band`, row.at('band'), why),
    );
  return why ? undefined : text;
}

/** Fewer pupils than this who could go on are too few to tell ids that changed from chance. */
const FOLLOW_MINIMUM = 10;

/**
 * Persons are followed by person_id alone, so ids that change between two Januaries (a new
 * case-management system; a spreadsheet that saved "00123" as "123") would make every pupil a
 * plan that ended and a new plan, and calibrate would fit ceasing and new plans several times the
 * history's, without a word (found by a user trial). Ceasing is a share in ten or so a year: none
 * of ten or more going on cannot be the history (an error), fewer than half hardly can (a
 * warning). Pupils at NCY 20 age out whatever happens, so they are not counted. False when
 * either was said.
 */
function followed(
  year: number,
  now: ReadonlyMap<string, Seen>,
  next: ReadonlyMap<string, Seen>,
  column: number,
  issues: Issue[],
): boolean {
  let couldGoOn = 0;
  let wentOn = 0;
  for (const [person, seen] of now) {
    if (seen.state.ncy >= NCY_MAX) continue;
    couldGoOn += 1;
    if (next.has(person)) wentOn += 1;
  }
  if (couldGoOn < FOLLOW_MINIMUM || wentOn * 2 >= couldGoOn) return true;
  const first = next.values().next().value as Seen;
  const message =
    wentOn === 0
      ? `none of the ${couldGoOn} pupils of January ${year} below NCY 20 is in January ${year + 1} by person_id: every one would be fitted as a plan that ended, and every pupil of January ${year + 1} as a new plan`
      : `only ${wentOn} of the ${couldGoOn} pupils of January ${year} below NCY 20 ${wentOn === 1 ? 'is' : 'are'} in January ${year + 1} by person_id: the other ${couldGoOn - wentOn} would be fitted as plans that ended, and the pupils of January ${year + 1} not found as new plans`;
  const hint =
    'a person keeps one person_id in every January: ids change with a new case-management system, or when a spreadsheet drops leading zeros ("00123" saved as "123"); give every January the same ids';
  const at = { ...first.at, column };
  issues.push(
    wentOn === 0
      ? error('PERSONS_NOT_FOLLOWED', message, at, hint)
      : warning('PERSONS_NOT_FOLLOWED', message, at, hint),
  );
  return false;
}

const columnOf = (table: CsvTable, name: string): number => table.rows[0]!.at(name).column ?? 1;
