import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests (validate of a national model on two threads is
// test/cli/validate-range-bounds.test.ts's): its commands run on one (the reason is in the helper).
asOnOneCore();

/**
 * A national model given to a command that reads one area's folder: one error saying what it is
 * and which command reads it, not the twenty-odd its tables give read as one area's.
 */
const COMMANDS: readonly (readonly string[])[] = [
  ['project'],
  ['compare'],
  [
    'solve',
    '--target',
    'in-year-balance>=0@2027-28',
    '--vary',
    'assumption:newPlansGrowth',
    '--range',
    '-0.5,0',
  ],
  ['report', '--out', 'never-written.html'],
  ['explain', '--year', '2027-28', '--figure', 'spend_total'],
  ['simulate', '--draws', '5'],
];

describe('a one-area command on a national model', () => {
  it.each(COMMANDS)(
    '%s: one NATIONAL_MODEL error at model.json, exit 1',
    async (command, ...rest) => {
      const result = await cli([command!, 'fixtures/national', ...rest]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        [
          'fixtures/national/model.json:2:12: error NATIONAL_MODEL: this is a national model: $.areas names the areas table "areas.csv", but this command reads one area\'s model folder',
          '  hint: give --area CODE to run this command on one area of it; highneeds batch runs every area (validate checks them area by area)',
          '1 error',
          '',
        ].join('\n'),
      );
    },
  );

  it('validate still checks it area by area', async () => {
    const result = await cli(['validate', 'fixtures/national']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^fixtures\/national: ok \(4 areas/);
  });
});
