import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { ROOT } from '../helpers/exec.js';
import { withFault } from '../helpers/faults.js';
import { fixture } from '../helpers/model.js';
import { cli, runMain } from '../helpers/run-cli.js';

// A broken invariant inside the core must surface as exit 3 with "this is a bug", never as a user error.
// Only the worked example's projection breaks, in a copy of the built CLI whose core/project.js
// throws the core's InternalError for it (test/helpers/faults/internal-error.mjs): every other
// run below is a real one, of the built CLI as every other test runs it.
const broken = await withFault<typeof import('../../src/cli/run.js')>(
  'internal-error',
  'cli/run.js',
);

/** The exit codes a table of `| code | meaning |` rows under a heading documents. */
function documented(file: string, heading: string): number[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const section = text.slice(text.indexOf(heading));
  const table = section.slice(section.indexOf('| exit code |'));
  return [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| (\d+) \|/gm)].map((m) =>
    Number(m[1]),
  );
}

/** One real run for each documented code: what it must print and return. */
const RUNS: Record<keyof typeof EXIT, () => Promise<{ code: number; stderr: string }>> = {
  ok: () => cli(['validate', 'fixtures/example', '--quiet']),
  input: () => cli(['validate', 'fixtures/errors/UNKNOWN_NEED']),
  usage: () => cli(['project', '--format', 'xml']),
  internal: () => runMain(broken.main, ['project', fixture('worked-example'), '--format', 'csv']),
  noAnswer: () =>
    cli([
      'solve',
      '--target',
      'spend-total<=1@2028-29',
      '--vary',
      'lever:fewer-new-plans.share',
      '--scenario',
      'demand-management',
      '--range',
      '-1,0',
      '--tolerance',
      '0.01',
    ]),
  closedPipe: () => cli(['project', '--format', 'csv'], { stdoutFails: 'EPIPE' }),
};

describe('exit codes', () => {
  it('an internal error exits 3 with "this is a bug" and the stack', async () => {
    const result = await RUNS.internal();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^highneeds: internal error: this is a bug; please report it with the command and inputs\.\nInternalError: pupils not conserved stepping into AY 2026\n\s+at /,
    );
  });

  it('README and docs/errors.md document the same codes, and every one is what main() returns for its case', async () => {
    const codes = Object.values(EXIT).sort((a, b) => a - b);
    expect(documented('README.md', '## Errors and exit codes')).toEqual(codes);
    expect(documented('docs/errors.md', '## Exit codes')).toEqual(codes);
    // Each case's run returns its own code: input errors are not usage errors, a bug is not bad input.
    const returned: Record<string, number> = {};
    for (const [name, run] of Object.entries(RUNS)) returned[name] = (await run()).code;
    expect(returned).toEqual({
      ok: 0,
      input: 1,
      usage: 2,
      internal: 3,
      noAnswer: 4,
      closedPipe: 141,
    });
  });
});
