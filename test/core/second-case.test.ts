import { describe, expect, it } from 'vitest';
import { toPence } from '../../src/core/rounding.js';
import { loadFixture, projectOrThrow } from '../helpers/model.js';

/*
 * A second case worked from issue 2's rules alone (fixtures/second-case), exercising what the
 * worked example does not: pupil-level rows mixed with aggregates (CRLF, lower-case needs), an
 * exact-need rate beating "*", the most specific ceasing rule, a new-plans override for one
 * year, tariffUplift applied under uplift "none", a rate change on 1 January, places defaulting
 * to pupils, an HNB grown from a year before the projection, and every income line.
 *
 * FY 2025-26: Apr–Aug 2025 (AY 2024/25: ms ASD 2 × 1,100 + SLCN 3 × 2,200; rp 4 × 3,000; places 4 × 6,000)
 *   = 8,800 × 5/12 + 12,000 × 5/12 + 24,000 × 5/12
 *   Sep–Dec 2025 (AY 2025/26: ms 7 × 1,100 + 3 × 2,200 = 14,300; rp 3 × 3,000; places 3 × 6,000) × 4/12
 *   Jan–Mar 2026 (rp rate 3,600 from 1 Jan, not yet uplifted) × 3/12
 *   top-ups 3,666.67 + 5,000 + 4,766.67 + 3,000 + 3,575 + 2,700 = 22,708.33; places 20,500
 * FY 2026-27: rates ×1.1 on 1 Apr 2026 (ms 1,210 / 2,420; rp 3,960)
 *   Apr–Aug 2026: ms 15,730 × 5/12; rp 11,880 × 5/12; places 18,000 × 5/12
 *   Sep 2026–Mar 2027 (AY 2026/27: ASD 15, HI 4.5, SLCN 3): ms 30,855 × 7/12; rp 11,880 × 7/12; places 18,000 × 7/12
 *   top-ups 6,554.17 + 4,950 + 17,998.75 + 6,930 = 36,432.92; places 18,000
 */
describe('second hand-checked case', () => {
  const projection = projectOrThrow(loadFixture('second-case'));
  const [fy25, fy26] = projection.years;

  it('pupils: 9 → 13 → 25.5 (ceasing 0.5 at NCY 3 except SLCN; 0.25 in rp at NCY 10; override of 10 new ASD plans in 2026/27)', () => {
    expect(projection.academicYears.map((ay) => ay.pupils.toString())).toEqual(['9', '13', '25.5']);
  });

  it('FY 2025-26 to the penny', () => {
    expect(toPence(fy25!.spendTopUp)).toBe('22708.33');
    expect(fy25!.spendPlace.toString()).toBe('20500');
    expect(fy25!.income.hnb.toString()).toBe('21000');
    expect(fy25!.income.other.toString()).toBe('150');
    expect(toPence(fy25!.inYearBalance)).toBe('-22058.33');
  });

  it('FY 2026-27 to the penny, cumulative from unrounded values', () => {
    expect(toPence(fy26!.spendTopUp)).toBe('36432.92');
    expect(fy26!.spendPlace.toString()).toBe('18000');
    expect(fy26!.income.hnb.toString()).toBe('22050');
    expect(fy26!.income.safetyValve.toString()).toBe('1000');
    expect(toPence(fy26!.inYearBalance)).toBe('-31382.92');
    expect(fy26!.cumulativeBalance.toString()).toBe('-53441.25');
  });
});
