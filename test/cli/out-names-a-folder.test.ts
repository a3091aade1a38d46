import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * Issue 18, defect 5: an --out that is a folder is exit 2 with a message. One that names a folder
 * not made yet, by ending with "/" (a script's `--out "$dir/$name"` with `name` empty), wrote a
 * file of the folder's name, exit 0: `project --out results/` made a file `results`, and
 * `report --out r.html/` a file `r.html` (found by a probe of the defects against every command as
 * it is now). A trailing "/" names a folder, as it does for the system's own calls.
 */
const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-out-folder-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const HISTORY = ['transitions', 'population', 'codes'].flatMap((name) => [
  `--${name}`,
  `fixtures/history/${name}.csv`,
]);
const CASES: [string, (out: string) => string[]][] = [
  ['project', (out) => ['project', '--out', out]],
  ['report', (out) => ['report', '--out', `${out.slice(0, -1)}.html/`]],
  ['backtest', (out) => ['backtest', ...HISTORY, '--out', out]],
  [
    'nff --manifest',
    (out) => ['nff', 'fixtures/nff/nff-factors.csv', '--year=2026-27', '--manifest', out],
  ],
];

describe('an --out that ends with "/" names a folder: exit 2, nothing made', () => {
  for (const [name, args] of CASES)
    it(name, async () => {
      const out = path.join(scratch, `${name.replace(/\W/g, '-')}-results/`);
      const result = await cli(args(out));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/names a folder/);
      expect(fs.readdirSync(scratch)).toEqual([]);
    });
});
