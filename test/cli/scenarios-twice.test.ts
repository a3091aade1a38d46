import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/io/batch/run.js';
import { cli } from '../helpers/run-cli.js';

describe('a scenario named twice in --scenarios', () => {
  for (const args of [
    ['batch', 'fixtures/national', '--out-dir', 'unused-out', '--scenarios', 'mitigated,mitigated'],
    ['compare', 'fixtures/example', '--scenarios', 'unmitigated,mitigated,unmitigated'],
    ['report', 'fixtures/example', '--out', 'unused.html', '--scenarios', 'mitigated, mitigated'],
  ])
    it(`${args[0]}: a usage error (exit 2), nothing run or written`, async () => {
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--scenarios names "(un)?mitigated" twice/);
      expect(result.stdout).toBe('');
    });

  it('the library runs it once, so national totals count each area once', async () => {
    const once = await runBatch('fixtures/national', { scenarios: ['mitigated'], jobs: 1 });
    const twice = await runBatch('fixtures/national', {
      scenarios: ['mitigated', 'mitigated'],
      jobs: 1,
    });
    expect(twice.scenarios).toEqual(['mitigated']);
    expect(twice.rows.length).toBe(once.rows.length);
  });
});
