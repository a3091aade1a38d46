import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

/**
 * --prior-weight 0 (docs/calibration.md, "What is written"): an NCY the history never held has no
 * exposure and no prior, so it carries its parent's pseudo-counts (here all pupils') and rate, and
 * the folder calibrate writes validates and projects as it is.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-calibrate-w0-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('--prior-weight 0 writes an unseen NCY as its parent, and a folder validate and project accept', async () => {
  const out = path.join(scratch, 'model');
  const history = ['--population', 'fixtures/history/population.csv'];
  const fitted = await runInProcess([
    'calibrate',
    '--transitions',
    'fixtures/history/transitions.csv',
    ...history,
    '--codes',
    'fixtures/history/codes.csv',
    '--out-dir',
    out,
    '--prior-weight',
    '0',
    '--quiet',
  ]);
  expect(fitted.stderr).toBe('');
  expect(fitted.code).toBe(0);
  const rows = readFileSync(path.join(out, 'calibration.csv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const columns = rows[0]!;
  const at = (row: string[], name: string) => row[columns.indexOf(name)]!;
  const ceasingNcy = rows.filter(
    (r) => at(r, 'file') === 'ceasing.csv' && at(r, 'level') === 'ncy',
  );
  const unseen = ceasingNcy.filter((r) => at(r, 'exposure_seen') === '0');
  // fixtures/history holds nobody at NCY −3 or −2.
  expect(unseen.map((r) => at(r, 'ncy'))).toEqual(['-3', '-2']);
  // Their parent is all pupils, the plain share: its counts are every NCY's summed.
  const sum = (name: string) => ceasingNcy.reduce((n, r) => n + Number(at(r, name)), 0);
  for (const row of unseen) {
    expect(at(row, 'observed')).toBe(`${sum('numerator')}`);
    expect(at(row, 'exposure')).toBe(`${sum('exposure_seen')}`);
    expect(at(row, 'rate')).toBe(at(row, 'parent_rate'));
    expect(Number(at(row, 'rate'))).toBeGreaterThan(0);
  }
  // The top-ups and the high needs block filled in, as the folder's README asks (else ZERO_SPEND
  // and ZERO_HNB_ALLOCATION): no other word.
  const tariff = path.join(out, 'tariff.json');
  writeFileSync(
    tariff,
    readFileSync(tariff, 'utf8').replace(/"topUp": "0\.00"/g, '"topUp": "12000.00"'),
  );
  const funding = path.join(out, 'funding.csv');
  writeFileSync(
    funding,
    readFileSync(funding, 'utf8').replace(/hnb_allocation,0\.00/, 'hnb_allocation,9000000.00'),
  );
  const validated = await runInProcess(['validate', out]);
  expect(validated.stderr).toBe('');
  expect(validated.code).toBe(0);
  const projected = await runInProcess(['project', out, '--format', 'csv']);
  expect(projected.stderr).toBe('');
  expect(projected.code).toBe(0);
});
