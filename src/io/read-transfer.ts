import type { Decimal } from 'decimal.js';
import { error, type Issue } from '../core/issue.js';
import type { FundingLine } from '../core/model.js';
import { decimalCell } from './cell-parsers.js';
import type { CsvRow } from './csv-table.js';

export interface TransferColumns {
  /** The row gives a share, so its amount is share × schools block (undefined when either is wrong). */
  readonly usesShare: boolean;
  readonly amount?: Decimal;
  readonly share?: Decimal;
  readonly schoolsBlock?: Decimal;
}

/**
 * funding.csv's optional `share` and `schools_block` (docs/methodology.md, "Block transfers"):
 * a block_transfer row gives its amount, or a share of the schools block it states; stating
 * the schools block beside an amount lets the 0.5% limit be checked.
 */
export function readTransferColumns(
  row: CsvRow,
  line: FundingLine | undefined,
  issues: Issue[],
): TransferColumns | undefined {
  const shareText = row.get('share');
  const blockText = row.get('schools_block');
  if (shareText === '' && blockText === '') return undefined;
  if (line !== 'block_transfer') {
    if (line)
      issues.push(
        error(
          'INVALID_TRANSFER_SHARE',
          `"${shareText !== '' ? 'share' : 'schools_block'}" applies only to block_transfer rows, not ${line}`,
          row.at(shareText !== '' ? 'share' : 'schools_block'),
        ),
      );
    return { usesShare: shareText !== '' };
  }
  const share = decimalCell(row, 'share', issues, {
    optional: true,
    atMostOne: true,
    kind: 'rate',
  });
  const schoolsBlock = decimalCell(row, 'schools_block', issues, {
    optional: true,
    kind: 'amount',
  });
  if (shareText !== '' && row.get('amount') !== '') {
    issues.push(
      error(
        'INVALID_TRANSFER_SHARE',
        'the row gives both an amount and a share of the schools block',
        row.at('share'),
        'give one: the amount, or the share with schools_block',
      ),
    );
  } else if (shareText !== '' && blockText === '') {
    issues.push(
      error(
        'INVALID_TRANSFER_SHARE',
        'a share needs the schools_block it is a share of',
        row.at('share'),
        "add the year's schools block in the schools_block column",
      ),
    );
  }
  return {
    usesShare: shareText !== '',
    ...(share && schoolsBlock ? { amount: share.times(schoolsBlock) } : {}),
    ...(share ? { share } : {}),
    ...(schoolsBlock ? { schoolsBlock } : {}),
  };
}
