import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/*
 * Every terminal table through the real binary, as a person at an 80- or 120-column terminal
 * sees it (COLUMNS set, no TTY): every line within the width, and every figure and word of the
 * full-width table (no COLUMNS, piped) still there, as often as it was.
 */
const outDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'highneeds-width-')), 'out');
const TABLES: readonly { name: string; args: () => string[] }[] = [
  { name: 'project', args: () => ['project', 'fixtures/example', '--format', 'table'] },
  {
    name: 'project --detail',
    args: () => ['project', 'fixtures/worked-example', '--format', 'table', '--detail'],
  },
  {
    name: 'project --detail (demand example)',
    args: () => ['project', 'fixtures/demand-example', '--format', 'table', '--detail'],
  },
  {
    name: 'project --breakdown need',
    args: () => ['project', 'fixtures/example', '--format', 'table', '--breakdown', 'need'],
  },
  {
    name: 'project --breakdown age-group',
    args: () => ['project', 'fixtures/example', '--format', 'table', '--breakdown', 'age-group'],
  },
  { name: 'compare', args: () => ['compare', 'fixtures/example', '--format', 'table'] },
  {
    name: 'compare --savings',
    args: () => ['compare', 'fixtures/example', '--format', 'table', '--savings'],
  },
  { name: 'tariffs list', args: () => ['tariffs', 'list', '--format', 'table'] },
  {
    name: 'tariffs show (long band labels)',
    args: () => ['tariffs', 'show', 'devon-2022-24', '--format', 'table'],
  },
  {
    name: 'tariffs show',
    args: () => ['tariffs', 'show', 'example-borough-2025', '--format', 'table'],
  },
  {
    name: 'nff',
    args: () => ['nff', 'fixtures/nff/nff-factors.csv', '--year', '2025-26', '--format', 'table'],
  },
  {
    name: 'nff (worked)',
    args: () => [
      'nff',
      'fixtures/nff/worked/nff-factors.csv',
      '--year',
      '2025-26',
      '--params',
      'fixtures/nff/worked/nff-parameters',
      '--format',
      'table',
    ],
  },
  {
    name: 'batch',
    args: () => ['batch', 'fixtures/national', '--out-dir', outDir(), '--jobs', '1'],
  },
  {
    name: 'nff --area (step by step, 238 columns)',
    args: () => [
      'nff',
      'fixtures/nff/nff-factors.csv',
      '--year',
      '2025-26',
      '--area',
      '880',
      '--format',
      'table',
    ],
  },
  {
    name: 'nff --area (worked)',
    args: () => [
      'nff',
      'fixtures/nff/worked/nff-factors.csv',
      '--year',
      '2025-26',
      '--params',
      'fixtures/nff/worked/nff-parameters',
      '--area',
      'A',
      '--format',
      'table',
    ],
  },
  {
    name: 'tariffs diff',
    args: () => [
      'tariffs',
      'diff',
      'fixtures/tariff-diff/a.json',
      'fixtures/tariff-diff/b.json',
      '--format',
      'table',
    ],
  },
  {
    name: 'tariffs diff --model (with the cost table)',
    args: () => [
      'tariffs',
      'diff',
      'example-borough-2025',
      'national-illustrative',
      '--model',
      'fixtures/example',
      '--format',
      'table',
    ],
  },
  {
    // Its title ran to 116 columns, unfitted, as did its tables at 60 (a user trial).
    name: 'backtest',
    args: () => [
      'backtest',
      ...['transitions', 'population', 'codes'].flatMap((f) => [
        `--${f}`,
        `fixtures/history/${f}.csv`,
      ]),
      '--format',
      'table',
    ],
  },
  {
    // Its title names the area, the draws and the seed: it ran past 40 columns (a user trial).
    // Ten draws give the table of fifty, line for line and figure for figure as wide (its five
    // runs drew 250 times, for nothing the widths show; issue 18, item 5).
    name: 'simulate',
    args: () => ['simulate', 'fixtures/example', '--draws', '10', '--format', 'table'],
  },
  {
    name: 'solve (the answer and its table)',
    args: () => [
      'solve',
      'fixtures/example',
      '--target',
      'cumulative-balance>=0@2030-31',
      '--vary',
      'assumption:hnbGrowth',
      '--range',
      '0,0.2',
      '--format',
      'table',
    ],
  },
];

/**
 * How often each token occurs: figures and words are never split, so wrapping only repeats them
 * (keys) or keeps them. An id too long for its column is cut after a hyphen or underscore
 * (`resourced-` over `provision`), so its parts are counted, not the whole.
 */
