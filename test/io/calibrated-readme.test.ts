import { describe, expect, it } from 'vitest';
import { fitRates } from '../../src/core/calibrate/fit.js';
import type { HistoryStep } from '../../src/core/calibrate/history.js';
import { Dec } from '../../src/core/decimal.js';
import { calibratedReadme } from '../../src/io/calibrated-readme.js';

const a = (ncy: number, setting: string) => ({ ncy, need: 'ASD' as const, setting });
const STEPS: HistoryStep[] = [
  { year: 2023, from: a(5, 'mainstream'), to: a(6, 'mainstream') },
  { year: 2023, to: a(0, 'mainstream') },
];
const population = new Map([
  ['2024:0', new Dec(1000)],
  ['2025:0', new Dec(1010)],
]);

const readme = calibratedReadme({
  spec: {
    area: { code: '000', name: 'Calibrated authority' },
    baseYear: 2023,
    horizon: 2024,
    fit: fitRates(STEPS, { weight: new Dec(1), population }),
    cohort: [a(6, 'mainstream'), a(0, 'mainstream')],
    settings: ['mainstream'],
    population,
    costs: [],
  },
  totals: [],
  fitYears: { first: 2023, last: 2023 },
  weight: new Dec(1),
  sources: ['snapshots.csv', 'population.csv'],
});

describe("the calibrated folder's README, as the finance officer who is handed it reads it", () => {
  it('names model.json: the area every output is headed with, and growth assumptions of 0', () => {
    // Found by a finance officer's trial: the README's table left model.json out, so a report to a
    // Schools Forum was headed "Calibrated authority (000)" and its top-ups held flat in cash for
    // five years, neither said anywhere the officer was told to look.
    const row = readme.split('\n').find((line) => line.startsWith('| `model.json`'));
    expect(row).toBeDefined();
    expect(row).toContain('000 Calibrated authority');
    expect(row).toContain('--area');
    expect(row).toContain('`tariffUplift`');
    expect(row).toContain('`newPlansGrowth`');
  });

  it('says what to run next, and where the ranges are tested against the past', () => {
    expect(readme).toContain('highneeds simulate FOLDER --draws 1000 --seed 1');
    expect(readme).toContain('highneeds report FOLDER --out report.html --draws 1000');
    expect(readme).toContain('highneeds backtest');
    // A finance officer edits a table in a spreadsheet, not as JSON.
    expect(readme).toContain('highneeds tariffs export FOLDER/tariff.json --csv');
    // Next year's calibration is a new folder: what the officer filled in here is to be carried over.
    expect(readme).toContain('Calibrating again');
    expect(readme).toContain('copy into it the files you filled in here');
  });
});
