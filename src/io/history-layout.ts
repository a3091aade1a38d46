import { UsageError } from '../core/errors.js';
import { matchKey } from './column-names.js';

/** The columns that tell each layout of a history by its header (docs/calibration.md, "Inputs"), as match keys. */
const LAYOUTS = {
  snapshots: ['year', 'personid', 'ncy', 'need', 'setting'],
  transitions: ['calendaryear', 'setting1', 'need1', 'academicyear1', 'setting2', 'need2'],
} as const;

/**
 * A history given under the other layout's option: a snapshots file as --transitions was seven
 * MISSING_COLUMN errors, each offering a column to rename ("Year" to calendar-year), where the
 * fix is the other option (found by an officer's trial). A usage error naming it, when the header
 * has every column of the other layout and none of its own.
 */
export function checkHistoryLayout(
  text: string,
  given: 'snapshots' | 'transitions',
  file: string,
): void {
  const other = given === 'snapshots' ? 'transitions' : 'snapshots';
  const header = /^\uFEFF?\s*([^\n]*)/.exec(text)![1]!.split(',');
  const keys = new Set(header.map((cell) => matchKey(cell.trim().replace(/^"(.*)"$/, '$1'))));
  if (!LAYOUTS[other].every((key) => keys.has(key))) return;
  if (LAYOUTS[given].some((key) => keys.has(key) && !LAYOUTS[other].includes(key as never))) return;
  throw new UsageError(
    `${file} has the columns of ${other === 'snapshots' ? 'January snapshots (year, person_id, ncy, need, setting)' : 'transitions (calendar-year, setting-1, need-1, academic-year-1, setting-2, need-2, academic-year-2)'}: give it as --${other} ${file}, not --${given}`,
  );
}
