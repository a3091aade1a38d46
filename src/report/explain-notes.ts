import type { Decimal } from 'decimal.js';
import type { ExplainNode, InputValue } from '../core/explain/node.js';
import { toPence } from '../core/rounding.js';
import { withThousands } from '../core/thousands.js';

type Inputs = Record<string, InputValue>;

const money = (value: InputValue | undefined): string =>
  value === undefined ? '' : withThousands(toPence(value as Decimal));
const text = (value: InputValue | undefined): string =>
  value === undefined ? '' : typeof value === 'object' ? '' : String(value);

/**
 * What a table row cannot hold, as lines under the table (`explain`, docs/explain.md): the row
 * an amount was given in and its growth steps, the write-off's and the financing's arithmetic.
 */
export function inputNotes(node: ExplainNode, inputs: Inputs): string[] {
  const notes: string[] = [];
  if (inputs['given'] !== undefined) notes.push(...growthNotes(node, inputs));
  if (inputs['share'] && inputs['eligibleDeficit'])
    notes.push(
      `write-off: ${(inputs['share'] as Decimal).toFixed()} × eligible deficit £${money(inputs['eligibleDeficit'])} (${text(inputs['basis'])}, end of ${text(inputs['balanceYear'])}), paid in ${text(inputs['paidIn'])}`,
    );
  if (inputs['rateFrom'])
    notes.push(
      `${node.label}: ${(inputs['rate'] as Decimal).toFixed()} (${text(inputs['rateFrom'])}) × (deficit at the start £${money(inputs['openingDeficit'])} + at the end £${money(inputs['closingDeficit'])}) ÷ 2`,
      `  cumulative balances: ${money(inputs['openingBalance'])} at the start, ${money(inputs['closingBalance'])} at the end (a surplus is no deficit); not charged to the DSG`,
    );
  else if (typeof inputs['rate'] === 'string') notes.push(`${node.label}: ${inputs['rate']}`);
  return notes;
}

/** An amount given for a year (funding.csv, spend.csv, scenarios.json), and the steps that grew it to this one. */
function growthNotes(node: ExplainNode, inputs: Inputs): string[] {
  const given = inputs['given'];
  if (typeof given === 'string')
    return [`${node.label}: none given for this year or any earlier one`];
  const g = given as Inputs;
  const lines = [
    `${node.label}: £${money(g['amount'])} given for ${text(g['financialYear'])} (${text(g['source'])}${g['derived'] ? `: ${text(g['derived'])}` : ''})`,
  ];
  const growth = (inputs['hnbGrowth'] ?? inputs['growth']) as Decimal | undefined;
  if (inputs['steps'] && growth) {
    lines.push(
      `  grown by ${inputs['hnbGrowth'] ? 'hnbGrowth ' : ''}${growth.toFixed()} a year (${text(inputs['growthFrom'])}):`,
      ...(inputs['steps'] as Inputs[]).map(
        (step) => `    ${text(step['financialYear'])}: £${money(step['amount'])}`,
      ),
    );
  }
  return lines;
}
