import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { hasScript, onTerminal } from '../helpers/on-terminal.js';

const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-spinner-terminals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Found by a user trial: on a terminal that cannot move its cursor (TERM=dumb: Emacs's shell,
// some IDE consoles), simulate's spinner drew each frame after the last, never cleared:
// "⠹ Drawing 2000 times from …: 49%⠸ Drawing 2000 times from …: 64%…", and the prompt after it.
// Twenty draws (one chunk) are enough here and below: the spinner is drawn, in its colour, as
// soon as it starts, and on TERM=dumb ora writes its text then too ("- Drawing 20 times …"), so
// each test fails with its fix undone, as it did with 1,500 draws (some 1.7 s more CPU a run).
it.skipIf(!hasScript)('TERM=dumb: no spinner, only what the run says', () => {
  const out = path.join(dir, 'intervals.csv');
  const args = ['simulate', 'fixtures/example', '--draws', '20', '--seed', '1', '--out', out];
  const run = onTerminal(args, { TERM: 'dumb' });
  expect(run.code, run.shown).toBe(0);
  expect(run.shown).not.toContain('Drawing');
  expect(existsSync(out)).toBe(true);
});

const ESC = '\u001b';

// Found by a user trial: with NO_COLOR=1 the spinner's frame was still cyan (ESC [36m), as ora
// colours it unless told not to; README says colour follows NO_COLOR.
it.skipIf(!hasScript)(
  'NO_COLOR=1: the spinner is drawn without colour; without it, in colour',
  () => {
    const args = ['simulate', 'fixtures/example', '--draws', '20', '--seed', '1'];
    const plain = onTerminal([...args, '--out', path.join(dir, 'plain.csv')], { NO_COLOR: '1' });
    expect(plain.code, plain.shown).toBe(0);
    expect(plain.shown).toContain('Drawing 20 times');
    expect(plain.shown).not.toMatch(new RegExp(`${ESC}\\[3\\dm`));
    const coloured = onTerminal([...args, '--out', path.join(dir, 'coloured.csv')], {
      NO_COLOR: '',
    });
    expect(coloured.shown).toContain(`${ESC}[36m`);
  },
);

// Left by the same trial for the batch's own progress, which decided for itself and drew
// "- Reading the national model" on TERM=dumb and a cyan frame under NO_COLOR. On one thread: the
// progress is this thread's whatever --jobs says, and a worker thread would cost the binary some
// 0.3 s of CPU a run to start (issue 18, item 5).
it.skipIf(!hasScript)("batch's progress: none on TERM=dumb, no colour under NO_COLOR", () => {
  const args = (out: string) => [
    'batch',
    'fixtures/national',
    '--out-dir',
    path.join(dir, out),
    '--jobs',
    '1',
  ];
  const dumb = onTerminal(args('dumb'), { TERM: 'dumb' });
  expect(dumb.code, dumb.shown).toBe(0);
  expect(dumb.shown).not.toContain('Reading the national model');
  expect(dumb.shown).not.toMatch(/Areas \d+\/\d+/);
  const plain = onTerminal(args('plain'), { NO_COLOR: '1' });
  expect(plain.code, plain.shown).toBe(0);
  expect(plain.shown).toContain('Reading the national model');
  expect(plain.shown).not.toMatch(new RegExp(`${ESC}\\[3\\dm`));
});
