import { describe, expect, it } from 'vitest';
import {
  fitLine,
  fitTable,
  fitText,
  type FitTable,
  MIN_WIDTH,
  wrapWords,
} from '../../src/report/fit-width.js';
import { figure, renderRecords } from '../../src/report/records.js';
import { Dec } from '../../src/core/decimal.js';

const years = ['2026-27', '2027-28', '2028-29', '2029-30', '2030-31'];
const budget: FitTable = {
  columns: [
    { header: '', align: 'left', key: true },
    ...years.map((header) => ({ header, align: 'right' as const })),
  ],
  rows: [
    [
      'Spend: total',
      '40,398,172.47',
      '42,256,507.36',
      '44,081,165.09',
      '45,951,314.31',
      '48,014,856.03',
    ],
    [
      'Cumulative balance',
      '-19,748,172.47',
      '-22,188,679.83',
      '-26,804,364.93',
      '-32,106,234.83',
      '-38,252,163.14',
    ],
  ],
};
const longest = (lines: readonly string[]) => Math.max(...lines.map((line) => line.length));

describe('fitTable: a table that fits, or no width, is laid out as always', () => {
  it('one line per row, two spaces apart, no trailing spaces', () => {
    const lines = fitTable(budget);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'Spend: total         40,398,172.47   42,256,507.36   44,081,165.09   45,951,314.31   48,014,856.03',
    );
    expect(fitTable(budget, 200)).toEqual(lines);
  });
});

describe('fitTable: years into blocks, the label repeated', () => {
  it('at 80 columns: blocks of three and two years, every line within 80', () => {
    const lines = fitTable(budget, 80);
    expect(longest(lines)).toBeLessThanOrEqual(80);
    expect(lines).toEqual([
      '                           2026-27         2027-28         2028-29',
      'Spend: total         40,398,172.47   42,256,507.36   44,081,165.09',
      'Cumulative balance  -19,748,172.47  -22,188,679.83  -26,804,364.93',
      '',
      '                           2029-30         2030-31',
      'Spend: total         45,951,314.31   48,014,856.03',
      'Cumulative balance  -32,106,234.83  -38,252,163.14',
    ]);
  });

  it('paint is applied after measuring, so colour never widens a column', () => {
    const painted = fitTable(
      {
        ...budget,
        paint: (_row, column, padded) =>
          column > 0 && padded.includes('-') ? `[${padded}]` : padded,
      },
      80,
    );
    expect(longest(painted.map((line) => line.replace(/[[\]]/g, '')))).toBeLessThanOrEqual(80);
    expect(painted[2]).toContain('[-19,748,172.47]');
  });

  it('long text wraps within its column; keys wrap only when they would take over half the width', () => {
    const table: FitTable = {
      columns: [
        { header: 'id', align: 'left', key: true },
        { header: 'title', align: 'left' },
        { header: 'rates', align: 'right' },
      ],
      rows: [
        [
          'devon-2022-24',
          'Devon County Council: mainstream top-up bands and special-school top-ups per place, financial years 2022/23 and 2023/24 (published)',
          '16',
        ],
      ],
    };
    const lines = fitTable(table, 50);
    expect(longest(lines)).toBeLessThanOrEqual(50);
    expect(lines.slice(0, 3)).toEqual([
      'id             title',
      'devon-2022-24  Devon County Council: mainstream',
      '               top-up bands and special-school',
    ]);
    expect(lines.slice(-3)).toEqual(['', 'id             rates', 'devon-2022-24     16']);
  });

  it('a key over half the width wraps, so the figures keep their room', () => {
    const table: FitTable = {
      columns: [
        { header: 'lever', align: 'left', key: true },
        { header: '2026-27', align: 'right' },
        { header: 'total', align: 'right' },
      ],
      rows: [['difference between the projections', '74,840.54', '3,756,959.56']],
    };
    const lines = fitTable(table, 44);
    expect(lines).toEqual([
      'lever                     2026-27',
      'difference between the  74,840.54',
      'projections',
      '',
      'lever                          total',
      'difference between the  3,756,959.56',
      'projections',
    ]);
  });

  it('when a figure cannot sit beside its keys, one record per row, a column per line', () => {
    const table: FitTable = {
      columns: [
        { header: 'name', align: 'left', key: true },
        { header: 'amount', align: 'right' },
      ],
      rows: [
        ['a', '1,234,567,890,123,456,789,012,345,678,901,234.00'],
        ['b', '1.00'],
      ],
    };
    const lines = fitTable(table, MIN_WIDTH);
    expect(lines).toEqual([
      'name    a',
      'amount  1,234,567,890,123,456,789,012,34',
      '        5,678,901,234.00',
      '',
      'name    b',
      'amount  1.00',
    ]);
  });

  it('a terminal narrower than the minimum is fitted as if it were the minimum', () => {
    expect(fitTable(budget, 10)).toEqual(fitTable(budget, MIN_WIDTH));
    expect(longest(fitTable(budget, 10))).toBeLessThanOrEqual(MIN_WIDTH);
  });
});

