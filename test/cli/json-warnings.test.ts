import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleWith } from '../helpers/example-with.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Found by a scripter's trial: project's and simulate's JSON carry the run's warnings, compare's
 * and solve's did not, so a script reading them could not see a warning printed on stderr.
 */
describe('compare and solve --format json carry the warnings printed on stderr', () => {
  // The README's goal-seek question.
  const solveArgs =
    '--scenario demand-management --target in-year-balance>=0@2028-29 --vary lever:fewer-new-plans.share --range -1,0'.split(
      ' ',
    );

  it('each once, located from the model folder, as project gives them', async () => {
    const cohort = readFileSync('fixtures/example/cohort.csv', 'utf8');
    const dir = exampleWith({ 'cohort.csv': `${cohort}Total,,,,5,\n` });
    const lines = cohort.trimEnd().split('\n').length + 1;
    const project = JSON.parse((await cli(['project', dir, '--format', 'json'])).stdout) as {
      issues: unknown[];
    };
    for (const args of [
      ['compare', dir, '--format', 'json'],
      ['solve', dir, ...solveArgs, '--format', 'json'],
    ]) {
      const run = await cli(args);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('warning TOTALS_DISAGREE');
      const json = JSON.parse(run.stdout) as {
        warnings: string[];
        issues: { code: string; file: string; line: number }[];
      };
      expect(json.warnings).toHaveLength(1);
      expect(json.warnings[0]).toMatch(/^TOTALS_DISAGREE: the totals row gives "count" as 5/);
      expect(json.issues).toEqual(project.issues);
      expect(json.issues[0]).toMatchObject({
        code: 'TOTALS_DISAGREE',
        file: 'cohort.csv',
        line: lines,
      });
    }
  });

  it('none as empty lists', async () => {
    for (const args of [
      ['compare', 'fixtures/example', '--format', 'json'],
      ['solve', 'fixtures/example', ...solveArgs, '--format', 'json'],
    ]) {
      const json = JSON.parse((await cli(args)).stdout) as Record<string, unknown>;
      expect([json['warnings'], json['issues']]).toEqual([[], []]);
    }
  });
});
