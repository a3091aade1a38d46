import type { Decimal } from 'decimal.js';
import { error } from '../core/issue.js';
import { FUNDING_LINES, type FundingRow } from '../core/model.js';
import type { JsonFields } from './json-fields.js';
import type { JsonValue } from './json-source.js';
import { financialYearField } from './json-years.js';

/** The fields of a funding row in scenarios.json: a scenario's own, or a funding lever's. */
const FUNDING_KEYS = [
  'financialYear',
  'line',
  'amount',
  'share',
  'schoolsBlock',
  'replace',
  'note',
];

/**
 * A funding row of scenarios.json (a scenario's `funding`, or a funding lever's `lines`): a line
 * funding.csv has, for one financial year, as an amount or as a share of a stated schools block.
 */
export function readFundingRow(
  fields: JsonFields,
  value: JsonValue,
  path: string,
): (FundingRow & { replace?: boolean })[] {
  const row = fields.object(value, path);
  if (!row) return [];
  fields.knownKeys(row, path, FUNDING_KEYS);
  const year = financialYearField(fields, row, 'financialYear', path);
  const lineText = fields.string(row, 'line', path);
  const line = FUNDING_LINES.find((l) => l === lineText);
  if (lineText !== undefined && (!line || line === 'opening_balance'))
    fields.issues.push(
      error(
        'UNKNOWN_FUNDING_LINE',
        `${path}.line "${lineText}" is not a funding line a scenario can add`,
        fields.at(`${path}.line`),
        `expected one of ${FUNDING_LINES.filter((l) => l !== 'opening_balance').join(', ')}`,
      ),
    );
  let amount: Decimal | undefined;
  let stated: { share: Decimal; schoolsBlock: Decimal } | undefined;
  if (row['share'] !== undefined || row['schoolsBlock'] !== undefined) {
    // A block transfer as a share of a stated schools block: one year's decision, that year only.
    const share = fields.decimal(row, 'share', path, { allowNegative: true });
    const block = fields.decimal(row, 'schoolsBlock', path);
    if (share && block) {
      amount = share.times(block);
      // Kept, as funding.csv's are, for the Forum's 0.5% check (src/core/scenario/added-transfers.ts).
      stated = { share, schoolsBlock: block };
    }
  } else amount = fields.decimal(row, 'amount', path, { allowNegative: true });
  const replace = row['replace'] === true;
  if (year === undefined || !line || line === 'opening_balance' || !amount) return [];
  return [
    {
      financialYear: year,
      line,
      amount,
      ...stated,
      ...(replace ? { replace } : {}),
      origin: fields.at(path),
    },
  ];
}