describe('renderRecords: the records tables (tariffs, compare, nff, batch)', () => {
  const rows = years.map((year, i) => ({
    scenario: 'demand-management',
    financial_year: year,
    spend_total: figure(new Dec(40398172.47 + i)),
    in_year_balance: figure(new Dec(-1248172.47)),
    cumulative_balance: figure(new Dec(-19748172.47)),
    spend_change: figure(new Dec(-165717.61)),
  }));
  const columns = [
    'scenario',
    'financial_year',
    'spend_total',
    'in_year_balance',
    'cumulative_balance',
    'spend_change',
  ];

  it('unchanged without a width; within 80 and 120 with one, the keys in every block', () => {
    expect(renderRecords('table', columns, rows, { keys: ['scenario', 'financial_year'] })).toBe(
      renderRecords('table', columns, rows),
    );
    for (const width of [80, 120]) {
      const text = renderRecords('table', columns, rows, {
        width,
        keys: ['scenario', 'financial_year'],
      });
      expect(longest(text.trimEnd().split('\n'))).toBeLessThanOrEqual(width);
      for (const block of text.split('\n\n'))
        expect(block.startsWith('scenario           financial_year')).toBe(true);
    }
    expect(
      renderRecords('table', columns, rows, { width: 120, keys: ['scenario', 'financial_year'] }),
    ).toBe(renderRecords('table', columns, rows));
  });

  it('CSV and JSON ignore the width', () => {
    expect(renderRecords('csv', columns, rows, { width: 40 })).toBe(
      renderRecords('csv', columns, rows),
    );
    expect(renderRecords('json', columns, rows, { width: 40 })).toBe(
      renderRecords('json', columns, rows),
    );
  });
});

describe('prose lines', () => {
  it("wrap at spaces with a hanging indent of two under the line's own indent", () => {
    expect(
      fitLine('  instalments at risk: £4,000,000.00 due 2028-29, £4,000,000.00 due 2029-30', 50),
    ).toEqual([
      '  instalments at risk: £4,000,000.00 due 2028-29,',
      '    £4,000,000.00 due 2029-30',
    ]);
    expect(fitText('short\nlines stay', 50)).toBe('short\nlines stay');
    expect(fitText('x '.repeat(100), undefined)).toBe('x '.repeat(100));
  });

  it('a word longer than a line is cut, never dropped', () => {
    expect(wrapWords('see https://example.org/a/very/long/address', 12)).toEqual([
      'see',
      'https://exam',
      'ple.org/a/ve',
      'ry/long/addr',
      'ess',
    ]);
    expect(wrapWords('', 10)).toEqual(['']);
  });
});

describe('wrapWords: an id too long for its line', () => {
  it('is cut after a hyphen or underscore, not mid-word (a user trial at 60 columns)', () => {
    expect(wrapWords('early-help-semh', 14)).toEqual(['early-help-', 'semh']);
    expect(wrapWords('resourced-provision', 18)).toEqual(['resourced-', 'provision']);
    expect(wrapWords('financial_year', 10)).toEqual(['financial_', 'year']);
  });

  it('is cut at the width when the last hyphen would leave less than a third of the line', () => {
    expect(wrapWords('a-verylongword', 10)).toEqual(['a-verylong', 'word']);
    expect(wrapWords('national-illustrative', 20)).toEqual(['national-', 'illustrative']);
  });
});
