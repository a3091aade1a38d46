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
