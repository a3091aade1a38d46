import { describe, expect, it } from 'vitest';
import { toCount2dp, toPence } from '../../src/core/rounding.js';
import { loadFixture, projectOrThrow } from '../helpers/model.js';

// The worked example of docs/methodology.md, checked by hand there line by line.
describe('worked example (docs/methodology.md)', () => {
  const projection = projectOrThrow(loadFixture('worked-example'));
  const [fy26, fy27] = projection.years;

  it('steps the cohort: 17 → 20 → 29 pupils, with the flows of each step', () => {
    expect(projection.academicYears.map((ay) => ay.pupils.toString())).toEqual(['17', '20', '29']);
    const flows = projection.academicYears[1]!.flows!;
    expect(
      [flows.opening, flows.ceased, flows.agedOut, flows.moved, flows.newPlans, flows.closing].map(
        String,
      ),
    ).toEqual(['17', '1', '2', '2', '6', '20']);
  });

  it('2026-27: top-ups 209,200.00 exactly; places 91,666.666… (5/12 of 8 places + 7/12 of 10)', () => {
    expect(fy26!.spendTopUp.toString()).toBe('209200');
    expect(toPence(fy26!.spendPlace)).toBe('91666.67');
    expect(toPence(fy26!.spendTotal)).toBe('300866.67');
    expect(toPence(fy26!.inYearBalance)).toBe('-866.67');
    expect(toPence(fy26!.cumulativeBalance)).toBe('-100866.67');
    expect(toCount2dp(fy26!.pupilsJanuary)).toBe('20.00');
  });

  it('2027-28: the September 2026 special rate is uplifted 5% on 1 April 2027; HNB grown 10%', () => {
    expect(fy27!.spendTopUp.toString()).toBe('262788.75');
    expect(toPence(fy27!.spendPlace)).toBe('70833.33');
    expect(toPence(fy27!.spendTotal)).toBe('333622.08');
    expect(fy27!.income.hnb.toString()).toBe('330000');
    expect(fy27!.income.hnbBasis).toBe('grown');
    expect(fy27!.income.total.toString()).toBe('335000');
    expect(toPence(fy27!.inYearBalance)).toBe('1377.92');
    // Rounded from the unrounded running total, not from the rounded years: −100,866.67 + 1,377.92 would give −99,488.75 too, by luck.
    expect(fy27!.cumulativeBalance.toString()).toBe('-99488.75');
  });

  it('by setting: independent fee 60,000 uplifted to 63,000 then 66,150', () => {
    const independent = (i: number) =>
      projection.years[i]!.settings.find((s) => s.setting === 'independent')!;
    expect(independent(0).spendTopUp.toString()).toBe('63000');
    expect(independent(1).spendTopUp.toString()).toBe('66150');
  });
});
