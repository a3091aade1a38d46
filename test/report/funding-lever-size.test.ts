import { describe, expect, it } from 'vitest';
import { exampleReport } from '../helpers/example-report.js';
import { htmlTable } from './html-table.js';

// Found by a Forum reading: the Levers table gave the example's schools block transfer as
// "1 funding line", with neither the sum moved nor its year.
describe("a funding lever's size in the report's Levers by scenario", () => {
  it('transfer-2028: £1,475,000.00 in 2028-29, 0.5% of a £295m schools block', async () => {
    const { html } = await exampleReport();
    const rows = htmlTable(html, 'Levers by scenario');
    const transfer = rows.find((r) => r[0] === 'mitigated' && r[1] === 'transfer-2028')!;
    expect(transfer[4]).toBe(
      'block_transfer £1,475,000.00 in 2028-29 (0.5% of a £295,000,000.00 schools block)',
    );
  });
});
