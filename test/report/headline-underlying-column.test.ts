import { describe, expect, it } from 'vitest';
import { exampleReport } from '../helpers/example-report.js';
import { htmlTable } from './html-table.js';

// Found by a Forum reading: the headline table's column said "In-year balance first reached" and
// "not by 2030-31" for the Safety Valve scenario, whose in-year balance is £7,805,113.90 in
// 2026-27: the column is the underlying balance, as the words above it say.
describe("the headline table's first-balance column", () => {
  it('is named the underlying in-year balance, before what it leaves out', async () => {
    const { html } = await exampleReport();
    const [head] = htmlTable(html, 'Headline figures by scenario');
    expect(head![3]).toBe(
      'Underlying in-year balance first reached (before Safety Valve payments and local authority contributions)',
    );
  });
});
