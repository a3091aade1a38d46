import { ageGroupLabel } from '../core/breakdown/age-group.js';
import type { BreakdownYear } from '../core/breakdown/breakdown.js';
import { formatFinancialYear } from '../core/period.js';
import { toCountWhole } from '../core/rounding.js';
import { plainCell } from './format-cell.js';
import { renderRecords } from './records.js';
import type { Row } from './rows.js';

/** The breakdowns `project --breakdown` prints: by primary need, or by age group (age = NCY + 4 on 31 August). */
export const BREAKDOWNS = ['need', 'age-group'] as const;
export type BreakdownKind = (typeof BREAKDOWNS)[number];

export const breakdownColumns = (kind: BreakdownKind): readonly string[] => [
  'area_code',
  'financial_year',
  kind === 'need' ? 'need' : 'age_group',
  'pupils_january',
  'spend_top_up',
];

/** One row per FY and category; the categories' top-up plus the year's spend_place is its spend_total. */
export function breakdownRows(
  areaCode: string,
  years: readonly BreakdownYear[],
  kind: BreakdownKind,
): Row[] {
  return years.flatMap((year) =>
    (kind === 'need' ? year.byNeed : year.byAgeGroup).map((c) => ({
      area_code: areaCode,
      financial_year: formatFinancialYear(year.financialYear),
      [kind === 'need' ? 'need' : 'age_group']:
        kind === 'need' ? c.key : ageGroupLabel(c.key as Parameters<typeof ageGroupLabel>[0]),
      pupils_january: c.pupilsJanuary,
      spend_top_up: c.spendTopUp,
    })),
  );
}

/**
 * The rows as CSV, JSON or an aligned table, figures rounded as everywhere (pence, counts to 2 dp;
 * in the table whole pupils, as every terminal table gives them: README, "Tables on a terminal").
 * The table fits `width` as project's summary does, each block repeating what a row is (its year
 * and need or age group): it was laid out at full width whatever the terminal (found by a user
 * trial at 60 columns).
 */
export function renderBreakdown(
  areaCode: string,
  years: readonly BreakdownYear[],
  kind: BreakdownKind,
  format: 'table' | 'csv' | 'json',
  width?: number,
): string {
  const columns = breakdownColumns(kind);
  const rows = breakdownRows(areaCode, years, kind).map((row) =>
    Object.fromEntries(
      columns.map((c) => {
        const value = row[c]!;
        if (typeof value === 'string') return [c, value];
        const whole = format === 'table' && c === 'pupils_january';
        return [c, { figure: whole ? toCountWhole(value) : plainCell(c, value) }];
      }),
    ),
  );
  return renderRecords(format, columns, rows, { width, keys: columns.slice(1, 3) });
}