function tally(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const words = text.split(/\s+/).flatMap((t) => t.split(/(?<=[A-Za-z0-9][-_])(?=[A-Za-z])/));
  for (const token of words.filter((t) => t !== ''))
    counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

const URL = /https?:\/\/[^\s;]+/g;
const URLS = (text: string): string[] => text.match(URL) ?? [];
const withoutUrls = (text: string): string => text.replace(/https?:\/\/\S+/g, ' ');

const FIGURE = /^[-(£]*\d[\d,]*(\.\d+)?%?[),;.]*$/;

describe('terminal tables fit the width (COLUMNS), losing nothing', () => {
  for (const { name, args } of TABLES) {
    it(`${name}: within 40, 60, 80 and 120 columns; every figure and word of the full table kept`, async () => {
      const full = await cli(args());
      expect(full.code, full.stderr).toBe(0);
      for (const width of [40, 60, 80, 120]) {
        const fitted = await cli(args(), { env: { COLUMNS: String(width) } });
        expect(fitted.code, fitted.stderr).toBe(0);
        const lines = fitted.stdout.split('\n');
        const over = lines.filter((line) => line.length > width);
        expect(over, `lines over ${width}`).toEqual([]);
        const kept = tally(fitted.stdout);
        const lost = [...tally(withoutUrls(full.stdout))]
          .filter(([token, count]) => (kept.get(token) ?? 0) < count)
          .map(([token]) => token);
        expect(lost, 'tokens of the full table missing').toEqual([]);
        // An address longer than the line (nff's sources) is cut where it must be, but nothing of
        // it is lost: the lines joined back hold it whole.
        const joined = fitted.stdout.replace(/\s+/g, '');
        expect(URLS(full.stdout).filter((url) => !joined.includes(url))).toEqual([]);
        expect([...tally(full.stdout).keys()].filter((t) => FIGURE.test(t)).length).toBeGreaterThan(
          0,
        );
      }
    });
  }

  it('no COLUMNS and no terminal: the full width, whatever it is (as the goldens are)', async () => {
    const full = await cli(['tariffs', 'list', '--format', 'table']);
    expect(Math.max(...full.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(200);
    expect(
      (await cli(['tariffs', 'list', '--format', 'table'], { env: { COLUMNS: 'wide' } })).stdout,
    ).toBe(full.stdout);
    expect(
      (await cli(['tariffs', 'list', '--format', 'table'], { env: { COLUMNS: '' } })).stdout,
    ).toBe(full.stdout);
  });

  it('nff --area without COLUMNS keeps each step on one line (over 200 columns); at 80 a step carries on under its text', async () => {
    const args = [
      'nff',
      'fixtures/nff/nff-factors.csv',
      '--year',
      '2025-26',
      '--area',
      '880',
      '--format',
      'table',
    ];
    const full = await cli(args);
    expect(Math.max(...full.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(200);
    expect(full.stdout).toMatch(
      /^ 6\. Floor and cap on historic_spend \+ proxies \+ hospital_education = £23,066,500\.00:$/m,
    );
    const fitted = (await cli(args, { env: { COLUMNS: '80' } })).stdout;
    expect(fitted).toMatch(
      /^ 6\. Floor and cap on historic_spend \+ proxies \+ hospital_education =\n {6}£23,066,500\.00:$/m,
    );
  });

  it('tariffs diff --model run from another folder: the title naming the folder in full wraps too', async () => {
    // The title names the model folder from the working folder: in full, it ran past 60 columns (a user trial).
    const args = ['tariffs', 'diff', 'example-borough-2025', 'national-illustrative'];
    const model = path.join(ROOT, 'fixtures', 'example');
    const result = await cli([...args, '--model', model, '--format', 'table'], {
      cwd: tmpdir(),
      env: { COLUMNS: '60' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(model);
    expect(result.stdout.split('\n').filter((line) => line.length > 60)).toEqual([]);
  });

  it('CSV is never fitted', async () => {
    const csv = await cli(['tariffs', 'list', '--format', 'csv']);
    expect(
      (await cli(['tariffs', 'list', '--format', 'csv'], { env: { COLUMNS: '80' } })).stdout,
    ).toBe(csv.stdout);
  });

  it('EHCP counts are whole pupils in tables (the CSV keeps 2 dp)', async () => {
    const table = (await cli(['project', 'fixtures/example', '--format', 'table'])).stdout;
    expect(table).toMatch(/^EHCPs \(January\) +2,662 +2,836 +3,022 +3,221 +3,434$/m);
    expect((await cli(['project', 'fixtures/example', '--format', 'csv'])).stdout).toContain(
      ',2662.29,',
    );
  });

  it('EHCP counts are whole pupils in the breakdown tables too (they gave 2 dp: a user trial)', async () => {
    const args = ['project', 'fixtures/example', '--breakdown', 'need'];
    const table = (await cli([...args, '--format', 'table'])).stdout;
    expect(table).toMatch(/^999 +2026-27 +ASD +905 +11,116,416\.27$/m);
    expect((await cli([...args, '--format', 'csv'])).stdout).toContain(
      '999,2026-27,ASD,905.47,11116416.27',
    );
  });
});
