import { sum } from './decimal.js';
import { type Issue, warning } from './issue.js';
import type { FundingRow } from './model.js';
import { poundsText } from './money-text.js';
import { type FinancialYear, formatFinancialYear } from './period.js';

/**
 * IMPORT_EXPORT_NOT_CARRIED, once per model: the projected years with no import_export row after
 * one with a non-zero adjustment. The adjustment is DfE's yearly correction for pupils living in
 * one authority and placed in another (domain brief §2.1), recalculated each year, so it is summed
 * as given and never carried into a year it is not given for; but the HNB and its deductions are
 * carried (the allocation grown, its deductions in cash), so a year left without one silently loses or gains the whole adjustment. Whether
 * it holds is the officer's call, so the tool says which years have none rather than guessing.
 */
export function importExportGaps(
  funding: readonly FundingRow[],
  years: readonly FinancialYear[],
): Issue | undefined {
  const byYear = new Map<FinancialYear, FundingRow[]>();
  for (const row of funding)
    if (row.line === 'import_export')
      byYear.set(row.financialYear, [...(byYear.get(row.financialYear) ?? []), row]);
  const given = [...byYear.keys()].sort((a, b) => a - b);
  // The first row of the last year given before the first gap, for the message and its location.
  let last: FundingRow | undefined;
  const gaps: FinancialYear[] = [];
  for (const year of years) {
    if (byYear.has(year)) continue;
    const before = given.filter((y) => y < year).at(-1);
    const rows = before === undefined ? [] : byYear.get(before)!;
    if (sum(rows.map((row) => row.amount)).isZero()) continue;
    last ??= rows[0];
    gaps.push(year);
  }
  if (!last) return undefined;
  return warning(
    'IMPORT_EXPORT_NOT_CARRIED',
    `import_export is ${poundsText(sum(byYear.get(last.financialYear)!.map((row) => row.amount)))} for ${formatFinancialYear(last.financialYear)} but not given for ${gaps.map(formatFinancialYear).join(', ')}: ${gaps.length > 1 ? 'those years have no import/export adjustment, while the HNB and its deductions are carried into them' : 'that year has no import/export adjustment, while the HNB and its deductions are carried into it'}`,
    last.origin,
    // From an nff output, which gives one year: say where the later years go (a national trial).
    `give import_export for each projected year${last.fromNff ? ' (rows of funding.csv, or an --hnb-from file of that year)' : ''}: the published figure, your estimate (the last one again if the cross-border placements are expected to hold), or 0`,
  );
}
