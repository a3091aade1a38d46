import type { Decimal } from 'decimal.js';
import { ZERO } from '../decimal.js';

/** One area's figures for one scenario and financial year, as printed (already rounded). */
export interface AreaYear {
  readonly area: string;
  readonly scenario: string;
  /** `2026-27`: sorts as text. */
  readonly financialYear: string;
  readonly figures: Readonly<Record<string, Decimal>>;
}

export interface NationalYear {
  readonly scenario: string;
  readonly financialYear: string;
  /** Areas with figures for the year (areas may have different horizons). */
  readonly areas: number;
  readonly totals: Readonly<Record<string, Decimal>>;
  readonly inYearDeficits: number;
  readonly cumulativeDeficits: number;
  /** Areas whose in-year balance before Safety Valve payments, the write-off grant and local authority contributions (domain brief §2.5) is below zero. */
  readonly underlyingInYearDeficits: number;
}

/**
 * National totals per scenario and year: each figure summed over the areas as they are printed,
 * so the totals are exactly the sums of the area rows; and the areas with a negative in-year,
 * cumulative and underlying in-year balance (a write-off or Safety Valve year can leave an area's
 * in-year balance positive and its underlying one negative). Scenarios in the order given, then years.
 */
export function nationalTotals(
  rows: readonly AreaYear[],
  scenarios: readonly string[],
  balances: { readonly inYear: string; readonly cumulative: string; readonly underlying: string },
): NationalYear[] {
  const groups = new Map<
    string,
    {
      scenario: string;
      financialYear: string;
      areas: number;
      totals: Record<string, Decimal>;
      inYear: number;
      cumulative: number;
      underlying: number;
    }
  >();
  for (const row of rows) {
    const key = `${row.scenario}\u0000${row.financialYear}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        scenario: row.scenario,
        financialYear: row.financialYear,
        areas: 0,
        totals: {},
        inYear: 0,
        cumulative: 0,
        underlying: 0,
      };
      groups.set(key, group);
    }
    group.areas += 1;
    for (const [column, value] of Object.entries(row.figures))
      group.totals[column] = (group.totals[column] ?? ZERO).plus(value);
    if (isNegative(row.figures[balances.inYear])) group.inYear += 1;
    if (isNegative(row.figures[balances.cumulative])) group.cumulative += 1;
    if (isNegative(row.figures[balances.underlying])) group.underlying += 1;
  }
  const rank = new Map(scenarios.map((id, i) => [id, i]));
  return [...groups.values()]
    .sort(
      (a, b) =>
        (rank.get(a.scenario) ?? 0) - (rank.get(b.scenario) ?? 0) ||
        (a.financialYear < b.financialYear ? -1 : a.financialYear > b.financialYear ? 1 : 0),
    )
    .map((g) => ({
      scenario: g.scenario,
      financialYear: g.financialYear,
      areas: g.areas,
      totals: g.totals,
      inYearDeficits: g.inYear,
      cumulativeDeficits: g.cumulative,
      underlyingInYearDeficits: g.underlying,
    }));
}

const isNegative = (value: Decimal | undefined): boolean =>
  value !== undefined && value.isNegative() && !value.isZero();
