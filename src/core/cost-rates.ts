import type { PricedLanes, CostContext } from './cost.js';
import type { Lane } from './demand/lanes.js';
import { error, type Location } from './issue.js';
import { type AcademicYear, type MonthIndex, firstOfMonth, formatAcademicYear } from './period.js';
import type { SpanSum } from './rate-book.js';

/**
 * Σ over the span's months of the rate in force on each 1st for tariff group `g`; undefined (and
 * an issue per lane with pupils) if a month has none.
 */
export function sumRates(
  g: number,
  laneTotals: Float64Array,
  { lanes, origins, series, prices }: PricedLanes,
  months: readonly MonthIndex[],
  ay: AcademicYear,
  context: CostContext,
): SpanSum | undefined {
  const sum = context.rateBook.spanSum(prices[g]!, months);
  if (typeof sum === 'number') {
    for (const l of series[g]!.lanes)
      if (laneTotals[l] !== 0) reportMissing(lanes[l]!, origins.get(lanes[l]!), sum, ay, context);
    return undefined;
  }
  context.usedSums.add(sum);
  return sum;
}

function reportMissing(
  lane: Lane,
  origin: Location | undefined,
  month: MonthIndex,
  ay: AcademicYear,
  context: CostContext,
): void {
  const bandKnown = context.rateBook.hasBand(lane.setting, lane.band);
  const key = bandKnown
    ? `${lane.setting}\u0000${lane.band}\u0000${lane.need}`
    : `${lane.setting}\u0000${lane.band}`;
  if (context.reported.has(key)) return;
  context.reported.add(key);
  if (bandKnown) {
    const what = `no rate in force on ${firstOfMonth(month)} for setting "${lane.setting}", band "${lane.band}", need ${lane.need} (AY ${formatAcademicYear(ay)})`;
    context.issues.push(
      error(
        'NO_RATE_IN_FORCE',
        what,
        origin,
        'add a rate with an earlier effectiveFrom, or one for need "*"',
      ),
    );
  } else {
    const what = `pupils reach setting "${lane.setting}" in band "${lane.band}", which the tariff does not price for that setting (AY ${formatAcademicYear(ay)})`;
    context.issues.push(
      error(
        'UNKNOWN_BAND',
        what,
        origin,
        "a transition, capacity overflow or scenario move keeps the pupil's band unless it names one: give to_band (transitions.csv), overflow_band (capacity.csv) or the lever's to.band, or add rates for the band",
      ),
    );
  }
}
