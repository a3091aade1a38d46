import type { NationalYear } from '../../core/batch/national.js';
import { Dec } from '../../core/decimal.js';
import type { Row } from '../rows.js';
import type { ReportTable } from './table-model.js';
import { andList } from '../../core/words.js';

/**
 * How many areas each year's national figures sum, and why it changes: an area's projection
 * stops at its own horizon (areas.csv's horizon), so a later year sums fewer areas and a
 * national total moves with the areas as well as the money (national.csv's `areas` column).
 */
export function areasSummed(
  national: readonly NationalYear[],
  rows: readonly (Row & { readonly scenario: string })[],
  scenarios: readonly string[],
  years: readonly string[],
  name: (scenario: string) => string,
): { paragraph: string; table: ReportTable } {
  const count = (scenario: string, year: string) =>
    national.find((n) => n.scenario === scenario && n.financialYear === year)?.areas ?? 0;
  const counts = years.map((y) => count(scenarios[0]!, y));
  const last = new Map<string, { name: string; year: string }>();
  for (const row of rows) {
    const code = String(row['area_code']);
    const year = String(row['financial_year']);
    if ((last.get(code)?.year ?? '') < year)
      last.set(code, { name: String(row['area_name']), year });
  }
  const early = [...last.entries()]
    .filter(([, a]) => a.year < years.at(-1)!)
    .map(([code, a]) => `${code} ${a.name}, to ${a.year}`);
  const same = counts.every((c) => c === counts[0]);
  const paragraph = same
    ? `The sum over every modelled area (${counts[0] ?? 0} areas in every year) of the figures in summary.csv, by scenario.`
    : `The sum over the modelled areas with figures for each year (${years.map((y, i) => `${counts[i]} in ${y}`).join(', ')}) of the figures in summary.csv, by scenario. An area's projection stops at its own horizon (${andList(early)}), so a later year sums fewer areas: a national total there changes with the areas summed, not only with the money.`;
  return {
    paragraph,
    table: {
      title: 'Areas summed in each year',
      columns: [
        { key: 'line', label: 'Scenario', kind: 'text' },
        ...years.map((y) => ({ key: y, label: y, kind: 'whole' as const })),
      ],
      rows: scenarios.map((s) => ({
        cells: {
          line: name(s),
          ...Object.fromEntries(years.map((y) => [y, new Dec(count(s, y))])),
        },
      })),
    },
  };
}
