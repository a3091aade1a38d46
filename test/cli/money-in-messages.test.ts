import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { exampleReport } from '../helpers/example-report.js';

/** Money in sentences reads as people write it, £24,000,000.00 (src/core/money-text.ts), and solve's answer as few digits as its tolerance justifies. */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-money-text-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('report', () => {
  it("states the Safety Valve agreement's total with thousands separators", async () => {
    const report = await exampleReport();
    expect(report.run.code).toBe(0);
    expect(report.html).toContain('Agreed total £24,000,000.00.');
  });
});

describe('solve', () => {
  it('no answer: the shortfall and the target in £ with separators', async () => {
    const result = await cli([
      ...'solve fixtures/example --vary assumption:newPlansGrowth --range 0,0.1 --quiet'.split(' '),
      ...['--target', 'spend-total<=1000000@2028-29'],
    ]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /^No value of assumption:newPlansGrowth in 0,0\.1 meets spend-total <= £1,000,000\.00 in 2028-29: at best \(0\) it is £\d{2},\d{3},\d{3}\.\d\d short\.\n$/,
    );
  });

  it('the answer: the value to as few digits as the tolerance justifies, and the figure there in £', async () => {
    const args = [
      ...'solve fixtures/example --vary transfer:2028-29:290000000 --range 0,0.02'.split(' '),
      ...['--target', 'in-year-balance>=0@2028-29', '--format'],
    ];
    const result = await cli([...args, 'csv']);
    expect(result.code).toBe(0);
    const sentence = result.stderr.split('\n').find((line) => line.includes('holds from'))!;
    const match =
      /^in-year-balance >= £0\.00 in 2028-29 holds from transfer:2028-29:290000000 = (0\.\d+) \(to within 0\.000001; in-year-balance there: £(\d+\.\d\d)\)\. \d+ projections/.exec(
        sentence,
      );
    expect(match).not.toBeNull();
    const value = match![1]!;
    // 1e-6 justifies no more than eight places here (the bisection's bracket, test/core/shortest-answer.test.ts).
    expect(value.length - 2).toBeLessThanOrEqual(8);
    // The value printed is the value projected: the transfer at that share, projected, gives the sentence's figure.
    const file = path.join(scratch, 'at-answer.json');
    const transfer = { financialYear: '2028-29', line: 'block_transfer', share: value };
    writeFileSync(
      file,
      JSON.stringify({
        scenarios: [{ id: 'answer', funding: [{ ...transfer, schoolsBlock: '290000000' }] }],
      }),
    );
    const projected = await cli([
      ...'project fixtures/example --scenario answer --format csv --scenarios-file'.split(' '),
      file,
    ]);
    const [header, ...rows] = projected.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    const year = rows.find((row) => row[header!.indexOf('financial_year')] === '2028-29')!;
    expect(year[header!.indexOf('in_year_balance')]).toBe(match![2]);
  });
});
