import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { onOneCore } from '../helpers/one-core.js';
import { cli } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-report-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Some 30 chunks of draws, each telling the spinner how far they have got (0.6 s here, drawn alone). */
const DRAWS = '600';

/**
 * What a terminal of 100 columns shows of `highneeds ARGS` (its stderr, spinners drawn: cli's
 * spinnerColumns), run in process on this thread alone: every draw is then drawn after the
 * spinner starts, each chunk telling it how far they have got, on any machine. (A real terminal's
 * rules for spinners are tested in test/cli/spinner-terminals.test.ts; under `script`, with the
 * draws on worker threads started before the spinner, this took 1,500 draws and two runs of the
 * binary, some 5 s of CPU, and the workers could still have drawn nearly all before it.)
 */
const onTerminal = (args: readonly string[]) =>
  onOneCore(() => cli(args, { spinnerColumns: 100, env: { TERM: 'xterm' } }));

// Found by a user trial: report --draws drew for as long as simulate does with nothing on the
// terminal (seconds for a few thousand draws), where simulate shows how far it has got.
it('report --draws shows how far the draws have got on a terminal, as simulate does; --quiet not', async () => {
  const args = ['report', 'fixtures/example', '--draws', DRAWS, '--seed', '3'];
  const shown = await onTerminal([...args, '--out', path.join(dir, 'a.html')]);
  expect(shown.code, shown.stderr).toBe(0);
  expect(shown.stderr).toMatch(new RegExp(`Drawing ${DRAWS} times from fixtures/example: \\d+%`));
  expect(existsSync(path.join(dir, 'a.html'))).toBe(true);
  // Quiet, no spinner at all: it shows from the first frame, even of 2 draws ("Drawing 2 times
  // from fixtures/example"), so 40 draws ask the same (600 cost some 0.6 s more CPU).
  const few = ['report', 'fixtures/example', '--draws', '40', '--seed', '3'];
  const quiet = await onTerminal([...few, '--quiet', '--out', path.join(dir, 'b.html')]);
  expect(quiet.code, quiet.stderr).toBe(0);
  expect(quiet.stderr).not.toContain('Drawing');
});
