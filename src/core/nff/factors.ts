import type { Decimal } from 'decimal.js';
import { Dec } from '../decimal.js';
import type { Location } from '../issue.js';

/**
 * One area's row of nff-factors.csv (docs/nff.md, "Factors"). In a rollover year only the
 * baseline allocation, the rolled-in grants and the place deductions are read; the other
 * figures are then zero and unused.
 */
export interface AreaFactors {
  readonly code: string;
  readonly name: string;
  readonly aca: Decimal;
  readonly basicEntitlementPupils: Decimal;
  readonly historicSpend: Decimal;
  readonly hospitalEducation: Decimal;
  /** Pupils imported less pupils exported: negative for a net exporter. */
  readonly netImportedPupils: Decimal;
  /** Population aged 2–18 this year: the per-head denominator of the floor and cap. */
  readonly population: Decimal;
  /** Last year's allocation of the compared elements (formula), or the allocation rolled over. */
  readonly baselineAllocation: Decimal;
  readonly baselinePopulation: Decimal;
  /** Each proxy factor's value, by factor id. */
  readonly proxies: ReadonlyMap<string, Decimal>;
  /** Each rolled-in grant's amount, by grant id. */
  readonly grants: ReadonlyMap<string, Decimal>;
  readonly academyPlaceDeduction?: Decimal;
  readonly nmssPlaceDeduction?: Decimal;
  readonly fePlaceDeduction?: Decimal;
  readonly specialistPost16PlaceDeduction?: Decimal;
  /** The hospital adjustment deducted from the block (signed: an addition is negative). */
  readonly hospitalDeduction?: Decimal;
  /** A rollover year's own import/export adjustment, as published (signed); absent = 0. */
  readonly importExport?: Decimal;
  readonly origin?: Location;
}

/** nff-factors.csv columns other than the proxy factors' and the grants' own. */
export const FACTOR_COLUMNS = {
  code: 'area_code',
  name: 'area_name',
  aca: 'aca',
  basicEntitlementPupils: 'basic_entitlement_pupils',
  historicSpend: 'historic_spend',
  hospitalEducation: 'hospital_education',
  netImportedPupils: 'net_imported_pupils',
  population: 'population_2_18',
  baselineAllocation: 'baseline_allocation',
  baselinePopulation: 'baseline_population_2_18',
  academyPlaceDeduction: 'academy_place_deduction',
  nmssPlaceDeduction: 'nmss_place_deduction',
  fePlaceDeduction: 'fe_place_deduction',
  specialistPost16PlaceDeduction: 'specialist_post16_place_deduction',
  hospitalDeduction: 'hospital_deduction',
  importExport: 'import_export',
} as const;

/** The seven proxy factors of the 2017 design (domain brief §2.1): always known columns. */
export const STANDARD_PROXY_FACTORS = [
  'population_2_18',
  'fsm',
  'idaci',
  'bad_health',
  'disability',
  'ks2_low_attainment',
  'ks4_low_attainment',
] as const;

/** The conventional column for rolled-in grants, known in every year so one file serves several. */
export const ROLLED_IN_GRANTS_COLUMN = 'rolled_in_grants';

/**
 * The plausible range of an area cost adjustment: a value outside it is more likely a typing
 * slip (a percentage, a missing point) than a real ACA. HN NFF ACAs recorded in the team's
 * brief are about 1.0 to 1.05 (Oldham ≈1.0085, Milton Keynes ≈1.0449 [D]); the bounds are
 * this tool's assumption, wide enough for London's higher costs. Outside them is a warning only.
 */
export const ACA_PLAUSIBLE = { min: new Dec('0.9'), max: new Dec('1.3') } as const;
