import type { Decimal } from 'decimal.js';
import { NCY_MAX } from '../need.js';
import type { Fit } from './fitted.js';
import { distinctSteps, type HistoryStep, populationKey } from './history.js';

/**
 * Fitted against actual, one year ahead from each actual January of the fit (calibration.csv's
 * `total` rows): pupils who ceased, aged out and joined, and the pupils the January after. Fitted
 * figures are expected values in doubles, summed in the order of the steps.
 */
export interface FitTotal {
  /** The January the year ends in (calendar year). */
  readonly january: number;
  readonly measure: 'ceased' | 'aged_out' | 'new_plans' | 'pupils';
  readonly actual: number;
  readonly fitted: number;
}

export function fitTotals(
  steps: readonly HistoryStep[],
  fit: Fit,
  population: ReadonlyMap<string, Decimal>,
): FitTotal[] {
  const ceasing = new Map<string, number>();
  for (const row of fit.ceasing)
    ceasing.set(`${row.ncy}|${row.need ?? ''}|${row.setting ?? ''}`, row.rate.toNumber());
  const rateOf = (ncy: number, need: string, setting: string): number =>
    ceasing.get(`${ncy}|${need}|${setting}`) ??
    ceasing.get(`${ncy}|${need}|`) ??
    ceasing.get(`${ncy}||${setting}`) ??
    ceasing.get(`${ncy}||`) ??
    0;
  const distinct = distinctSteps(steps);
  const years = [...new Set([...distinct.keys()].map((s) => s.year))].sort((a, b) => a - b);
  const totals: FitTotal[] = [];
  for (const year of years) {
    let opening = 0;
    let ceased = 0;
    let fittedCeased = 0;
    let agedOut = 0;
    let joined = 0;
    for (const [step, n] of distinct) {
      if (step.year !== year) continue;
      if (!step.from) {
        if (step.to) joined += n;
        continue;
      }
      opening += n;
      if (step.from.ncy >= NCY_MAX) agedOut += n;
      else {
        fittedCeased += n * rateOf(step.from.ncy, step.from.need, step.from.setting);
        if (!step.to) ceased += n;
      }
    }
    let fittedJoined = 0;
    for (const row of fit.newPlans) {
      const heads = population.get(populationKey(year + 1, row.ncy));
      if (heads) fittedJoined += row.rate.toNumber() * heads.toNumber();
    }
    const january = year + 1;
    totals.push(
      { january, measure: 'ceased', actual: ceased, fitted: fittedCeased },
      { january, measure: 'aged_out', actual: agedOut, fitted: agedOut },
      { january, measure: 'new_plans', actual: joined, fitted: fittedJoined },
      {
        january,
        measure: 'pupils',
        actual: opening - ceased - agedOut + joined,
        fitted: opening - fittedCeased - agedOut + fittedJoined,
      },
    );
  }
  return totals;
}
