import type { Decimal } from 'decimal.js';
import type { Location } from './issue.js';
import type { Need } from './need.js';
import type { AcademicYear, FinancialYear } from './period.js';
import type { Reference, Tariff, ValueStatus } from './tariff.js';
import type { Uncertainty } from './uncertainty.js';
import type { WriteOff } from './write-off.js';

/** A group of pupils who share every attribute that prices them. Counts are expected values. */
export interface Cell {
  readonly ncy: number;
  readonly need: Need;
  readonly setting: string;
  /** May be empty on a bespoke cell, which the tariff does not price. */
  readonly band: string;
  readonly count: Decimal;
  /**
   * Pupils priced by their own annual_cost instead of the tariff (e.g. independent
   * placements): the sum of those annual costs over the cell's pupils, at base-year prices.
   * Every step is linear in the pupils, so pupils with different costs share one cell and the
   * cost of a share of them is the same share of this sum.
   */
  readonly bespokeAnnual?: Decimal;
  /**
   * Placed in another authority's provider (cohort.csv `out_of_area`): the area pays the top-up,
   * not the place, and the pupils fill none of the area's places (issue 16 item 3).
   */
  readonly outOfArea?: true;
  /** The input row that first introduced this cell, for locating problems. */
  readonly origin?: Location;
}

/**
 * New EHCPs of one (NCY, need, setting, band): exactly one of `count` (plans a year) and `rate`
 * (plans per head of the NCY's resident population, from `population`).
 */
export interface NewPlanRow {
  readonly ncy: number;
  readonly need: Need;
  readonly setting: string;
  readonly band: string;
  readonly count?: Decimal;
  readonly rate?: Decimal;
  /** Absent: every projected year (a count grown by newPlansGrowth; a rate times that year's population). */
  readonly academicYear?: AcademicYear;
  /** How sure the count or rate is, for simulate. */
  readonly uncertainty?: Uncertainty;
  /** The new plans are placed in another authority's provider (new-plans.csv `out_of_area`). */
  readonly outOfArea?: true;
  readonly origin?: Location;
}

/** Children resident in the area in the January of an AY, at one NCY: all children, not only those with plans. */
export interface PopulationRow {
  readonly academicYear: AcademicYear;
  readonly ncy: number;
  readonly population: Decimal;
  readonly origin?: Location;
}

/**
 * Places a setting can hold in an AY's January cohort. Pupils above it move to `overflowTo`
 * (default: the model's overflowSetting), in `overflowBand` (default: their own band).
 */
export interface CapacityRow {
  readonly academicYear: AcademicYear;
  readonly setting: string;
  readonly places: Decimal;
  readonly overflowTo?: string;
  readonly overflowBand?: string;
  readonly origin?: Location;
}

export interface CeasingRow {
  readonly ncy: number;
  readonly rate: Decimal;
  readonly need?: Need;
  readonly setting?: string;
  /** How sure the rate is, for simulate. */
  readonly uncertainty?: Uncertainty;
  readonly origin?: Location;
}

export interface TransitionRow {
  readonly fromNcy: number;
  readonly fromSetting: string;
  readonly toSetting: string;
  readonly rate: Decimal;
  readonly toBand?: string;
  /** Only pupils with this primary need move; absent: any need without rows of its own (the most specific rows win). */
  readonly need?: Need;
  /** The pupil's primary need after the move; absent: unchanged. */
  readonly toNeed?: Need;
  /** How sure the rate is, for simulate. */
  readonly uncertainty?: Uncertainty;
  readonly origin?: Location;
}

export interface PlacesRow {
  readonly academicYear: AcademicYear;
  readonly setting: string;
  readonly places: Decimal;
  /** Of the places, those filled by pupils from other authorities (places.csv `imported`): they count as occupied. */
  readonly imported?: Decimal;
  readonly origin?: Location;
}

export const FUNDING_LINES = [
  'opening_balance',
  'hnb_allocation',
  'block_transfer',
  'safety_valve',
  'la_contribution',
  'other_income',
  'hnb_deductions',
  'import_export',
] as const;
export type FundingLine = (typeof FUNDING_LINES)[number];

