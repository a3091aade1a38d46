import { afterEach, describe, expect, it, vi } from 'vitest';
import { InternalError } from '../../src/core/errors.js';
import { fixture } from '../helpers/model.js';

// A broken invariant inside the core must surface as exit 3 with "this is a bug", never as a user error.
vi.mock('../../src/core/project.js', () => ({
  project: () => {
    throw new InternalError('pupils not conserved stepping into AY 2026');
  },
}));

const { main, EXIT } = await import('../../src/cli/run.js');

describe('exit codes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an internal error exits 3 with "this is a bug" and the stack', async () => {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await main([
      'node',
      'highneeds',
      'project',
      fixture('worked-example'),
      '--format',
      'csv',
    ]);
    expect(code).toBe(EXIT.internal);
    expect(code).toBe(3);
    expect(stderr.join('')).toMatch(
      /^highneeds: internal error: this is a bug; please report it with the command and inputs\.\nInternalError: pupils not conserved stepping into AY 2026\n\s+at /,
    );
  });

  it('the documented codes', () => {
    expect(EXIT).toEqual({ ok: 0, input: 1, usage: 2, internal: 3, noAnswer: 4 });
  });
});
