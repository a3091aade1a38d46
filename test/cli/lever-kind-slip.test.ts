import { describe, expect, it } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { cli } from '../helpers/run-cli.js';

/**
 * A lever whose kind is a slip for one kind is read as that kind, so the lever's other problems
 * are said with UNKNOWN_LEVER, all at once (an officer's trial met its "10%" share only after
 * mending "new-plan"); a kind near none is said alone, as before.
 */
const scenarios = (kind: string): string => `{ "scenarios": [
  { "id": "baseline", "label": "Do nothing" },
  { "id": "dbv", "label": "DBV plan", "base": "baseline", "levers": [
    { "id": "fewer", "label": "Fewer new plans", "kind": "${kind}", "share": "10%",
      "profile": { "shape": "step", "from": "2026/27" } } ] } ] }
`;
const errors = async (kind: string): Promise<string[]> => {
  const dir = exampleWith({ 'scenarios.json': scenarios(kind) });
  const run = await cli(['validate', dir]);
  expect(run.code).toBe(1);
  return run.stderr
    .split('\n')
    .filter((line) => line.includes(': error ') || line.startsWith('  hint: did you mean'))
    .map((line) => line.replace(`${dir}/`, ''));
};

describe('a lever kind that is a slip', () => {
  it('is named with the kind meant, and the lever is read as it', async () => {
    expect(await errors('New plan')).toEqual([
      'scenarios.json:4:58: error UNKNOWN_LEVER: $.scenarios[1].levers[0].kind "New plan" is not a lever kind',
      '  hint: did you mean "new-plans"? expected one of new-plans, ceasing, shift-new-plans, move-placements, tariff, places, funding',
      'scenarios.json:4:79: error INVALID_NUMBER: $.scenarios[1].levers[0].share is "10%": percent signs are not accepted; write 10% as 0.1',
    ]);
  });

  it('is said alone when it is near no kind', async () => {
    expect(await errors('demand')).toEqual([
      'scenarios.json:4:58: error UNKNOWN_LEVER: $.scenarios[1].levers[0].kind "demand" is not a lever kind',
    ]);
  });
});
