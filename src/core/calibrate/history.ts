import { AGE_GROUPS, ageGroupLabel, ageGroupOf } from '../breakdown/age-group.js';
import type { Location } from '../issue.js';
import type { Need } from '../need.js';
import type { AcademicYear } from '../period.js';

/**
 * A person's history as SEND demand models keep it (docs/calibration.md, "Inputs"): where
 * they are each January. Calendar years name Januaries: January 2026 is the census of AY 2025/26.
 */
export interface HistoryState {
  readonly ncy: number;
  readonly need: Need;
  readonly setting: string;
  /**
   * The pupil's band, where a snapshots file gives one: carried into the cohort calibrate writes,
   * not fitted (docs/calibration.md, "Bands").
   */
  readonly band?: string;
}

/**
 * One person's year, January `year` → January `year + 1` (the transitions format's calendar-year):
 * no `from` for a new plan (a joiner), no `to` for a plan that ended (a leaver, or aged out at NCY 20).
 */
export interface HistoryStep {
  readonly year: number;
  readonly from?: HistoryState;
  readonly to?: HistoryState;
  readonly origin?: Location;
}

/** Every step, and the first and last Januaries it spans (last = the latest step's year + 1). */
export interface History {
  readonly steps: readonly HistoryStep[];
  readonly first: number;
  readonly last: number;
}

export const populationKey = (january: number, ncy: number): string => `${january}:${ncy}`;

/** The AY whose January census falls in a calendar year: January 2026 → AY 2025/26. */
export const academicYearOfJanuary = (january: number): AcademicYear => january - 1;

/**
 * The people on plans in one January: the `from` side of the steps that start then, or for the
 * last January (which no step starts from) the `to` side of the steps that end then.
 */
export function januaryStates(history: History, january: number): HistoryState[] {
  const states: HistoryState[] = [];
  if (january === history.last) {
    for (const step of history.steps)
      if (step.year === january - 1 && step.to) states.push(step.to);
  } else {
    for (const step of history.steps)
      if (step.year === january && step.from) states.push(step.from);
  }
  return states;
}

/** Only the steps of the years from `first` to `last` (inclusive): a history cut to a fit window. */
export function stepsBetween(history: History, first: number, last: number): HistoryStep[] {
  return history.steps.filter((step) => step.year >= first && step.year <= last);
}

/**
 * The age groups backtest reports by (issue 15), labelled as `project --breakdown age-group`
 * labels them ("5 to 10", not "5-10", which Excel reads as 5 October): one definition, in
 * src/core/breakdown/age-group.ts, youngest first.
 */
export const NCY_GROUP_LABELS: readonly string[] = AGE_GROUPS.map(ageGroupLabel);

/** The age group of an NCY (age at 31 August is NCY + 4), as NCY_GROUP_LABELS labels it. */
export const ncyGroup = (ncy: number): string => ageGroupLabel(ageGroupOf(ncy));

/**
 * The steps with how often each occurs: a reader that shares one step between identical rows
 * (src/io/repeated-lines.ts) lets a fit count each once, times its number. In first-seen order.
 */
export function distinctSteps(steps: readonly HistoryStep[]): Map<HistoryStep, number> {
  const counts = new Map<HistoryStep, number>();
  for (const step of steps) counts.set(step, (counts.get(step) ?? 0) + 1);
  return counts;
}
