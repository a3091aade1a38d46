import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { readCsvTable } from '../../src/io/csv-table.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { FUNDING_COLUMNS } from '../../src/io/read-ledger.js';
import { readRepeatedLines } from '../../src/io/repeated-lines.js';
import { described } from '../helpers/io-tables.js';
import { runInProcess } from '../helpers/in-process.js';

/**
 * A spreadsheet leaves a comma at the end of a row whose cell to the right once held something.
 * Refusing that row (COLUMN_COUNT) made a second, false error: funding.csv "has no
 * opening_balance row" when the row was there. Its empty extra fields are read past instead.
 */
describe('a row that ends in a stray comma', () => {
  it('is read when its extra fields are empty; a short row or a filled extra field is COLUMN_COUNT', () => {
    const table = readCsvTable(
      [
        'financial_year,line,amount',
        '2025-26,opening_balance,-100000.00,',
        '2026-27,hnb_allocation,300000.00, ,',
        '2027-28,hnb_allocation',
        '2028-29,hnb_allocation,1,x',
        '',
      ].join('\n'),
      'funding.csv',
      FUNDING_COLUMNS,
    );
    expect(table.rows.map((row) => [row.line, row.get('line'), row.get('amount')])).toEqual([
      [2, 'opening_balance', '-100000.00'],
      [3, 'hnb_allocation', '300000.00'],
    ]);
    expect(described(table.issues)).toEqual([
      'error COLUMN_COUNT funding.csv:4:: row has 2 fields but the header has 3 columns',
      'error COLUMN_COUNT funding.csv:5:: row has 4 fields but the header has 3 columns',
    ]);
  });

  it('the same in a history read line by line', () => {
    const issues: Issue[] = [];
    const read = readRepeatedLines(
      'a,b\n1,2,\n1,2,\n3\n',
      'h.csv',
      { required: ['a', 'b'], optional: [] },
      DEFAULT_LIMITS,
      issues,
      (row) => `${row.get('a')}+${row.get('b')}`,
    );
    expect(read).toEqual(['1+2', '1+2']);
    expect(described(issues)).toEqual([
      'error COLUMN_COUNT h.csv:4:: row has 1 field but the header has 2 columns',
    ]);
  });
});

it('validate: a model whose opening_balance row ends in a comma is valid, not missing that row', async () => {
  const model = mkdtempSync(path.join(tmpdir(), 'highneeds-stray-comma-'));
  try {
    cpSync('fixtures/example', model, { recursive: true });
    const funding = readFileSync('fixtures/example/funding.csv', 'utf8');
    expect(funding).toContain(',opening_balance,');
    writeFileSync(
      path.join(model, 'funding.csv'),
      funding.replace(/^(.*,opening_balance,.*)$/m, '$1,'),
    );
    const result = await runInProcess(['validate', model]);
    expect([result.code, result.stderr]).toEqual([0, '']);
  } finally {
    rmSync(model, { recursive: true, force: true });
  }
});

it('validate: an opening_balance row refused for a stray value is COLUMN_COUNT alone, not also a missing row', async () => {
  const model = mkdtempSync(path.join(tmpdir(), 'highneeds-stray-value-'));
  try {
    cpSync('fixtures/example', model, { recursive: true });
    const funding = readFileSync('fixtures/example/funding.csv', 'utf8');
    writeFileSync(
      path.join(model, 'funding.csv'),
      funding.replace(/^(.*,opening_balance,.*)$/m, '$1,x'),
    );
    const result = await runInProcess(['validate', model]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error COLUMN_COUNT');
    expect(result.stderr).not.toContain('MISSING_OPENING_BALANCE');
  } finally {
    rmSync(model, { recursive: true, force: true });
  }
});
