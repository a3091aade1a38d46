import { describe, expect, it } from 'vitest';
import type { BacktestRow } from '../../src/core/calibrate/backtest.js';
import { summarise } from '../../src/core/calibrate/backtest-summary.js';
import { backtestTable } from '../../src/report/backtest.js';

const total = (origin: number, target: number, actual: number, projected: number): BacktestRow => ({
  origin,
  target,
  horizon: target - origin,
  breakdown: 'total',
  group: 'all',
  actual,
  projected,
});

describe("backtest's terminal table, as a finance officer reads it", () => {
  it('gives each total its 95% interval and whether what happened lay inside, with --draws', () => {
    // Found by a finance officer's trial: --format table --draws gave coverage by horizon, but not
    // one interval, so the figures behind the coverage could not be shown.
    const rows = [
      { ...total(2022, 2023, 392, 357.31), interval: { low: 340.5, high: 375.25 } },
      { ...total(2022, 2024, 438, 420), interval: { low: 400, high: 445 } },
    ];
    const lines = backtestTable(rows, summarise(rows)).split('\n');
    const header = lines.find((line) => line.startsWith('origin'))!;
    expect(header.split(/\s{2,}/)).toEqual([
      'origin',
      'target',
      'horizon',
      'actual',
      'projected',
      'error',
      'error %',
      '95% low',
      '95% high',
      'inside',
    ]);
    expect(lines.find((line) => line.startsWith('2022      2023'))!.split(/\s+/)).toEqual([
      '2022',
      '2023',
      '1',
      '392.00',
      '357.31',
      '-34.69',
      '-8.85',
      '340.50',
      '375.25',
      'no',
    ]);
    expect(
      lines
        .find((line) => line.startsWith('2022      2024'))!
        .split(/\s+/)
        .at(-1),
    ).toBe('yes');
  });

  it('says in words what MAPE, bias and coverage are', () => {
    const rows = [{ ...total(2022, 2023, 392, 357.31), interval: { low: 340.5, high: 375.25 } }];
    const text = backtestTable(rows, summarise(rows));
    expect(text).toContain('MAPE: the average size of the error');
    expect(text).toContain('bias: the average error with its sign');
    expect(text).toContain('coverage: the share of the Januaries');
    const plain = backtestTable(
      [total(2022, 2023, 392, 357.31)],
      summarise([total(2022, 2023, 392, 357.31)]),
    );
    expect(plain).toContain('MAPE: the average size of the error');
    expect(plain).not.toContain('coverage:');
    expect(plain).not.toContain('95% low');
  });
});
