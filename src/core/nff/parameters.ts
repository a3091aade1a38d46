import type { Decimal } from 'decimal.js';
import type { Location } from '../issue.js';
import type { FinancialYear } from '../period.js';
import type { Reference, ValueStatus } from '../tariff.js';

/**
 * One value of the high-needs NFF for a year, with where it comes from (docs/nff.md,
 * "Parameters"). Values the project's review of published sources marks unconfirmed are `assumption`; values made
 * up to show the format are `illustrative`: neither is ever presented as published.
 */
export interface ParameterValue {
  readonly value: Decimal;
  readonly status: ValueStatus;
  /** The id of an entry in the file's references. */
  readonly reference: string;
  readonly basis?: string;
  readonly notes?: string;
  readonly origin?: Location;
}

/** The formula's elements that the funding floor and gains cap can compare per head. */
export const NFF_ELEMENTS = [
  'basic_entitlement',
  'historic_spend',
  'proxies',
  'hospital_education',
] as const;
export type NffElement = (typeof NFF_ELEMENTS)[number];

export interface ProxyFactorParameter {
  /** The nff-factors.csv column holding each area's value of the factor. */
  readonly id: string;
  readonly label: string;
  /** Share of the proxy pot (with `proxyPot`), or the declared design share (with unit values). */
  readonly weight?: ParameterValue;
  /** £ per unit of the factor, before the area cost adjustment (when there is no pot). */
  readonly unitValue?: ParameterValue;
}

export interface FloorCapParameters {
  /** Least change in the compared elements per head of the 2–18 population, against the baseline. */
  readonly floor: ParameterValue;
  /** Greatest such change (the gains cap). */
  readonly cap: ParameterValue;
  readonly compare: {
    readonly elements: readonly NffElement[];
    readonly status: ValueStatus;
    readonly reference: string;
    readonly notes?: string;
  };
}

export interface FormulaParameters {
  readonly mode: 'formula';
  /** £ per pupil in special schools and academies, × ACA. */
  readonly basicEntitlementRate: ParameterValue;
  /** Share of the area's historic spend base (held flat in cash). */
  readonly historicSpendShare: ParameterValue;
  /** When given, each factor's unit value is pot × weight ÷ Σ areas (value × ACA). */
  readonly proxyPot?: ParameterValue;
  readonly proxyFactors: readonly ProxyFactorParameter[];
  /** £ per net imported pupil. */
  readonly importExportRate: ParameterValue;
  readonly floorCap: FloorCapParameters;
}

export interface RolledInGrant {
  readonly id: string;
  readonly label: string;
  /** The nff-factors.csv column holding each area's amount. */
  readonly column: string;
  readonly status: ValueStatus;
  readonly reference: string;
  readonly notes?: string;
}

/** A year in which the formula is suspended: last year's allocation, uplifted, plus rolled-in grants. */
export interface RolloverParameters {
  readonly mode: 'rollover';
  readonly uplift: ParameterValue;
  readonly rolledInGrants: readonly RolledInGrant[];
}

export type NffParameters = {
  readonly financialYear: FinancialYear;
  readonly title: string;
  readonly references: readonly Reference[];
  /** The national total that --solve-cap makes the areas' allocations add up to. */
  readonly nationalTotal?: ParameterValue;
  readonly notes?: string;
  /** Where the parameters were read from. */
  readonly source?: string;
} & (FormulaParameters | RolloverParameters);
