import type { Decimal } from 'decimal.js';
import { InputError } from '../errors.js';
import type { Issue } from '../issue.js';
import { hasErrors } from '../issue.js';
import type { Model } from '../model.js';
import { NCY_MIN } from '../need.js';
import type { AcademicYear } from '../period.js';
import { projectDemand } from '../demand/run.js';
import { finish, type Steps } from '../steps.js';
import { SPAN } from '../demand/lanes.js';
import { calibratedModel, type CostRow } from './calibrated-model.js';
import { fitRates } from './fit.js';
import {
  academicYearOfJanuary,
  type History,
  januaryStates,
  NCY_GROUP_LABELS,
  ncyGroup,
  stepsBetween,
} from './history.js';

/** What a backtest row breaks its pupils down by: all, setting, or age group (NCY + 4). */
type Breakdown = 'total' | 'setting' | 'age';

/**
 * Where intervals come from when backtest is given --draws: simulate's draws of the same model
 * (issue 15, item 3). `bounds` gives, for a projected AY's January and a breakdown group, the
 * interval of pupils the draws put there; a row is covered when the actual count lies within it.
 */
export interface IntervalSource {
  readonly label: string;
  /** The model's bounds, made a step at a time (the draws yield between chunks: src/core/steps.ts). */
  bounds(model: Model, lastYear: AcademicYear): Steps<Bounds>;
}

/** For a projected AY's January and a breakdown group, the interval of pupils, if any. */
type Bounds = (
  academicYear: AcademicYear,
  breakdown: Breakdown,
  group: string,
) => { low: number; high: number } | undefined;

export interface BacktestRow {
  /** Januaries as calendar years: the origin (cut-off) and the target. */
  readonly origin: number;
  readonly target: number;
  readonly horizon: number;
  readonly breakdown: Breakdown;
  readonly group: string;
  readonly actual: number;
  readonly projected: number;
  readonly interval?: { readonly low: number; readonly high: number };
}

export interface BacktestOptions {
  readonly weight: Decimal;
  readonly population: ReadonlyMap<string, Decimal>;
  readonly settings: readonly string[];
  readonly intervals?: IntervalSource;
}

/**
 * Rolling origin (docs/calibration.md, "Backtest"): for each January from the second to the one
 * before the last, fit on the history before it, start from that January's actual pupils, project
 * to the last January known and compare each January with what happened.
 */
export function backtest(history: History, options: BacktestOptions): BacktestRow[] {
  return finish(backtestSteps(history, options));
}

/** backtest a step at a time: it yields after each origin and wherever its interval source does. */
export function* backtestSteps(history: History, options: BacktestOptions): Steps<BacktestRow[]> {
  const rows: BacktestRow[] = [];
  const actuals = new Map<number, Map<string, number>>();
  for (let january = history.first + 1; january <= history.last; january += 1)
    actuals.set(january, groupCounts(januaryStates(history, january)));
  for (let origin = history.first + 1; origin < history.last; origin += 1) {
    const steps = stepsBetween(history, history.first, origin - 1);
    const fit = fitRates(steps, options);
    const baseYear = academicYearOfJanuary(origin);
    const lastYear = academicYearOfJanuary(history.last);
    const model = calibratedModel({
      area: { code: 'backtest', name: `origin January ${origin}` },
      baseYear,
      horizon: lastYear,
      fit,
      cohort: januaryStates(history, origin),
      settings: options.settings,
      population: options.population,
      costs: [] as CostRow[],
    });
    const demand = projectDemand(model, lastYear);
    const issues: Issue[] = [...demand.issues];
    if (hasErrors(issues)) throw new InputError(issues);
    const bounds = options.intervals ? yield* options.intervals.bounds(model, lastYear) : undefined;
    for (const year of demand.years.slice(1)) {
      const projected = new Map<string, number>();
      demand.plan.lanes.forEach((lane, l) => {
        for (let i = 0; i < SPAN; i += 1) {
          const n = year.counts[l * SPAN + i]!;
          if (n === 0) continue;
          add(projected, lane.setting, NCY_MIN + i, n);
        }
      });
      const target = year.academicYear + 1;
      const actual = actuals.get(target)!;
      for (const key of groupKeys(actual, projected)) {
        const [breakdown, group] = key.split('|') as [Breakdown, string];
        const interval = bounds?.(year.academicYear, breakdown, group);
        rows.push({
          origin,
          target,
          horizon: target - origin,
          breakdown,
          group,
          actual: actual.get(key) ?? 0,
          projected: projected.get(key) ?? 0,
          ...(interval ? { interval } : {}),
        });
      }
    }
    yield;
  }
  return rows;
}

function add(counts: Map<string, number>, setting: string, ncy: number, n: number): void {
  for (const key of ['total|all', `setting|${setting}`, `age|${ncyGroup(ncy)}`])
    counts.set(key, (counts.get(key) ?? 0) + n);
}

function groupCounts(states: ReturnType<typeof januaryStates>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of states) add(counts, s.setting, s.ncy, 1);
  return counts;
}

/** Total first, then settings in order, then age groups youngest first. */
function groupKeys(actual: Map<string, number>, projected: Map<string, number>): string[] {
  const settings = new Set<string>();
  for (const key of [...actual.keys(), ...projected.keys()])
    if (key.startsWith('setting|')) settings.add(key);
  return ['total|all', ...[...settings].sort(), ...NCY_GROUP_LABELS.map((label) => `age|${label}`)];
}
