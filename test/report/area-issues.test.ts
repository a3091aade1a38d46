import { describe, expect, it } from 'vitest';
import { error, warning } from '../../src/core/issue.js';
import { issuesWithAreas } from '../../src/report/area-issues.js';

const shared = warning('RANGE_UNPRICED', 'no rate in force', { file: 'new-plans.csv', line: 2 });
const own = error('NO_COHORT_ROWS', 'area "N03" has no rows in cohort.csv', {
  file: 'areas.csv',
  line: 4,
});
const global = warning('UNKNOWN_COLUMN', 'column "x" is not used', { file: 'areas.csv', line: 1 });
const lines = (issues: ReturnType<typeof issuesWithAreas>) =>
  issues.map((i) => `${i.location?.file}:${i.location?.line} ${i.code} ${i.message}`);

describe("a national run's issues say which areas they are of", () => {
  it('once each: every area, some areas, one area, the national files’ own as they are', () => {
    const areas = [
      { code: 'N02', issues: [shared, global] },
      { code: 'N01', issues: [shared] },
      { code: 'N04', issues: [shared] },
      { code: 'N03', issues: [own] },
    ];
    expect(lines(issuesWithAreas(areas, [global], 4))).toEqual([
      'areas.csv:1 UNKNOWN_COLUMN column "x" is not used',
      'areas.csv:4 NO_COHORT_ROWS area "N03" has no rows in cohort.csv',
      'new-plans.csv:2 RANGE_UNPRICED no rate in force (areas N01, N02 and N04)',
    ]);
    expect(lines(issuesWithAreas(areas.slice(0, 3), [], 3))).toContain(
      'new-plans.csv:2 RANGE_UNPRICED no rate in force (every area)',
    );
    expect(lines(issuesWithAreas(areas.slice(1, 2), [], 4))).toEqual([
      'new-plans.csv:2 RANGE_UNPRICED no rate in force (area N01)',
    ]);
  });
});
