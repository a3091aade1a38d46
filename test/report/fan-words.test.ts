import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { fanSection } from '../../src/report/presentation/fan-section.js';
import type { FanRow } from '../../src/report/presentation/report-model.js';

describe("the report's range of outcomes, as a Schools Forum reads it", () => {
  const q = new Dec(-1);
  const rows: FanRow[] = [
    {
      financialYear: '2025-26',
      measure: 'cumulative_balance',
      mean: q,
      p2_5: q,
      p10: q,
      p25: q,
      p50: q,
      p75: q,
      p90: q,
      p97_5: q,
      pDeficit: new Dec(1),
    },
  ];
  const section = fanSection(rows, '1,000', 'The model as given', { rows: [], levers: [] });
  const words = section.paragraphs!.join(' ');

  it('says what the bands leave out, and where they were tested against the past', () => {
    // Found by a finance officer's trial: the report gave 95% bands with no word of what they
    // cover, and on a calibrated history whose backtest held its 95% intervals at 0% three years
    // ahead, a forum would read them as 95% sure.
    expect(words).toContain("if the model's rates are right");
    expect(words).toContain('not a change of policy, of prices or of trend');
    expect(words).toContain('highneeds backtest');
  });

  // Found by an analyst's trial: the report said "draws of the model's uncertain rates" of a
  // model with none, whose bands are the pupils' chance alone.
  it('says what was drawn: here only the pupils, no rate row or lever having a range', () => {
    expect(words).not.toContain('uncertain rates');
    expect(words).toContain(
      'Drawn: only the pupils, one by one, and the new plans, as counts; no rate row or lever gives its uncertainty',
    );
    // Found by a review: the next paragraph then spoke of "chance in those rates".
    expect(words).not.toContain('chance in those rates');
    expect(words).toContain(
      "taken as known: chance in which pupils' plans start, end or move alone",
    );
  });

  it('speaks of chance in the rates when a rate row was drawn', () => {
    const drawn = { rows: [{ file: 'ceasing.csv' as const, observed: 2, ranged: 0 }], levers: [] };
    const withRates = fanSection(rows, '1,000', 'The model as given', drawn);
    expect(withRates.paragraphs!.join(' ')).toContain(
      "with the uncertainty they carry: chance in those rates and in which pupils' plans start, end or move",
    );
  });
});
