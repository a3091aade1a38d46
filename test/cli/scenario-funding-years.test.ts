import { describe, expect, it } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { cli } from '../helpers/run-cli.js';

/**
 * A scenario's funding row, or a funding lever's line, for a year the projection does not hold
 * is never added to any year: said at the row, YEAR_OUT_OF_RANGE, as funding.csv's such rows
 * are. Found by an officer's trial: a DBV plan's income typed for 2035-36 validated ok and
 * changed nothing.
 */
const SCENARIOS = `{ "scenarios": [
  { "id": "baseline", "label": "Do nothing" },
  { "id": "dbv", "label": "DBV plan", "base": "baseline",
    "funding": [{ "financialYear": "2035-36", "line": "other_income", "amount": "250000.00" }],
    "levers": [
      { "id": "cash", "label": "Council contribution", "kind": "funding",
        "lines": [{ "financialYear": "2024-25", "line": "la_contribution", "amount": "1000.00" },
                  { "financialYear": "2027-28", "line": "other_income", "amount": "1000.00" }] } ] },
  { "id": "dbv-plus", "label": "DBV and more", "base": "dbv" } ] }
`;

describe('scenario funding outside the projection', () => {
  it('is said once a row, at the row, and a row inside it is not', async () => {
    const dir = exampleWith({ 'scenarios.json': SCENARIOS });
    const run = await cli(['validate', dir]);
    expect(run.code).toBe(0);
    const said = run.stderr.split('\n').filter((line) => line.includes('YEAR_OUT_OF_RANGE'));
    expect(said).toEqual([
      `${dir}/scenarios.json:4:17: warning YEAR_OUT_OF_RANGE: other_income for 2035-36 is outside the projection 2026-27 to 2030-31; the row is ignored`,
      `${dir}/scenarios.json:7:19: warning YEAR_OUT_OF_RANGE: la_contribution for 2024-25 is outside the projection 2026-27 to 2030-31; the row is ignored`,
    ]);
  });
});
