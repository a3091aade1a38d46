import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { fixture } from '../helpers/model.js';

// A broken invariant inside the core must surface as exit 3 with "this is a bug", never as a user error.
// Only the worked example's projection breaks: every other run below is a real one. Test files
// share their worker's modules (vitest.config.ts), so the mock is set on a fresh registry and
// taken away after.
vi.resetModules();
vi.doMock('../../src/core/project.js', async (original) => {
  const real = await original<typeof import('../../src/core/project.js')>();
  // From the fresh registry, as run.ts will see it: its `instanceof InternalError` must hold.
  const { InternalError } = await import('../../src/core/errors.js');
  return {
    ...real,
    project: (...args: Parameters<typeof real.project>) => {
      if (args[0].area.name === 'Worked Example')
        throw new InternalError('pupils not conserved stepping into AY 2026');
      return real.project(...args);
    },
  };
});
afterAll(() => {
  vi.doUnmock('../../src/core/project.js');
  vi.resetModules();
});

// The CLI from src/, which the mock reaches (the built one that cli() runs has its own project.js).
const { runMain } = await import('../helpers/run-cli.js');
const { EXIT, main } = await import('../../src/cli/run.js');
const cli = (args: readonly string[], options?: Parameters<typeof runMain>[2]) =>
  runMain(main, args, options);

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
  internal: () => cli(['project', fixture('worked-example'), '--format', 'csv']),
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
