import { Dec } from '../core/decimal.js';
import type { FinancialYear } from '../core/period.js';
import { type IntervalRow, intervalRows, MEASURES } from '../core/simulate/intervals.js';
import type { DrawFigures } from '../core/simulate/simulate-area.js';
import type { AreaIntervals } from '../core/simulate/area-intervals.js';
import { fromWireIntervalRow } from '../core/simulate/intervals.js';
import { printedIntervalRow } from './intervals.js';

/** The area code of the national rows of intervals.csv. */
const NATIONAL_CODE = 'national';

/**
 * The national figures of each draw: the sum over areas of each area's same draw, as printed
 * (src/io/area-intervals.ts), so that national totals are the sums of printed figures as in
 * national.csv. Whole numbers, so the sums are exact whatever order the areas arrive in.
 */
class NationalDraws {
  private readonly sums = new Map<string, Map<FinancialYear, Float64Array>>();

  constructor(private readonly draws: number) {}

  add(intervals: readonly AreaIntervals[]): void {
    for (const { id, financialYears, figures } of intervals) {
      const byYear = this.sums.get(id) ?? new Map<FinancialYear, Float64Array>();
      this.sums.set(id, byYear);
      const years = financialYears.length;
      financialYears.forEach((fy, f) => {
        let sums = byYear.get(fy);
        if (!sums) {
          sums = new Float64Array(this.draws * MEASURES.length);
          byYear.set(fy, sums);
        }
        for (let d = 0; d < this.draws; d += 1)
          for (let k = 0; k < MEASURES.length; k += 1)
            sums[d * MEASURES.length + k]! += figures[(d * MEASURES.length + k) * years + f]!;
      });
    }
  }

  /** The national interval rows, scenario by scenario in the order given, unrounded. */
  rows(scenarios: readonly string[]): IntervalRow[] {
    return scenarios.flatMap((id) => {
      const byYear = this.sums.get(id);
      if (!byYear) return [];
      const years = [...byYear.keys()].sort((a, b) => a - b);
      const figure = (sums: Float64Array, d: number, k: number) =>
        new Dec(sums[d * MEASURES.length + k]!).div(100);
      const draws: DrawFigures[] = Array.from({ length: this.draws }, (_, d) => {
        const pick = (k: number) => years.map((fy) => figure(byYear.get(fy)!, d, k));
        return { pupils: pick(0), spend: pick(1), inYear: pick(2), cumulative: pick(3) };
      });
      return intervalRows(NATIONAL_CODE, id, years, draws);
    });
  }
}

/** What batch --draws returns: each modelled area's simulations, and how they were drawn. */
export interface BatchIntervals {
  readonly draws: number;
  readonly scenarios: readonly string[];
  readonly areas: readonly {
    readonly code: string;
    readonly intervals: readonly AreaIntervals[];
  }[];
}

/**
 * A batch's interval rows, unrounded, worked out once: each modelled area's (by code, scenarios
 * in order) and the national totals'. intervals.csv prints them (printIntervals) and the national
 * report shows them (src/report/presentation/national-ranges.ts), so both give the same figures.
 */
export interface BatchIntervalRows {
  readonly areas: readonly IntervalRow[];
  readonly national: readonly IntervalRow[];
}

export function batchIntervalRows(batch: BatchIntervals): BatchIntervalRows {
  const national = new NationalDraws(batch.draws);
  for (const area of batch.areas) national.add(area.intervals);
  const areas = [...batch.areas].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    areas: areas.flatMap((area) =>
      batch.scenarios.flatMap(
        (id) => area.intervals.find((i) => i.id === id)?.rows.map(fromWireIntervalRow) ?? [],
      ),
    ),
    national: national.rows(batch.scenarios),
  };
}

/** intervals.csv's rows as printed: each modelled area's, then the national totals. */
export function printIntervals(rows: BatchIntervalRows): Record<string, string>[] {
  return [...rows.areas, ...rows.national].map(printedIntervalRow);
}
