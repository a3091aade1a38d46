import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/**
 * An id on the command line that the model's scenarios do not define is a bad option value: exit
 * 2 in every command, located at the option, with the ids the model has (docs/errors.md). A
 * scenario file's own unknown "base" is an input error (exit 1: the UNKNOWN_SCENARIO fixture).
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-unknown-scenario-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXAMPLE_IDS = 'scenarios: unmitigated, mitigated, safety-valve, demand-management';
const SOLVE = ['--target', 'in-year-balance>=0@2028-29', '--vary', 'assumption:newPlansGrowth'];

const COMMANDS: readonly [string, readonly string[], string][] = [
  ['project', ['--scenario', 'nope'], '--scenario'],
  ['compare', ['--scenarios', 'mitigated,nope'], '--scenarios'],
  ['solve', [...SOLVE, '--range', '-0.5,0', '--scenario', 'nope'], '--scenario'],
  ['report', ['--scenarios', 'nope', '--out', path.join(scratch, 'r.html')], '--scenarios'],
  ['explain', ['--year', '2027-28', '--figure', 'spend_total', '--scenario', 'nope'], '--scenario'],
  ['simulate', ['--draws', '5', '--scenario', 'nope'], '--scenario'],
];

describe('an unknown scenario id on the command line', () => {
  it.each(COMMANDS)('%s: a usage error at %j (exit 2)', async (command, args, option) => {
    const result = await cli([command, 'fixtures/example', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `${option}: error UNKNOWN_SCENARIO: scenario "nope" is not defined\n  hint: ${EXAMPLE_IDS}\n`,
    );
  });

  it('compare lists every unknown id at once', async () => {
    const result = await cli(['compare', 'fixtures/example', '--scenarios', 'zz,mitigated,nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('scenario "zz" is not defined');
    expect(result.stderr).toContain('scenario "nope" is not defined');
    expect(result.stderr).toMatch(/\n2 errors\n$/);
  });

  it('batch: a usage error at --scenarios (exit 2), and nothing written', async () => {
    const outDir = path.join(scratch, 'batch');
    const result = await cli([
      'batch',
      'fixtures/national',
      '--scenarios',
      'nope',
      '--out-dir',
      outDir,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--scenarios: error UNKNOWN_SCENARIO: scenario "nope" is not defined\n  hint: scenarios: unmitigated, mitigated, national-tariff\n',
    );
    expect(existsSync(outDir)).toBe(false);
  });
});
