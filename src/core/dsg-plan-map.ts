import { INCOME_COLUMNS } from './summary-figures.js';

/**
 * How our settings and income lines map to the rows of the DfE's DSG management plan template
 * (https://www.gov.uk/government/publications/dedicated-schools-grant-dsg-deficit-management-plan).
 * The officer keeps it in dsg-plan-map.csv next to the model (docs/reports.md); the shipped
 * default (templates/dsg-plan-map.csv) is our reading of the template's categories, to be checked
 * against the version of the template the authority uses.
 */
export interface DsgPlanMap {
  /** Setting id → the template's placement category, in the file's order. */
  readonly settings: ReadonlyMap<string, string>;
  /** Income column (income_hnb, income_transfer, …) → the template's income line. */
  readonly income: ReadonlyMap<string, string>;
  /**
   * Whether the map is the model folder's own dsg-plan-map.csv, or else the shipped default: the
   * report's note says which by name alone, never by a path from the working folder, so the same
   * inputs give the same report wherever it is run from.
   */
  readonly own: boolean;
}

export type IncomeColumn = (typeof INCOME_COLUMNS)[number];

/** A setting's category: the map's, or, when the map does not name it, the setting's own label. */
export function categoryOf(map: DsgPlanMap, setting: string, label: string): string {
  return map.settings.get(setting) ?? label;
}

/** The distinct categories of a list of settings, in the map's order, then unmapped ones in setting order. */
export function categoriesOf(
  map: DsgPlanMap,
  settings: readonly { readonly id: string; readonly label: string }[],
): string[] {
  const used = new Set(settings.map((s) => categoryOf(map, s.id, s.label)));
  const ordered = [...new Set(map.settings.values())].filter((c) => used.has(c));
  for (const c of used) if (!ordered.includes(c)) ordered.push(c);
  return ordered;
}
