import { sum } from '../core/decimal.js';
import type { Attribution } from '../core/scenario/attribution.js';
import { largestRemainder } from './largest-remainder.js';

type Savings = Attribution['savings'];

/**
 * The levers' savings rounded to pence so that, in each year, they add up to their exact sum
 * rounded once: the steps telescope to the difference between the projections (docs/scenarios.md,
 * "DBV savings"), and the printed steps then add up to the printed difference. Each saving rounded
 * on its own could miss it by a penny a lever (three steps of £1.005 print £3.03 against £3.02).
 * Largest remainder, as explain and the report's reconciled tables round their parts
 * (report/largest-remainder.ts).
 */
export function shownSavings(savings: Savings): Savings {
  const years = savings[0]?.byYear.length ?? 0;
  const rounded = (key: 'spendSaving' | 'balanceImprovement') =>
    Array.from({ length: years }, (_, y) => {
      const parts = savings.map((saving) => saving.byYear[y]![key]);
      return largestRemainder(sum(parts), parts, 2);
    });
  const spend = rounded('spendSaving');
  const balance = rounded('balanceImprovement');
  return savings.map((saving, k) => ({
    ...saving,
    byYear: saving.byYear.map((year, y) => ({
      ...year,
      spendSaving: spend[y]![k]!,
      balanceImprovement: balance[y]![k]!,
    })),
  }));
}
