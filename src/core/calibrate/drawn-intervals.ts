import { ProjectionCache } from '../demand/cache.js';
import { SPAN } from '../demand/lanes.js';
import { NCY_MIN } from '../need.js';
import { AreaSimulation } from '../simulate/simulate-area.js';
import type { IntervalSource } from './backtest.js';
import { ncyGroup } from './history.js';

/**
 * backtest --draws: each origin's calibrated model drawn `draws` times from `seed` by simulate's
 * engine (docs/simulate.md), and the 95% interval (2.5% and 97.5% quantiles, R's default
 * method as simulate uses) of the pupils each January puts in each group. A row is covered when
 * what happened lies inside it, so coverage near 95% says the intervals are honest.
 */
export function drawnIntervals(draws: number, seed: number): IntervalSource {
  return {
    label: `95% interval of ${draws} draws, seed ${seed}`,
    bounds(model) {
      const { simulation } = AreaSimulation.prepare(model, undefined, new ProjectionCache());
      if (!simulation) return () => undefined;
      // Draw d's pupils by January (index = academic year − base year) and group key.
      const samples = new Map<string, Float64Array>();
      for (let d = 0; d < draws; d += 1) {
        simulation.drawPupils(seed, d);
        const { lanes, counts } = simulation.januaries();
        counts.forEach((vector, y) => {
          const sums = new Map<string, number>();
          lanes.forEach((lane, l) => {
            for (let i = 0; i < SPAN; i += 1) {
              const n = vector[l * SPAN + i]!;
              if (n === 0) continue;
              for (const key of [
                'total|all',
                `setting|${lane.setting}`,
                `age|${ncyGroup(NCY_MIN + i)}`,
              ])
                sums.set(key, (sums.get(key) ?? 0) + n);
            }
          });
          for (const [key, n] of sums) {
            const id = `${y}|${key}`;
            let values = samples.get(id);
            if (!values) samples.set(id, (values = new Float64Array(draws)));
            values[d] = n;
          }
        });
      }
      return (academicYear, breakdown, group) => {
        const values = samples.get(`${academicYear - model.baseYear}|${breakdown}|${group}`);
        if (!values) return { low: 0, high: 0 };
        const sorted = Float64Array.from(values).sort();
        return { low: quantile(sorted, 0.025), high: quantile(sorted, 0.975) };
      };
    },
  };
}

/** R's type 7 (NumPy's default): linear between the order statistics either side of (n − 1)p. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
