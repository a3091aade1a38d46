import { describe, expect, it } from 'vitest';
import { exampleReport } from '../helpers/example-report.js';

// Found by a Forum reading: the Safety Valve section showed the DfE's £24m and neither the
// authority's contributions under the agreement nor the conditions it agreed to.
describe("the Safety Valve schedule's note: the authority's side", () => {
  it('the example: £1m a year in 2026-27 to 2028-29, and the three conditions', async () => {
    const { html } = await exampleReport();
    const start = html.indexOf('Agreed total £24,000,000.00');
    expect(start).toBeGreaterThan(-1);
    const note = html.slice(start, html.indexOf('</p>', start));
    expect(note).toContain(
      'The authority contributes £1,000,000.00 in 2026-27, £1,000,000.00 in 2027-28 and £1,000,000.00 in 2028-29 (in local authority contributions and other income).',
    );
    expect(note).toContain(
      'Its conditions, as the agreement gives them, not assessed here: EHCP growth no more than 6% a year; independent placements down 15% by 2028-29; quarterly monitoring reports to DfE.',
    );
  });
});
