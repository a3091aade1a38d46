import type { Decimal } from 'decimal.js';
import { type Issue, type Location, warning } from '../core/issue.js';
import type { TariffCheck } from './tariff-check.js';

/** Checks of model.json's settings that need the tariff or the tables, for a model folder and a national model alike. */

interface Located {
  readonly overflowSetting?: string;
  readonly at?: (path: string) => Location;
}

/** model.json's overflowSetting, if the tariff declares it; UNKNOWN_SETTING at $.overflowSetting if not. */
export function checkedOverflowSetting(
  manifest: Located,
  check: TariffCheck,
  issues: Issue[],
): string | undefined {
  const { overflowSetting, at } = manifest;
  if (overflowSetting === undefined || !at) return undefined;
  return check.namedSetting(overflowSetting, '$.overflowSetting', at('$.overflowSetting'), issues);
}

/** A new-plans.csv row (its cells by column) that newPlansGrowth grows: a count for every year, with no academic_year. */
export const isYearlyCount = (cell: (column: string) => string): boolean =>
  cell('count') !== '' && cell('academic_year') === '';

/** GROWTH_UNUSED: newPlansGrowth grows only yearly counts, so without one it changes nothing (a flat projection that looks grown). */
export function growthUnused(
  growth: Decimal | undefined,
  yearlyCounts: boolean,
  manifest: Located,
): Issue[] {
  if (!growth || growth.isZero() || yearlyCounts || !manifest.at) return [];
  return [
    warning(
      'GROWTH_UNUSED',
      `$.assumptions.newPlansGrowth is ${growth.toFixed()}, but no new-plans.csv row is a count without academic_year, so it grows nothing`,
      manifest.at('$.assumptions.newPlansGrowth'),
      'growth applies to counts given for every year; give those, or set newPlansGrowth to "0" (rates per head follow population.csv instead)',
    ),
  ];
}
