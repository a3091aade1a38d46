import type { Decimal } from 'decimal.js';
import type { Location } from './issue.js';
import type { Need } from './need.js';

export interface Reference {
  readonly title: string;
  readonly url: string;
}

export interface TariffSetting {
  readonly id: string;
  readonly label: string;
  /** Annual place funding per commissioned place; never uplifted (domain brief §5.6). */
  readonly placeValue: Decimal;
  readonly origin?: Location;
}

export interface TariffRate {
  readonly effectiveFrom: string;
  readonly setting: string;
  readonly band: string;
  /** A SEN2 code, or `*` for any need; an exact need beats `*`. */
  readonly need: Need | '*';
  /** Annual top-up per pupil. */
  readonly topUp: Decimal;
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
  /** Where the tariff was read from, for provenance. */
  readonly source?: string;
}

/** The anniversary day used when a tariff declares no uplift: the start of the financial year. */
export const DEFAULT_UPLIFT_DAY = '04-01';
