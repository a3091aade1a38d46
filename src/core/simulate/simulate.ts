import type { Decimal } from 'decimal.js';
import { ProjectionCache } from '../demand/cache.js';
import { InputError } from '../errors.js';
import type { Issue } from '../issue.js';
import type { Model } from '../model.js';
import { checkOptionNames, type OptionNames } from '../option-names.js';
import type { FinancialYear } from '../period.js';
import type { Scenario } from '../scenario/types.js';
import { type Amount, simulateArguments } from './simulate-arguments.js';
import { intervalRows, thresholdRows, type IntervalRow, type ThresholdRow } from './intervals.js';
import { AreaSimulation, type DrawFigures } from './simulate-area.js';

export interface SimulateOptions {
  /** How many draws (each its own stream: draw i is the same whatever the number of draws). */
  readonly draws: number;
  /** A whole number from 0 to 2^53 − 1. */
  readonly seed: number;
  readonly scenario?: Scenario;
  /** Cumulative balances in pounds (a deficit is negative) whose probability of being undershot is reported: Decimals, or numbers or text made Decimals from their text (simulate-arguments.ts). */
  readonly thresholds?: readonly Amount[];
  readonly cache?: ProjectionCache;
  /**
   * Told after each draw how many are drawn: for a terminal's spinner, which a run on this thread
   * alone never lets turn (the CLI's --jobs 1). The result does not depend on it.
   */
  readonly onDraw?: (drawn: number) => void;
}

const SIMULATE_OPTION_NAMES: OptionNames<SimulateOptions> = {
  draws: true,
  seed: true,
  scenario: true,
  thresholds: true,
  cache: true,
  onDraw: true,
};

/** A simulation's results: interval rows by FY and measure, and threshold probabilities. */
export interface Simulation {
  readonly areaCode: string;
  readonly scenario: string;
  readonly draws: number;
  readonly seed: number;
  readonly financialYears: readonly FinancialYear[];
  readonly rows: readonly IntervalRow[];
  readonly thresholds: readonly ThresholdRow[];
}

/**
 * Seeded Monte Carlo over the demand engine (docs/simulate.md): `draws` draws of the model (under
 * `scenario`), each drawing the uncertain rates, then whole pupils and new plans, costed exactly;
 * the result is each measure's mean and quantiles by financial year. Pure: the same model, seed
 * and draws give the same result on any machine. Errors of the deterministic projection stop it,
 * as does a draw's problem with the input; both are returned as issues.
 */
export function simulate(
  model: Model,
  given: SimulateOptions,
): { simulation?: Simulation; issues: readonly Issue[] } {
  checkOptionNames('simulate', given, SIMULATE_OPTION_NAMES, '{ draws: 1000, seed: 1 }');
  // Without options, draws and seed are said to be missing rather than a destructuring failing.
  const options = simulateArguments(given ?? ({} as SimulateOptions));
  const { simulation: area, issues } = AreaSimulation.prepare(
    model,
    options.scenario,
    options.cache ?? new ProjectionCache(),
  );
  if (!area) return { issues };
  const draws: DrawFigures[] = [];
  try {
    for (let i = 0; i < options.draws; i += 1) {
      draws.push(area.draw(options.seed, i));
      options.onDraw?.(i + 1);
    }
  } catch (cause) {
    // A draw can find what the projection did not: pupils where no rate is in force (NO_RATE_IN_FORCE).
    if (cause instanceof InputError) return { issues: [...issues, ...cause.issues] };
    throw cause;
  }
  return {
    simulation: summarise(
      model.area.code,
      options.scenario?.id ?? '',
      area.financialYears,
      draws,
      options,
    ),
    issues,
  };
}

/** The rows of a set of draws (in draw order), from however many threads drew them. */
export function summarise(
  areaCode: string,
  scenario: string,
  financialYears: readonly FinancialYear[],
  draws: readonly DrawFigures[],
  options: { readonly seed: number; readonly thresholds?: readonly Decimal[] },
): Simulation {
  return {
    areaCode,
    scenario,
    draws: draws.length,
    seed: options.seed,
    financialYears,
    rows: intervalRows(areaCode, scenario, financialYears, draws),
    thresholds: thresholdRows(areaCode, scenario, financialYears, draws, options.thresholds ?? []),
  };
}

/** A draw's figures as decimal text, measure by measure: draws compared whole (tests of threads and shared pupils). */
export function drawToText(draw: DrawFigures): string[] {
  return [...draw.pupils, ...draw.spend, ...draw.inYear, ...draw.cumulative].map(String);
}
