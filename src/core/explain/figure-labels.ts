import { editDistance } from '../edit-distance.js';
import type { FigureName } from './figures.js';

/**
 * The figures as `project --format table` labels them (src/report/table.ts), lower case: an
 * officer reading that table asks explain for "Spend: total" (found by a user trial), and is
 * told the column's name. test/cli/explain.test.ts checks every label of the table is here.
 */
const TABLE_LABELS: Readonly<Record<string, FigureName>> = {
  'ehcps (january)': 'pupils_january',
  'spend: top-ups': 'spend_top_up',
  'spend: place funding': 'spend_place',
  'spend: other lines': 'spend_other',
  'spend: total': 'spend_total',
  'income: hnb allocation': 'income_hnb',
  'income: hnb deductions': 'income_hnb_deductions',
  'income: import/export': 'income_import_export',
  'income: block transfer': 'income_transfer',
  'income: safety valve': 'income_safety_valve',
  'income: other': 'income_other',
  'income: write-off': 'income_write_off',
  'income: total': 'income_total',
  'in-year balance': 'in_year_balance',
  'underlying in-year': 'underlying_in_year_balance',
  'cumulative balance': 'cumulative_balance',
  'general fund: financing': 'general_fund_financing',
};

/**
 * The words a finance officer asks for a figure by (found by a user trial: `--figure deficit` was
 * given the list of all eighteen names): the DSG deficit is the cumulative balance below zero, an
 * in-year deficit or overspend the in-year balance below zero.
 */
const OFFICER_WORDS: Readonly<Record<string, FigureName>> = {
  deficit: 'cumulative_balance',
  'dsg deficit': 'cumulative_balance',
  'cumulative deficit': 'cumulative_balance',
  'in-year deficit': 'in_year_balance',
  overspend: 'in_year_balance',
  spend: 'spend_total',
  'total spend': 'spend_total',
  income: 'income_total',
  'total income': 'income_total',
  ehcps: 'pupils_january',
  pupils: 'pupils_january',
};

/**
 * The figure a --figure that is not a figure's name was meant to be: a label of the project
 * table, an officer's word for it (deficit), the name written with spaces, hyphens or capitals
 * (Cumulative balance), or the one name within two letters of it (spend_topup, spend_totl: a
 * user trial was given the list of all eighteen to find it in).
 */
export function figureMeant(text: string, names: readonly FigureName[]): FigureName | undefined {
  const lower = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const snake = lower.replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return (
    TABLE_LABELS[lower] ??
    OFFICER_WORDS[lower] ??
    names.find((name) => name === snake) ??
    closest(snake, names)
  );
}

/** The name nearest the text, if it is within two letters and no other is as near. */
function closest(text: string, names: readonly FigureName[]): FigureName | undefined {
  const near = names
    .map((name) => ({ name, distance: editDistance(text, name, 2) }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance);
  return near.length && near[0]!.distance !== near[1]?.distance ? near[0]!.name : undefined;
}
