import type { HistoryState, HistoryStep } from '../core/calibrate/history.js';
import { error, type Issue, type Location } from '../core/issue.js';
import type { CsvTable } from './csv-table.js';
import { ncyCell, requiredText } from './cell-parsers.js';
import type { CodeReader } from './read-history-codes.js';
import { calendarYear } from './read-transitions-history.js';
import { flushNormalisations } from './normalise.js';

/** January snapshots, one row per person per January, as a SEN2 or case-management extract gives them. */
export const SNAPSHOTS_COLUMNS = {
  required: ['year', 'person_id', 'ncy', 'need', 'setting'],
  optional: ['band'],
} as const;

interface Seen {
  readonly state: HistoryState;
  readonly at: Location;
}

/**
 * Reads snapshots and derives the steps between consecutive Januaries (docs/calibration.md): a
 * person in one January and the next goes on; in one and not the next has left; in the next and
 * not the one before has joined. `band` is read past: calibrate does not fit bands. Gives the
 * Januaries seen too, so that one missing between others is found (HISTORY_GAP).
 */
export function readSnapshots(
  table: CsvTable,
  codes: CodeReader,
  issues: Issue[],
): { steps: HistoryStep[]; januaries: number[] } {
  const years = new Map<number, Map<string, Seen>>();
  for (const row of table.rows) {
    const before = issues.length;
    const year = calendarYear(row, 'year', issues);
    const person = requiredText(row, 'person_id', issues);
    const ncy = ncyCell(row, 'ncy', issues);
    const need = codes.need(row, 'need', issues);
    const setting = codes.setting(row, 'setting', issues);
    if (issues.length > before || year === undefined || person === undefined) continue;
    let january = years.get(year);
    if (!january) years.set(year, (january = new Map()));
    const first = january.get(person);
    if (first) {
      issues.push(
        error(
          'PERSON_TWICE',
          `person "${person}" is already in the January ${year} snapshot on line ${first.at.line}`,
          row.at('person_id'),
          'one row per person per January: keep the placement at the census date',
        ),
      );
      continue;
    }
    january.set(person, { state: { ncy: ncy!, need: need!, setting: setting! }, at: row.at() });
  }
  flushNormalisations(issues);
  const steps: HistoryStep[] = [];
  for (const year of [...years.keys()].sort((a, b) => a - b)) {
    const now = years.get(year)!;
    const next = years.get(year + 1);
    if (!next) continue;
    for (const [person, seen] of now) {
      const after = next.get(person);
      if (after && after.state.ncy !== seen.state.ncy + 1) {
        issues.push(
          error(
            'AGE_NOT_ADVANCING',
            `person "${person}" is in NCY ${seen.state.ncy} in January ${year} and NCY ${after.state.ncy} in January ${year + 1}; it must advance by one`,
            { ...after.at, column: table.rows.length ? columnOf(table, 'ncy') : 1 },
            'a person repeating or skipping a year cannot be followed by NCY; correct the extract',
          ),
        );
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
      if (!now.has(person)) steps.push({ year, to: seen.state, origin: seen.at });
  }
  return { steps, januaries: [...years.keys()].sort((a, b) => a - b) };
}

const columnOf = (table: CsvTable, name: string): number => table.rows[0]!.at(name).column ?? 1;
