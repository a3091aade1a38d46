import { ProjectionCache } from '../demand/cache.js';
import { SPAN } from '../demand/lanes.js';
import { NCY_MIN } from '../need.js';
import { AreaSimulation } from '../simulate/simulate-area.js';
import type { IntervalSource } from './backtest.js';
import { ncyGroup } from './history.js';

/** Draws between the steps of an origin's bounds (a turn for a Ctrl-C at each: src/core/steps.ts). */
const DRAWS_PER_STEP = 20;

/**
 * backtest --draws: each origin's calibrated model drawn `draws` times from `seed` by simulate's
 * engine (docs/simulate.md), and the 95% interval (2.5% and 97.5% quantiles, R's default
 * method as simulate uses) of the pupils each January puts in each group. A row is covered when
 * what happened lies inside it, so coverage near 95% says the intervals are honest.
 */
export function drawnIntervals(draws: number, seed: number): IntervalSource {
  return {
    label: `95% interval of ${draws} draws, seed ${seed}`,
    *bounds(model) {
      const { simulation } = AreaSimulation.prepare(model, undefined, new ProjectionCache());
      if (!simulation) return () => undefined;
      const groups = stateGroups(simulation.januaries().lanes);
      // Draw d's pupils by January (index = academic year − base year) and group: samples[y][g][d].
      const samples: Float64Array[][] = [];
      const sums = new Float64Array(groups.keys.length);
      for (let d = 0; d < draws; d += 1) {
        if (d > 0 && d % DRAWS_PER_STEP === 0) yield;
        simulation.drawPupils(seed, d);
        simulation.januaries().counts.forEach((vector, y) => {
          sums.fill(0);
          // Each state's pupils into its groups, state by state as before: the same sums, bit for bit.
          for (let s = 0; s < vector.length; s += 1) {
            const n = vector[s]!;
            if (n === 0) continue;
            sums[0]! += n;
            sums[groups.setting[(s / SPAN) | 0]!]! += n;
            sums[groups.age[s % SPAN]!]! += n;
          }
          const year = (samples[y] ??= []);
          sums.forEach((n, g) => {
            // A group no state of this January held in any draw so far is left out, as before.
            if (n === 0 && !year[g]) return;
            (year[g] ??= new Float64Array(draws))[d] = n;
          });
        });
      }
      const index = new Map(groups.keys.map((key, g) => [key, g]));
      return (academicYear, breakdown, group) => {
        const g = index.get(`${breakdown}|${group}`);
        const values = g === undefined ? undefined : samples[academicYear - model.baseYear]?.[g];
        if (!values) return { low: 0, high: 0 };
        const sorted = Float64Array.from(values).sort();
        return { low: quantile(sorted, 0.025), high: quantile(sorted, 0.975) };
      };
    },
  };
}

/**
 * The groups a January's pupils are counted in ("total|all", "setting|…", "age|…"), and the group
 * of each lane's setting and of each NCY offset's age, found once rather than for every state of every draw.
 */
function stateGroups(lanes: readonly { readonly setting: string }[]): {
  keys: string[];
  setting: Int32Array;
  age: Int32Array;
} {
  const keys = ['total|all'];
  const numberOf = (key: string): number => {
    let g = keys.indexOf(key);
    if (g < 0) g = keys.push(key) - 1;
    return g;
  };
  return {
    setting: Int32Array.from(lanes, (lane) => numberOf(`setting|${lane.setting}`)),
    age: Int32Array.from({ length: SPAN }, (_, i) => numberOf(`age|${ncyGroup(NCY_MIN + i)}`)),
    keys,
  };
}

/** R's type 7 (NumPy's default): linear between the order statistics either side of (n − 1)p. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
