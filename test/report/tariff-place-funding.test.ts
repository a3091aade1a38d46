import { describe, expect, it } from 'vitest';
import { exampleReport } from '../helpers/example-report.js';
import { htmlTable } from './html-table.js';

// Found by a Forum reading: the costing charges a resourced-provision place no pupil fills at the
// tariff's unoccupiedPlaceValue (£10,000, not the £6,000 shown), and a "dfe" setting's places as a
// deduction from the HNB rather than spend; the report's tariff table showed neither.
describe("the report's tariff settings table", () => {
  it('resourced provision: £6,000 a place, £10,000 unfilled, paid by the authority', async () => {
    const { html } = await exampleReport();
    const [head, ...rows] = htmlTable(html, 'Settings and place values');
    expect(head).toEqual([
      'Setting',
      'Label',
      'Place value, £',
      'Unfilled place value, £',
      'Places paid by',
      'Status',
      'Source',
    ]);
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    expect(row('resourced-provision').slice(2, 6)).toEqual([
      '£6,000.00',
      '£10,000.00',
      'the authority',
      'assumption',
    ]);
  });

  it('special academy: £10,000 a place, paid by the DfE and deducted from the HNB', async () => {
    const { html } = await exampleReport();
    const rows = htmlTable(html, 'Settings and place values');
    const academy = rows.find((r) => r[0] === 'special-academy')!;
    expect(academy.slice(2, 5)).toEqual(['£10,000.00', '', 'the DfE (deducted from the HNB)']);
  });
});
