import type { CostRow } from '../core/calibrate/calibrated-model.js';
import { type Issue } from '../core/issue.js';
import type { CsvTable } from './csv-table.js';
import { decimalCell, requiredText } from './cell-parsers.js';
import { flushNormalisations } from './normalise.js';
import type { CodeReader } from './read-history-codes.js';

export const COSTS_COLUMNS = { required: ['need', 'setting', 'cost'], optional: [] } as const;

/** costs.csv: the annual cost per pupil by need (`*` or blank: any) and setting, for the tariff stub's top-ups. */
export function readCosts(table: CsvTable, codes: CodeReader, issues: Issue[]): CostRow[] {
  const rows = table.rows.flatMap((row): CostRow[] => {
    const before = issues.length;
    const needText = row.get('need');
    const need = needText === '' || needText === '*' ? '*' : codes.need(row, 'need', issues);
    const setting = requiredText(row, 'setting', issues) && codes.setting(row, 'setting', issues);
    const cost = decimalCell(row, 'cost', issues, { kind: 'amount' });
    if (issues.length > before || !need || !setting || !cost) return [];
    return [{ need, setting, cost }];
  });
  flushNormalisations(issues);
  return rows;
}
