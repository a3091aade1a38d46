import type { Decimal } from 'decimal.js';
import type { Location } from './issue.js';
import type { Need } from './need.js';

export interface Reference {
  /** A short name that settings and rates cite in their `reference`. */
  readonly id?: string;
  readonly title: string;
  readonly url: string;
}

/** How a value is known (tariffs/README.md): never present an assumption as published. */
export const VALUE_STATUSES = ['published', 'derived', 'assumption', 'illustrative'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** Optional provenance carried by settings and rates. */
export interface Provenance {
  readonly basis?: string;
  readonly status?: ValueStatus;
  readonly reference?: string;
  readonly notes?: string;
}

export interface TariffBand {
  readonly setting: string;
  readonly band: string;
  readonly label: string;
  readonly notes?: string;
}

/**
 * Who pays a setting's place funding (domain brief §2.2, "Recoupment"): the authority from its HNB
 * (maintained schools and units), or the DfE directly, deducting it from the authority's HNB
 * (academies, free schools, FE and specialist post-16, non-maintained special schools).
 */
export const PLACE_FUNDERS = ['la', 'dfe'] as const;
export type PlaceFunder = (typeof PLACE_FUNDERS)[number];

export interface TariffSetting extends Provenance {
  readonly id: string;
  readonly label: string;
  /** Annual place funding per commissioned place; never uplifted (domain brief §5.6). */
  readonly placeValue: Decimal;
  /** Absent: "la", as before the field existed. */
  readonly placeFundedBy?: PlaceFunder;
  /** Annual funding of a commissioned place no pupil fills (resourced provision and units: £10,000); absent = placeValue. */
  readonly unoccupiedPlaceValue?: Decimal;
  readonly origin?: Location;
}

export interface TariffRate extends Provenance {
  readonly effectiveFrom: string;
  readonly setting: string;
  readonly band: string;
  /** A SEN2 code, or `*` for any need; an exact need beats `*`. */
  readonly need: Need | '*';
  /** Annual top-up per pupil. */
  readonly topUp: Decimal;
  /** The last day the rate is in force, inclusive; absent = until the series' next row. */
  readonly endDate?: string;
  readonly origin?: Location;
}

export type Uplift =
  | { readonly method: 'none' }
  | { readonly method: 'percent'; readonly annualRate: Decimal; readonly on: string };

export interface Tariff {
  readonly id: string;
  readonly title: string;
  readonly currency: 'GBP';
  readonly references: readonly Reference[];
  readonly settings: readonly TariffSetting[];
  readonly rates: readonly TariffRate[];
  readonly uplift: Uplift;
  readonly bands?: readonly TariffBand[];
  readonly notes?: string;
  /** Where the tariff was read from, for provenance. */
  readonly source?: string;
}

/** The anniversary day used when a tariff declares no uplift: the start of the financial year. */
export const DEFAULT_UPLIFT_DAY = '04-01';

/** The month and day (MM-DD) a tariff's rates are uplifted on each year. */
export const upliftDayOf = (tariff: Tariff): string =>
  tariff.uplift.method === 'percent' ? tariff.uplift.on : DEFAULT_UPLIFT_DAY;
