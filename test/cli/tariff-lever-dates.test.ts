import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * A tariff lever changes the rates from its date, and only by its share (docs/scenarios.md). A
 * user trial found it changing them before: the lever's rows stopped the tariff's uplift of the
 * rows before them (a series is uplifted only past its last row), so a lever from April 2027
 * "saved" money in 2026-27, and with model.json's tariffUplift a 5% cut was costed at about 9%.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-tariff-lever-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The example, with `tariffUplift` and these scenarios: a base and one lever. */
function example(name: string, uplift: string, lever: object): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
  const model = path.join(dir, 'model.json');
  writeFileSync(
    model,
    readFileSync(model, 'utf8').replace(/"tariffUplift": "[^"]*"/, `"tariffUplift": "${uplift}"`),
  );
  writeFileSync(
    path.join(dir, 'scenarios.json'),
    JSON.stringify({
      scenarios: [
        { id: 'base', label: 'Base' },
        { id: 'lever', label: 'Lever', base: 'base', levers: [lever] },
      ],
    }),
  );
  return dir;
}

/** compare --savings: the lever's saving by financial year, in pence. */
async function savings(dir: string): Promise<Map<string, number>> {
  const result = await cli(['compare', dir, '--savings', '--format', 'csv']);
  expect(result.code, result.stderr).toBe(0);
  const rows = result.stdout
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const header = rows[0]!;
  const [lever, year, saving] = ['lever', 'financial_year', 'spend_saving'].map((c) =>
    header.indexOf(c),
  );
  return new Map(
    rows
      .slice(1)
      .filter((row) => row[lever!] === 'cut')
      .map((row) => [row[year!]!, Math.round(Number(row[saving!]) * 100)]),
  );
}

/**
 * explain's rates of mainstream bands in a year, under a scenario, from one run (issue 18, item 5:
 * a run for each band asked the same command twice).
 */
async function rates(
  dir: string,
  scenario: string,
  year: string,
  bands: readonly string[],
): Promise<string[]> {
  const result = await cli([
    'explain',
    dir,
    '--scenario',
    scenario,
    '--year',
    year,
    '--figure',
    'spend_top_up',
    '--setting',
    'mainstream',
  ]);
  expect(result.code, result.stderr).toBe(0);
  return bands.map((band) => {
    const line = result.stdout.split('\n').find((l) => l.includes(`band ${band}, need *`))!;
    // part, amount, pupils, rate, months, from…: the rate is the fourth field from the left.
    return line.trim().split(/\s{2,}/)[3]!;
  });
}

const cut = (share: string) => ({
  id: 'cut',
  label: 'mainstream top-ups from April 2027',
  kind: 'tariff',
  share,
  from: '2027-04-01',
  filter: { setting: 'mainstream' },
});

/** A switch of mainstream to the national table from `from`. */
const toNational = (from: string) => ({
  id: 'cut',
  label: `the national table for mainstream from ${from}`,
  kind: 'tariff',
  tariff: 'national-illustrative',
  from,
  filter: { setting: 'mainstream' },
});

describe('a tariff lever', () => {
  it.each(['0', '0.02'])('of 0% saves nothing in any year (tariffUplift %s)', async (uplift) => {
    const saved = await savings(example(`zero-${uplift}`, uplift, cut('0')));
    expect([...saved.values()]).toEqual([0, 0, 0, 0, 0]);
  });

  it('of −5% from April 2027 leaves 2026-27 alone and charges 95% of the rate after, with a tariffUplift', async () => {
    const dir = example('five', '0.02', cut('-0.05'));
    const saved = await savings(dir);
    expect(saved.get('2026-27')).toBe(0);
    expect(saved.get('2027-28')).toBeGreaterThan(0);
    const bands = ['2', '3'];
    const amount = (shown: string) => Number(shown.replace(/,/g, ''));
    const base = (await rates(dir, 'base', '2028-29', bands)).map(amount);
    const levered = (await rates(dir, 'lever', '2028-29', bands)).map(amount);
    for (const [i, band] of bands.entries()) {
      // Both shown to the penny: within a penny of each other (it was 3,187.76 against 3,316.55).
      expect(Math.abs(levered[i]! - base[i]! * 0.95), `band ${band}`).toBeLessThanOrEqual(0.011);
    }
  });

  it('to another table from April 2028 changes nothing before it', async () => {
    const dir = example('switch', '0.02', toNational('2028-04-01'));
    const saved = await savings(dir);
    expect(saved.get('2026-27')).toBe(0);
    expect(saved.get('2027-28')).toBe(0);
    expect(saved.get('2028-29')).not.toBe(0);
  });

  // A review found a lever on one need scaling the "*" rate every need is priced by.
  it('on one need leaves the other needs priced by the same "*" rate alone', async () => {
    const dir = example('asd', '0', {
      ...cut('-0.10'),
      filter: { setting: 'mainstream', need: 'ASD' },
    });
    const byNeed = async (scenario: string) => {
      const result = await cli([
        'project',
        dir,
        '--scenario',
        scenario,
        '--breakdown',
        'need',
        '--format',
        'csv',
      ]);
      expect(result.code, result.stderr).toBe(0);
      const [header, ...rows] = result.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(','));
      const [year, need, topUp] = ['financial_year', 'need', 'spend_top_up'].map((c) =>
        header!.indexOf(c),
      );
      return new Map(rows.map((r) => [`${r[year!]} ${r[need!]}`, Number(r[topUp!])]));
    };
    const [base, levered] = [await byNeed('base'), await byNeed('lever')];
    expect(levered.get('2028-29 MLD')).toBe(base.get('2028-29 MLD'));
    expect(levered.get('2026-27 ASD')).toBe(base.get('2026-27 ASD'));
    expect(levered.get('2028-29 ASD')).toBeLessThan(base.get('2028-29 ASD')!);
    // A year the lever leaves alone saves 0.00, not "-0.00" (its difference was a negative zero).
    const saved = await cli(['compare', dir, '--savings', '--format', 'csv']);
    expect(saved.stdout).toMatch(/,cut,[^\n]*,2026-27,0\.00,0\.00\n/);
    expect(saved.stdout).not.toContain('-0.00');
  });

  // A review found a switch to an unuplifted table charged this table's uplift after the switch.
  it('to another table charges that table as it charges itself: national-illustrative has no uplift', async () => {
    const dir = example('switch-uplift', '0', toNational('2027-04-01'));
    for (const year of ['2027-28', '2029-30'])
      expect(await rates(dir, 'lever', year, ['2'])).toEqual(['2,000.00']);
  });
});
