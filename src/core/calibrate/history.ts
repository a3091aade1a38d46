import type { Location } from '../issue.js';
import type { Need } from '../need.js';
import type { AcademicYear } from '../period.js';

/**
 * A person's history as SEND demand models keep it (docs/calibration.md, "The history"): where
 * they are each January. Calendar years name Januaries: January 2026 is the census of AY 2025/26.
 */
export interface HistoryState {
  readonly ncy: number;
  readonly need: Need;
  readonly setting: string;
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

/** The NCY groups backtest reports by (issue 15): under 5, 5–10, 11–15, 16–19, 20–25. */
export const NCY_GROUPS: readonly { readonly label: string; readonly to: number }[] = [
  { label: 'under 5', to: 0 },
  { label: '5-10', to: 6 },
  { label: '11-15', to: 11 },
  { label: '16-19', to: 15 },
  { label: '20-25', to: 20 },
];

/** Age at 31 August is NCY + 4 (README): the group by age, as the labels give it. */
export function ncyGroup(ncy: number): string {
  for (const group of NCY_GROUPS) if (ncy <= group.to) return group.label;
  return NCY_GROUPS[NCY_GROUPS.length - 1]!.label;
}

/**
 * The steps with how often each occurs: a reader that shares one step between identical rows
 * (src/io/repeated-lines.ts) lets a fit count each once, times its number. In first-seen order.
 */
export function distinctSteps(steps: readonly HistoryStep[]): Map<HistoryStep, number> {
  const counts = new Map<HistoryStep, number>();
  for (const step of steps) counts.set(step, (counts.get(step) ?? 0) + 1);
  return counts;
}
