import type { LanePlace, NcyRange } from '../adjustments.js';
import { NCY_MAX, NCY_MIN } from '../need.js';
import type { Filter } from './types.js';

interface Matchable {
  readonly ncy: number;
  readonly need: string;
  readonly setting: string;
  readonly band: string;
}

export function matches(filter: Filter, cell: Matchable): boolean {
  return (
    (filter.needs === undefined || filter.needs.includes(cell.need as never)) &&
    (filter.ncyFrom === undefined || cell.ncy >= filter.ncyFrom) &&
    (filter.ncyTo === undefined || cell.ncy <= filter.ncyTo) &&
    (filter.settings === undefined || filter.settings.includes(cell.setting)) &&
    (filter.bands === undefined || filter.bands.includes(cell.band))
  );
}

/**
 * The NCYs at which `matches` holds for a place: the whole NCYs within the filter's bounds and
 * NCY_MIN … NCY_MAX, or none. A filter built in code may have a bound between NCYs (7.5): the
 * range starts at the next whole NCY and ends at the one before, as `matches` does cell by cell.
 */
export function ncyRange(filter: Filter, place: LanePlace): NcyRange | undefined {
  if (
    (filter.needs !== undefined && !filter.needs.includes(place.need)) ||
    (filter.settings !== undefined && !filter.settings.includes(place.setting)) ||
    (filter.bands !== undefined && !filter.bands.includes(place.band))
  )
    return undefined;
  const from = Math.max(NCY_MIN, Math.ceil(filter.ncyFrom ?? NCY_MIN));
  const to = Math.min(NCY_MAX, Math.floor(filter.ncyTo ?? NCY_MAX));
  return from <= to ? { from, to } : undefined;
}
