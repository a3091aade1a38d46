import type { Decimal } from 'decimal.js';
import { formatFinancialYear } from '../period.js';
import { error, type Issue } from '../issue.js';
import { poundsText } from '../money-text.js';
import type { AreaFactors } from './factors.js';
import { finishArea, prepareArea, unitValues } from './formula.js';
import type { NffParameters } from './parameters.js';
import type { NffResult, SolvedCap } from './result.js';
import { rolloverArea } from './rollover.js';
import { SOLVE_CAP_TOLERANCE, solveCap } from './solve-cap.js';

export interface NffOptions {
  /** Find the gains cap that makes Σ allocations equal the parameters' nationalTotal. */
  readonly solveCap?: boolean;
}

export interface NffOutcome {
  /** Present unless an error stopped the calculation. */
  readonly result?: NffResult;
  readonly issues: readonly Issue[];
}

/**
 * The high-needs NFF for one year, every area at once (docs/nff.md). Pure: the parameters and
 * factors in, every step of every area out, unrounded.
 */
export function calculateNff(
  parameters: NffParameters,
  areas: readonly AreaFactors[],
  options: NffOptions = {},
): NffOutcome {
  if (parameters.mode === 'rollover') {
    // The CLI says so as a usage error first; a library caller is told what to pass, not of a bug.
    if (options.solveCap)
      throw new TypeError(
        `solveCap needs a formula year: ${formatFinancialYear(parameters.financialYear)}'s parameters are a rollover year's`,
      );
    return {
      result: {
        mode: 'rollover',
        financialYear: parameters.financialYear,
        upliftRate: parameters.uplift.value,
        areas: areas.map((a) => rolloverArea(a, parameters)),
      },
      issues: [],
    };
  }
  const units = unitValues(parameters, areas);
  const prepared = areas.map((area) => prepareArea(area, parameters, units));
  const floor = parameters.floorCap.floor.value;
  let cap = parameters.floorCap.cap.value;
  let solvedCap: SolvedCap | undefined;
  if (options.solveCap) {
    const target = parameters.nationalTotal;
    if (!target)
      throw new TypeError(
        `solveCap needs the parameters to give a nationalTotal, the total the cap is solved for; ${formatFinancialYear(parameters.financialYear)}'s give none`,
      );
    const solution = solveCap(prepared, floor, target.value);
    if (!solution.solved) {
      const message = `no gains cap gives the national total ${poundsText(target.value)}: with the cap at the floor (${percent(floor)}) the areas' allocations add up to ${poundsText(solution.lowest)}, and with no area capped (a cap of ${percent(solution.capNoneCapped)} or more) to ${poundsText(solution.highest)}`;
      return {
        issues: [
          error(
            'NFF_TOTAL_UNREACHABLE',
            message,
            target.origin,
            'check the national total, the floor and the areas in the factors file (--solve-cap needs every area the total covers)',
          ),
        ],
      };
    }
    cap = solution.cap;
    solvedCap = {
      cap,
      target: target.value,
      iterations: solution.iterations,
      tolerance: SOLVE_CAP_TOLERANCE,
    };
  }
  return {
    result: {
      mode: 'formula',
      financialYear: parameters.financialYear,
      floor,
      cap,
      ...(solvedCap ? { solvedCap } : {}),
      unitValues: units,
      areas: prepared.map((p) => finishArea(p, cap)),
    },
    issues: [],
  };
}

const percent = (share: Decimal): string => `${share.times(100).toDecimalPlaces(4).toFixed()}%`;
