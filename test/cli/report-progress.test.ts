import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { hasScript, onTerminal } from '../helpers/on-terminal.js';

const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-report-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Found by a user trial: report --draws drew for as long as simulate does with nothing on the
// terminal (seconds for a few thousand draws), where simulate shows how far it has got.
it.skipIf(!hasScript)(
  'report --draws shows how far the draws have got on a terminal, as simulate does; --quiet not',
  () => {
    const args = ['report', 'fixtures/example', '--draws', '1500', '--seed', '3'];
    const shown = onTerminal([...args, '--out', path.join(dir, 'a.html')]);
    expect(shown.code, shown.shown).toBe(0);
    expect(shown.shown).toMatch(/Drawing 1500 times from fixtures\/example: \d+%/);
    expect(existsSync(path.join(dir, 'a.html'))).toBe(true);
    // Under --quiet, 20 draws: a spinner, were there one, would be drawn as it started, so the
    // test fails without --quiet's check as it did with 1,500 draws (some 1.1 s less CPU).
    const few = ['report', 'fixtures/example', '--draws', '20', '--seed', '3'];
    const quiet = onTerminal([...few, '--quiet', '--out', path.join(dir, 'b.html')]);
    expect(quiet.code, quiet.shown).toBe(0);
    expect(quiet.shown).not.toContain('Drawing');
  },
  60_000,
);
