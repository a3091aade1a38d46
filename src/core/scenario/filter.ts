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

/** The NCYs at which `matches` holds for a place: the filter's NCY range within NCY_MIN … NCY_MAX, or none. */
export function ncyRange(filter: Filter, place: LanePlace): NcyRange | undefined {
  if (
    (filter.needs !== undefined && !filter.needs.includes(place.need)) ||
    (filter.settings !== undefined && !filter.settings.includes(place.setting)) ||
    (filter.bands !== undefined && !filter.bands.includes(place.band))
  )
    return undefined;
  const from = Math.max(NCY_MIN, filter.ncyFrom ?? NCY_MIN);
  const to = Math.min(NCY_MAX, filter.ncyTo ?? NCY_MAX);
  return from <= to ? { from, to } : undefined;
}
