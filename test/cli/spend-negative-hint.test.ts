import { expect, it } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { cli } from '../helpers/run-cli.js';

// Found in an officer's trial: a DBV savings target entered as a spend.csv line of (250,000), as
// the budget sheet showed it, was refused with "must not be negative" and no word of where a
// saving goes. The error now says.
it('a negative spend.csv amount is told where a saving or money received belongs', async () => {
  const dir = exampleWith({
    'spend.csv':
      'financial_year,line,amount\r\n2026-27,SEN support services,"£2,150,000.00"\r\n2026-27,Savings target,"(250,000)"\r\n',
  });
  const result = await cli(['validate', dir]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'spend.csv:3:3: error NEGATIVE_VALUE: "amount" is (250,000), which must not be negative\n  hint: spend.csv holds what is spent; a saving is a lever of a scenario (scenarios.json, docs/scenarios.md)',
  );
});