export interface FundingRow {
  readonly financialYear: FinancialYear;
  readonly line: FundingLine;
  readonly amount: Decimal;
  /** block_transfer only: the schools block the transfer is a share of, for the 0.5% check (src/core/transfers.ts). */
  readonly schoolsBlock?: Decimal;
  /** block_transfer only: the share given instead of an amount (amount = share × schoolsBlock). */
  readonly share?: Decimal;
  readonly origin?: Location;
  /** Read by --hnb-from from an `highneeds nff` output (src/io/read-hnb-from.ts), not funding.csv. */
  readonly fromNff?: true;
  /** How the amount was made from the cells at `origin`, where it is not one cell's value as written. */
  readonly derived?: string;
}

export interface Assumptions {
  readonly newPlansGrowth: Decimal;
  readonly hnbGrowth: Decimal;
  readonly tariffUplift: Decimal;
  /** A year's growth of a spend.csv line after its last given year, when the line gives no growth of its own (absent = 0). */
  readonly otherSpendGrowth?: Decimal;
}

/** One spend.csv row: a high-needs spend line other than top-ups and places (s251 1.2.4–1.2.13). */
export interface SpendRow {
  readonly financialYear: FinancialYear;
  readonly line: string;
  readonly amount: Decimal;
  /** The s251 line code, for the officer's reconciliation. */
  readonly s251?: string;
  /** This line's growth a year after this row's year, instead of assumptions.otherSpendGrowth. */
  readonly growth?: Decimal;
  readonly origin?: Location;
}

/** Everything a projection needs, as plain data. Built by src/io/model-folder.ts or by a library caller. */
export interface Model {
  readonly area: { readonly code: string; readonly name: string };
  readonly baseYear: AcademicYear;
  readonly horizon: FinancialYear;
  readonly tariff: Tariff;
  readonly assumptions: Assumptions;
  readonly cohort: readonly Cell[];
  readonly newPlans: readonly NewPlanRow[];
  readonly ceasing: readonly CeasingRow[];
  readonly transitions: readonly TransitionRow[];
  readonly places: readonly PlacesRow[];
  readonly funding: readonly FundingRow[];
  /** Resident population by AY and NCY, for new plans given as a rate per head. */
  readonly population?: readonly PopulationRow[];
  /** Places by AY and setting; pupils above them overflow (src/core/demand/capacity.ts). */
  readonly capacity?: readonly CapacityRow[];
  /** Where pupils above a setting's capacity go when capacity.csv names no overflow_to (model.json overflowSetting). */
  readonly overflowSetting?: string;
  /** The 2026 write-off (High Needs Stability Grant), when the area expects it. */
  readonly writeOff?: WriteOff;
  /** Other high-needs spend lines (spend.csv). */
  readonly spend?: readonly SpendRow[];
  /** The last FY of the statutory override (policy/statutory-override.json, or model.json overrideEnd); absent: no override headline. */
  readonly overrideEnd?: FinancialYear;
  /** Where overrideEnd comes from, for a report to cite it beside the headline it dates. */
  readonly overrideSource?: OverrideSource;
  /** What carrying a deficit costs the general fund (model.json deficitFinancing). */
  readonly deficitFinancing?: { readonly rate: Decimal };
  /**
   * The share of the schools block a Schools Forum can approve moving to the high-needs block in a
   * year (policy/schools-forum-transfer-limit.json: 0.005); absent: block transfers are not checked.
   */
  readonly transferLimit?: Decimal;
  /** The limit's status and source in the policy file, cited where the report shows it. */
  readonly transferLimitSource?: { readonly status?: ValueStatus; readonly reference?: Reference };
}

/**
 * Where the statutory override's end comes from: model.json's own overrideEnd (a date the
 * officer chose, such as a further extension), or policy/statutory-override.json's current
 * entry with its status and the reference it cites (found by an officer's trial: the report's
 * headline dated the override's end with no source).
 */
type OverrideSource =
  | { readonly from: 'model.json' }
  | { readonly from: 'policy'; readonly status?: ValueStatus; readonly reference?: Reference };
