import type { Decimal } from 'decimal.js';
import { InputError } from '../core/errors.js';
import { hasErrors, type Issue } from '../core/issue.js';
import type { Model } from '../core/model.js';
import type { Scenario } from '../core/scenario/types.js';
import { AreaSimulation } from '../core/simulate/simulate-area.js';
import { type Simulation, summarise } from '../core/simulate/simulate.js';
import type { DrawThreads } from './simulate-threads.js';

/**
 * The library's `simulate` (src/core/simulate/simulate.ts) for the command line: the same draws
 * and figures, drawn by `threads` (this one among them) a chunk at a time with a turn of the event
 * loop between chunks, so a Ctrl-C stops it within a chunk's time. `simulate --jobs 1` and
 * `report --draws` drew every draw in one synchronous call and heard a Ctrl-C only at the end,
 * which for 100,000 draws was minutes. Problems are returned as issues, as `simulate` returns them.
 */
export async function simulateOnThreads(
  model: Model,
  scenario: Scenario | undefined,
  threads: DrawThreads,
  options: { readonly seed: number; readonly thresholds?: readonly Decimal[] },
  /** Told after each chunk this thread draws the share begun (DrawThreads.draw). */
  begun?: (share: number) => void,
): Promise<{ simulation?: Simulation; issues: readonly Issue[] }> {
  const prepared = AreaSimulation.prepare(model, scenario);
  const here = prepared.simulation;
  if (!here || hasErrors(prepared.issues)) return { issues: prepared.issues };
  const { seed } = options;
  try {
    const figures = await threads.draw(
      (from, to) => Array.from({ length: to - from }, (_, i) => here.draw(seed, from + i)),
      (pupils, index) => here.figuresOf(pupils, { seed, index }),
      begun,
    );
    return {
      simulation: summarise(
        model.area.code,
        scenario?.id ?? '',
        here.financialYears,
        figures,
        options,
      ),
      issues: prepared.issues,
    };
  } catch (cause) {
    // A draw can find what the projection did not: pupils where no rate is in force (NO_RATE_IN_FORCE).
    if (cause instanceof InputError) return { issues: [...prepared.issues, ...cause.issues] };
    throw cause;
  }
}
