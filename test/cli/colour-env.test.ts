import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const ESC = '\u001b[';
const broken = ['validate', 'fixtures/errors/UNKNOWN_NEED'];
const table = ['project', 'fixtures/worked-example', '--format', 'table'];

/**
 * Colour follows the terminal, NO_COLOR and FORCE_COLOR (README, below project options), as Node and chalk
 * read FORCE_COLOR: 0 or false turns colour off, any other value (even empty) on. FORCE_COLOR=0
 * turned it on, writing escape codes into a file a script had asked to be plain (found by a
 * user trial: `FORCE_COLOR=0 highneeds project --format table > out.txt`).
 */
describe('colour and the environment', () => {
  it.each(['0', 'false'])('FORCE_COLOR=%s: no colour on stdout or stderr', async (value) => {
    const env = { NO_COLOR: '', FORCE_COLOR: value };
    expect((await cli(broken, { env })).stderr).not.toContain(ESC);
    expect((await cli(table, { env, columns: 120 })).stdout).not.toContain(ESC);
  });

  it.each(['1', 'true', ''])('FORCE_COLOR=%j: colour, even off a terminal', async (value) => {
    const env = { NO_COLOR: '', FORCE_COLOR: value };
    expect((await cli(broken, { env })).stderr).toContain(ESC);
    expect((await cli(table, { env })).stdout).toContain(ESC);
  });

  it('neither: colour on a terminal only; NO_COLOR=1: none on a terminal', async () => {
    expect((await cli(table, { env: { NO_COLOR: '' } })).stdout).not.toContain(ESC);
    expect((await cli(table, { env: { NO_COLOR: '' }, columns: 120 })).stdout).toContain(ESC);
    expect((await cli(table, { env: { NO_COLOR: '1' }, columns: 120 })).stdout).not.toContain(ESC);
  });

  // A dumb terminal prints escape codes as they are: the tables and problems were coloured there.
  it('TERM=dumb: no colour on a terminal, on stdout or stderr; FORCE_COLOR still colours', async () => {
    const dumb = { NO_COLOR: '', TERM: 'dumb' };
    expect((await cli(table, { env: dumb, columns: 120 })).stdout).not.toContain(ESC);
    expect((await cli(broken, { env: dumb, columns: 120 })).stderr).not.toContain(ESC);
    expect((await cli(broken, { env: dumb, columns: 120 })).stderr).toContain('UNKNOWN_NEED');
    expect((await cli(table, { env: { ...dumb, FORCE_COLOR: '1' } })).stdout).toContain(ESC);
  });
});
