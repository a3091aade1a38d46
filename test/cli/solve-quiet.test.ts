import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/** --quiet's help: "no answer sentence or run time on stderr"; a run with no answer keeps its reason. */
describe('solve --quiet with no answer (exit 4)', () => {
  const NO_ANSWER = [
    'solve',
    'fixtures/example',
    '--target',
    'spend-total<=1@2028-29',
    '--vary',
    'assumption:newPlansGrowth',
    '--range',
    '0,0.1',
    '--tolerance',
    '0.01',
  ];

  it('prints the reason and no run time', async () => {
    const result = await cli([...NO_ANSWER, '--quiet']);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('No value of assumption:newPlansGrowth in 0,0.1 meets');
    expect(result.stderr).not.toMatch(/projections in|ms each/);
  });

  it('without --quiet the run time follows the reason', async () => {
    const result = await cli(NO_ANSWER);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/No value of .* 5 projections in \d+ ms/);
  });
});
