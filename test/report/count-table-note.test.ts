import { describe, expect, it } from 'vitest';
import { exampleReport } from '../helpers/example-report.js';

/** The note under the table whose caption starts with `caption`. */
function noteUnder(html: string, caption: string): string {
  const start = html.indexOf(`>${caption}`);
  expect(start, caption).toBeGreaterThan(-1);
  const after = html.slice(html.indexOf('</table>', start));
  return after.slice(0, after.indexOf('</p>')).replace(/<[^>]+>/g, '');
}

// Found by a Forum reading: under a table of EHCPs the note said a line "may differ by a penny",
// and nothing said why a count of plans has decimals (2,642.38).
describe('the note under a table of EHCPs', () => {
  it('says 0.01, not a penny, and that the numbers are expected numbers', async () => {
    const { html } = await exampleReport();
    const note = noteUnder(html, 'EHCPs in January by age group in');
    expect(note).toContain('a line may differ by 0.01 from the same figure rounded on its own');
    expect(note).not.toContain('penny');
    expect(note).toContain('expected numbers');
  });

  it('a table of money still says a penny', async () => {
    const { html } = await exampleReport();
    const note = noteUnder(html, 'Spend by age group in');
    expect(note).toContain('a line may differ by a penny');
    expect(note).not.toContain('expected numbers');
  });
});
