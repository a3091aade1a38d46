import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * --breakdown replaces the summary; --detail adds to the summary (README, "Commands"):
 * together there is nothing for --detail to add to, so the pair is refused, not silently ignored.
 */
describe('project --breakdown with --detail', () => {
  it.each([
    ['need', 'csv'],
    ['age-group', 'json'],
    ['need', 'table'],
  ])(
    '--breakdown %s --detail --format %s is a usage error naming both (exit 2)',
    async (by, format) => {
      const result = await cli([
        'project',
        'fixtures/example',
        '--breakdown',
        by,
        '--detail',
        '--format',
        format,
      ]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('--breakdown');
      expect(result.stderr).toContain('--detail');
      expect(result.stderr).toContain('--detail --format json');
    },
  );

  it('--breakdown alone still works', async () => {
    const result = await cli(['project', 'fixtures/example', '--breakdown', 'need']);
    expect(result.code).toBe(0);
  });
});
