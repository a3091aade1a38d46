import type { Decimal } from 'decimal.js';
import { Dec, integer, ZERO } from '../decimal.js';
import { InternalError } from '../errors.js';
import type { Need } from '../need.js';
import { type FitOptions, type FittedNewPlan, printed } from './fitted.js';
import { type HistoryStep, populationKey } from './history.js';

/**
 * New plans per head (docs/calibration.md, "New plans"): joiners of a year are counted in the
 * January after it, at the NCY they are in then, and are per head of that January's resident
 * population at that NCY. An NCY's rate is shrunk towards the rate over the NCYs joined at (an
 * NCY without joiners has no new plans, so its population is not counted); its joiners' mix of
 * need and setting towards the mix over all NCYs, over the cells seen at that NCY.
 */
export function fitNewPlans(
  steps: readonly HistoryStep[],
  joiners: ReadonlyMap<string, number>,
  options: FitOptions,
): FittedNewPlan[] {
  const w = options.weight;
  const years = [...new Set(steps.map((step) => step.year))].sort((a, b) => a - b);
  const byNcy = new Map<number, { joiners: number; cells: Map<string, number> }>();
  const byCell = new Map<string, number>();
  let allJoiners = 0;
  for (const [key, n] of joiners) {
    const bar = key.indexOf('|');
    const ncy = Number(key.slice(0, bar));
    const cell = key.slice(bar + 1);
    const entry = byNcy.get(ncy) ?? { joiners: 0, cells: new Map<string, number>() };
    entry.joiners += n;
    entry.cells.set(cell, n);
    byNcy.set(ncy, entry);
    byCell.set(cell, (byCell.get(cell) ?? 0) + n);
    allJoiners += n;
  }
  // Each NCY's population summed over the Januaries its joiners could join in, in year order.
  const heads = new Map<number, Decimal>();
  let allHeads = ZERO;
  for (const ncy of [...byNcy.keys()].sort((a, b) => a - b)) {
    let total = ZERO;
    for (const year of years) {
      const population = options.population.get(populationKey(year + 1, ncy));
      if (population === undefined)
        throw new InternalError(`no population for NCY ${ncy} in January ${year + 1}`);
      total = total.plus(population);
    }
    heads.set(ncy, total);
    allHeads = allHeads.plus(total);
  }
  const allRate = allHeads.isZero() ? ZERO : integer(allJoiners).div(allHeads);
  const mixOf = (cell: string): Decimal => new Dec(byCell.get(cell) ?? 0).div(allJoiners);

  const rows: FittedNewPlan[] = [];
  for (const ncy of [...byNcy.keys()].sort((a, b) => a - b)) {
    const entry = byNcy.get(ncy)!;
    const population = heads.get(ncy)!;
    const exposure = population.plus(w);
    // The NCY's joiners, shrunk: (J + w × all-NCY rate) pseudo-joiners in (population + w) heads.
    const ncyObserved = integer(entry.joiners).plus(w.times(allRate));
    const cells = [...entry.cells.keys()].sort();
    let priorMass = ZERO;
    for (const cell of cells) priorMass = priorMass.plus(mixOf(cell));
    const mixExposure = integer(entry.joiners).plus(w.times(priorMass));
    for (const cell of cells) {
      const seen = entry.cells.get(cell)!;
      const share = integer(seen)
        .plus(w.times(mixOf(cell)))
        .div(mixExposure);
      const observed = ncyObserved.times(share);
      const [need, setting] = cell.split('|') as [Need, string];
      const fitted = printed('ncy-need-setting', {
        numerator: seen,
        seen: 0,
        parent: ncyObserved.div(exposure).times(mixOf(cell)).div(priorMass),
        observed,
        exposure,
        rate: observed.div(exposure),
      });
      rows.push({ ncy, need, setting, ...fitted, seen: population });
    }
  }
  return rows;
}
