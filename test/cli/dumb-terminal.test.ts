import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { hasScript, onTerminal } from '../helpers/on-terminal.js';

const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-dumb-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Found by a user trial: on a terminal that cannot move its cursor (TERM=dumb: Emacs's shell,
// some IDE consoles), simulate's spinner drew each frame after the last, never cleared:
// "⠹ Drawing 2000 times from …: 49%⠸ Drawing 2000 times from …: 64%…", and the prompt after it.
it.skipIf(!hasScript)('TERM=dumb: no spinner, only what the run says', () => {
  const out = path.join(dir, 'intervals.csv');
  const args = ['simulate', 'fixtures/example', '--draws', '1500', '--seed', '1', '--out', out];
  const run = onTerminal(args, { TERM: 'dumb' });
  expect(run.code, run.shown).toBe(0);
  expect(run.shown).not.toContain('Drawing');
  expect(existsSync(out)).toBe(true);
});
