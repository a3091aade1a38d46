import { describe, expect, it } from 'vitest';
import { error, warning } from '../../src/core/issue.js';
import { issuesWithAreas } from '../../src/report/area-issues.js';

const shared = warning('RANGE_UNPRICED', 'no rate in force', { file: 'new-plans.csv', line: 2 });
const own = {
  ...error('NO_COHORT_ROWS', 'area "N03" has no rows in cohort.csv', {
    file: 'areas.csv',
    line: 4,
  }),
  area: 'N03',
};
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
    // The same words at the same place in three areas are one problem, as uniqueIssues takes them.
    expect(issuesWithAreas(areas, [global], 4).map((issue) => issue.standsFor ?? 1)).toEqual([
      1, 1, 1,
    ]);
    expect(lines(issuesWithAreas(areas.slice(0, 3), [], 3))).toContain(
      'new-plans.csv:2 RANGE_UNPRICED no rate in force (every area)',
    );
    expect(lines(issuesWithAreas(areas.slice(1, 2), [], 4))).toEqual([
      'new-plans.csv:2 RANGE_UNPRICED no rate in force (area N01)',
    ]);
  });
});

describe('the same problem at the same place in many areas is said once', () => {
  const missing = (code: string) =>
    error(
      'NFF_AREA_MISSING',
      `the file has no row for area ${code}, the model's area code`,
      { file: 'nff.csv' },
      "the file's areas: 800, 801",
    );
  const areas = Array.from({ length: 12 }, (_, i) => `E${1001 + i}`).map((code) => ({
    code,
    issues: [missing(code)],
  }));

  it("with the first area's words and the others counted, past eight of them by number", () => {
    expect(lines(issuesWithAreas(areas, [], 153))).toEqual([
      "nff.csv:undefined NFF_AREA_MISSING the file has no row for area E1001, the model's area code (area E1001); also in 11 other areas: E1002, E1003, E1004, E1005, E1006, E1007, E1008, E1009 and 3 more",
    ]);
    // The one line stands for each area's problem: the closing count counts them (Issue.standsFor).
    expect(issuesWithAreas(areas, [], 153).map((issue) => issue.standsFor)).toEqual([12]);
    expect(lines(issuesWithAreas(areas.slice(0, 2), [], 2))).toEqual([
      "nff.csv:undefined NFF_AREA_MISSING the file has no row for area E1001, the model's area code (area E1001); also in 1 other area: E1002",
    ]);
  });

  it('but not across places, codes or hints', () => {
    const elsewhere = { ...missing('E1002'), location: { file: 'other.csv' } };
    const otherHint = { ...missing('E1003'), hint: 'another hint' };
    const found = issuesWithAreas(
      [
        { code: 'E1001', issues: [missing('E1001')] },
        { code: 'E1002', issues: [elsewhere] },
        { code: 'E1003', issues: [otherHint] },
      ],
      [],
      3,
    );
    expect(found).toHaveLength(3);
  });
});

describe('two problems of one area at one place are both said (found by a review)', () => {
  // One area's two warnings of one code at one place with one hint, told apart by their words
  // (as two tariff settings read without a location would be): grouping by place took the second
  // for the first's in another area, and dropped it, since its area was the first's.
  const suspect = (setting: string) =>
    warning('PLACE_FUNDER_SUSPECT', `setting "${setting}" looks DfE-funded`, undefined, 'mark it');
  it('each once, with its areas', () => {
    const areas = ['N01', 'N02'].map((code) => ({
      code,
      issues: [suspect('nmss'), suspect('fe-college')],
    }));
    expect(lines(issuesWithAreas(areas, [], 3))).toEqual([
      'undefined:undefined PLACE_FUNDER_SUSPECT setting "fe-college" looks DfE-funded (areas N01 and N02)',
      'undefined:undefined PLACE_FUNDER_SUSPECT setting "nmss" looks DfE-funded (areas N01 and N02)',
    ]);
  });
});

// Found by the house list: whether an issue named its area was read out of its words, so a
// message quoting a cell that happens to be the area's code ('band "1"' in area 1) lost its area.
describe('an issue names its area only where it says so as data (Issue.area)', () => {
  it('a quoted value that is the area code is not the area named', () => {
    const band = warning('PLACE_FUNDER_SUSPECT', 'band "1" of setting "special" looks odd', {
      file: 'tariff.json',
    });
    expect(lines(issuesWithAreas([{ code: '1', issues: [band] }], [], 2))).toEqual([
      'tariff.json:undefined PLACE_FUNDER_SUSPECT band "1" of setting "special" looks odd (area 1)',
    ]);
  });
});

describe('problems told apart by their line alone are one only when their words are (found by a review)', () => {
  const modelled = (line: number, what: string) =>
    warning(
      'SPEND_LINE_MODELLED',
      `spend line "x" is s251 ${what}`,
      { file: 'spend.csv', line, column: 5 },
      'remove the line',
    );
  it("one area's place funding and another's top-ups are two lines", () => {
    const areas = [
      { code: 'N01', issues: [modelled(4, '1.0.2, high-needs place funding')] },
      { code: 'N02', issues: [modelled(5, '1.2.1, top-up funding to maintained schools')] },
    ];
    expect(lines(issuesWithAreas(areas, [], 4))).toEqual([
      'spend.csv:4 SPEND_LINE_MODELLED spend line "x" is s251 1.0.2, high-needs place funding (area N01)',
      'spend.csv:5 SPEND_LINE_MODELLED spend line "x" is s251 1.2.1, top-up funding to maintained schools (area N02)',
    ]);
  });
  it('but the same words with their own area and figures are one, with each line', () => {
    const areas = [
      { code: 'N01', issues: [modelled(4, '1.2.1 for N01, £25,000.00 in 2026-27')] },
      { code: 'N02', issues: [modelled(9, '1.2.1 for N02, -£4,000.00 in 2027-28')] },
    ];
    expect(lines(issuesWithAreas(areas, [], 4))).toEqual([
      'spend.csv:4 SPEND_LINE_MODELLED spend line "x" is s251 1.2.1 for N01, £25,000.00 in 2026-27 (area N01); also in 1 other area: N02 (line 9)',
    ]);
  });
});
