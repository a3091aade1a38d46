import type { Decimal } from 'decimal.js';
import { Dec, sum } from './decimal.js';
import { error, type Issue, warning } from './issue.js';
import type { FundingRow } from './model.js';
import { poundsText } from './money-text.js';
import { formatFinancialYear } from './period.js';

/**
 * Checks each year's block transfers against the schools block its rows state: the year's
 * transfers together, since two rows of 0.3% are one 0.6% decision. Transfers are one-year
 * decisions (Devon), so each year is checked on its own rows and nothing carries over.
 * `limit` is the share a Schools Forum can approve (0.5%): more, or a transfer the Forum
 * rejects, needs the Secretary of State's approval, a disapplication. It is policy data
 * (policy/schools-forum-transfer-limit.json, the model's transferLimit), never a constant here;
 * without it the amounts are not checked against a limit.
 */
export function transferIssues(
  funding: readonly FundingRow[],
  limit: Decimal | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const byYear = new Map<number, FundingRow[]>();
  for (const row of funding)
    if (row.line === 'block_transfer')
      byYear.set(row.financialYear, [...(byYear.get(row.financialYear) ?? []), row]);
  for (const [year, rows] of byYear) {
    const stating = rows.filter((row) => row.schoolsBlock);
    const first = stating[0];
    if (!first) continue;
    const schoolsBlock: Decimal = first.schoolsBlock!;
    const differing = stating.find((row) => !row.schoolsBlock!.equals(schoolsBlock));
    if (differing) {
      issues.push(
        error(
          'INVALID_TRANSFER_SHARE',
          `schools_block for ${formatFinancialYear(year)} is ${schoolsBlock.toFixed()} on line ${first.origin?.line ?? '?'} but ${differing.schoolsBlock!.toFixed()} here`,
          differing.origin,
          'state one schools block per year',
        ),
      );
      continue;
    }
    // Only money moved into the HNB is taken from the schools block: a negative row moves money
    // out of the HNB (to the central block, as Nottingham did: domain brief §2.4) and does not
    // make a larger transfer from the schools block approvable.
    const total = sum(rows.filter((row) => row.amount.greaterThan(0)).map((row) => row.amount));
    if (!limit) continue;
    // The most a Forum can approve, to the penny: £545,302.70 of Torbay's £109,060,539 is within 0.5%.
    const most = schoolsBlock.times(limit).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    if (total.greaterThan(most)) {
      const percent = total.div(schoolsBlock).times(100).toDecimalPlaces(2).toFixed();
      issues.push(
        warning(
          'TRANSFER_NEEDS_DISAPPLICATION',
          `block transfers of ${poundsText(total)} in ${formatFinancialYear(year)} are ${percent}% of the schools block of ${poundsText(schoolsBlock)}, above the ${limit.times(100).toFixed()}% (${poundsText(most)}) a Schools Forum can approve`,
          first.origin,
          "the transfer needs the Secretary of State's approval (a disapplication), and may need MFG/MPPL disapplications too",
        ),
      );
    }
  }
  return issues;
}
