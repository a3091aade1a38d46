import type { Decimal } from 'decimal.js';
import type { Location } from '../issue.js';
import type { Assumptions, FundingRow } from '../model.js';
import type { Need } from '../need.js';
import type { AcademicYear, FinancialYear } from '../period.js';
import type { Tariff } from '../tariff.js';
import type { RangeUncertainty } from '../uncertainty.js';

/** How a lever's effect builds up over academic years (docs/scenarios.md, "Profiles"). */
export interface Profile {
  readonly shape: 'step' | 'linear' | 'front-loaded' | 'back-loaded';
  /** The first academic year with any effect. */
  readonly from: AcademicYear;
  /** The first academic year with the full effect (step: equals from). */
  readonly fullBy: AcademicYear;
}

/** Which pupils or plans a lever touches; an absent field matches everything. */
export interface Filter {
  readonly needs?: readonly Need[];
  readonly ncyFrom?: number;
  readonly ncyTo?: number;
  readonly settings?: readonly string[];
  readonly bands?: readonly string[];
}

interface LeverBase {
  readonly id: string;
  readonly label: string;
  readonly filter: Filter;
  readonly profile: Profile;
  readonly origin?: Location;
}

/** Funding lines are given per financial year, so a funding lever has no profile. */
type UnprofiledLever = Omit<LeverBase, 'profile'>;

/** Change the number of new EHCPs matching the filter by a share (−0.1 = 10% fewer). */
export interface NewPlansLever extends LeverBase {
  readonly kind: 'new-plans';
  readonly share: Decimal;
  /** The share's range, drawn by simulate (docs/simulate.md, "Lever ranges"); project uses `share`. */
  readonly range?: RangeUncertainty;
}
/** Change ceasing rates matching the filter by a share of themselves (0.2 = a fifth more plans end). */
export interface CeasingLever extends LeverBase {
  readonly kind: 'ceasing';
  readonly share: Decimal;
  /** As NewPlansLever's. */
  readonly range?: RangeUncertainty;
}
/** Send a share of new plans matching the filter to another setting (and band). */
export interface ShiftNewPlansLever extends LeverBase {
  readonly kind: 'shift-new-plans';
  readonly share: Decimal;
  /** The share's range, drawn by simulate (docs/simulate.md, "Lever ranges"); project uses `share`. */
  readonly range?: RangeUncertainty;
  readonly toSetting: string;
  readonly toBand?: string;
  readonly toOrigin?: Location;
}
/** Move a share of existing pupils matching the filter to another setting (and band), once. */
export interface MovePlacementsLever extends LeverBase {
  readonly kind: 'move-placements';
  readonly share: Decimal;
  /** The share's range, drawn by simulate (docs/simulate.md, "Lever ranges"); project uses `share`. */
  readonly range?: RangeUncertainty;
  readonly toSetting: string;
  readonly toBand?: string;
  readonly toOrigin?: Location;
}
/** Change tariff top-ups matching the filter by a share, or switch to another tariff, from a date. */
export interface TariffLever extends LeverBase {
  readonly kind: 'tariff';
  readonly share?: Decimal;
  /** The share's range, drawn by simulate for money alone (docs/simulate.md, "Lever ranges"); project uses `share`. */
  readonly range?: RangeUncertainty;
  readonly tariff?: Tariff;
  readonly fromDate: string;
}
/**
 * The lowest share each kind of lever with a share takes (docs/scenarios.md, "Levers"); the
 * highest is 1. One table for scenarios.json's reader and for solve's --range over a share.
 */
export const LOWEST_SHARE = {
  'new-plans': -1,
  ceasing: -1,
  tariff: -1,
  'shift-new-plans': 0,
  'move-placements': 0,
} as const satisfies Record<string, number>;

/** Add (or with a negative number remove) commissioned places in a setting. */
export interface PlacesLever extends LeverBase {
  readonly kind: 'places';
  readonly setting: string;
  readonly places: Decimal;
  /** The places' range, drawn by simulate for money alone (docs/simulate.md, "Lever ranges"); project uses `places`. */
  readonly range?: RangeUncertainty;
}
/** Add funding lines: amounts, or a block transfer as a share of a stated schools block. */
interface FundingLever extends UnprofiledLever {
  readonly kind: 'funding';
  readonly rows: readonly FundingRow[];
}

export type Lever =
  | NewPlansLever
  | CeasingLever
  | ShiftNewPlansLever
  | MovePlacementsLever
  | TariffLever
  | PlacesLever
  | FundingLever;
export const LEVER_KINDS = [
  'new-plans',
  'ceasing',
  'shift-new-plans',
  'move-placements',
  'tariff',
  'places',
  'funding',
] as const;

type InstalmentStatus = 'paid' | 'due' | 'withheld' | 'backdated';

export interface Instalment {
  readonly financialYear: FinancialYear;
  readonly amount: Decimal;
  readonly status: InstalmentStatus;
  /** For a backdated instalment: the year it was (or will be) paid. */
  readonly paidIn?: FinancialYear;
  readonly origin?: Location;
}

/** A Safety Valve agreement: DfE's instalments against the LA's promise of in-year balance. */
export interface Agreement {
  readonly total: Decimal;
  readonly instalments: readonly Instalment[];
  readonly localContributions: readonly {
    readonly financialYear: FinancialYear;
    readonly amount: Decimal;
  }[];
  readonly inYearBalanceBy: FinancialYear;
  readonly clearDeficitBy?: FinancialYear;
  readonly conditions: readonly string[];
}

/** One named scenario, already resolved against its base chain. */
export interface Scenario {
  readonly id: string;
  readonly label: string;
  readonly base?: string;
  readonly assumptions: Partial<Assumptions>;
  /** Funding rows added; `replace` rows first remove the model's rows of the same year and line. */
  readonly funding: readonly (FundingRow & { readonly replace?: boolean })[];
  /** Levers in application order: the base chain's first, then this scenario's own. */
  readonly levers: readonly Lever[];
  /** How many of `levers` come from the base chain (the rest are this scenario's own). */
  readonly inheritedLevers: number;
  readonly agreement?: Agreement;
}
