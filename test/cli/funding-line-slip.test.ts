import { describe, expect, it } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { cli } from '../helpers/run-cli.js';

/**
 * funding.csv lines written as a DSG plan's headings or a letter out (an officer's trial): each is
 * refused at its cell with the id it is a slip for, and a refused "Opening Balance" row is not
 * also said to be missing (MISSING_OPENING_BALANCE would have a second one added).
 */
const FUNDING = [
  'financial_year,line,amount',
  '2025-26,Opening Balance,"(£4,250,000.00)"',
  '2026-27,hnb_allocation,"£37,200,000"',
  '2026-27,hnb_deduction,"£5,460,000"',
  '',
].join('\n');

describe('a funding line that is a slip', () => {
  it('is named with the line meant, and nothing else is said missing', async () => {
    const dir = exampleWith({ 'funding.csv': FUNDING });
    const run = await cli(['validate', dir]);
    expect(run.code).toBe(1);
    const errors = run.stderr
      .split('\n')
      .filter((line) => line.includes(': error ') || line.startsWith('  hint: write it'))
      .map((line) => line.replace(`${dir}/`, '').replace(/; expected one of .*/, ''));
    expect(errors).toEqual([
      'funding.csv:2:2: error UNKNOWN_FUNDING_LINE: funding line "Opening Balance" is not known',
      '  hint: write it opening_balance',
      'funding.csv:4:2: error UNKNOWN_FUNDING_LINE: funding line "hnb_deduction" is not known',
      '  hint: write it hnb_deductions',
    ]);
  });
});
