import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Issue 18, defect 1: an output is never one of the run's inputs, by any name. `tariffs show`,
 * `tariffs list` and `tariffs diff` (with --model, the model's files too) passed no inputs to the
 * check: `tariffs show t.json --out t.json --format json` replaced the tariff with its own rows,
 * exit 0, and so did a link to it, the library's own file, or `diff --model m --out m/cohort.csv`
 * (found by a probe of the defects against every command as it is now).
 */
const scratch = fs.mkdtempSync(path.join(tmpdir(), 'highneeds-tariff-outputs-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const library = path.join(scratch, 'library');
fs.cpSync(path.join(ROOT, 'tariffs'), library, { recursive: true });
const tariff = path.join(library, 'example-borough-2025.json');
const link = path.join(scratch, 'link.json');
fs.symlinkSync(tariff, link);
const model = path.join(scratch, 'model');
fs.cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
const alias = path.join(scratch, 'model-alias');
fs.symlinkSync(model, alias);
const before = new Map(
  [tariff, path.join(model, 'cohort.csv')].map((file) => [file, fs.readFileSync(file)]),
);

const CASES: [string, string[]][] = [
  ['show, its own file', ['tariffs', 'show', tariff, '--out', tariff, '--format', 'json']],
  ['show, through a link', ['tariffs', 'show', tariff, '--out', link, '--format', 'json']],
  [
    'show by id, the library file',
    ['tariffs', 'show', 'example-borough-2025', '--dir', library, '--out', tariff],
  ],
  ['list, a file of the library', ['tariffs', 'list', '--dir', library, '--out', link]],
  ['diff, the first table', ['tariffs', 'diff', tariff, 'national-illustrative', '--out', link]],
  [
    "diff --model, the model's cohort through a linked folder",
    [
      'tariffs',
      'diff',
      tariff,
      'national-illustrative',
      '--model',
      model,
      '--out',
      path.join(alias, 'cohort.csv'),
    ],
  ],
];

describe('tariffs show, list and diff never write over what they read', () => {
  for (const [name, args] of CASES)
    it(`${name}: exit 2, the file unchanged`, async () => {
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is one of this run's inputs/);
      for (const [file, bytes] of before) expect(fs.readFileSync(file)).toEqual(bytes);
    });
});
