import { describe, expect, it } from 'vitest';
import type { HistoryStep } from '../../src/core/calibrate/history.js';
import { yearsOutOfLine } from '../../src/core/calibrate/year-out-of-line.js';
import type { Issue } from '../../src/core/issue.js';

/**
 * A partial January in a history (a user trial's last January, taken before the census was
 * complete) fitted its missing pupils as plans that ended, or new plans, without a word.
 */
const state = (ncy: number) => ({ ncy, need: 'ASD' as const, setting: 'mainstream' });
/** A year of `pupils` below NCY 20, `ceased` of whom have no plan the January after, and `joined` new plans. */
function year(y: number, pupils: number, ceased: number, joined: number): HistoryStep[] {
  const steps: HistoryStep[] = [];
  for (let i = 0; i < pupils; i += 1)
    steps.push(
      i < ceased
        ? { year: y, from: state(5), origin: { file: 'h.csv', line: i + 2 } }
        : { year: y, from: state(5), to: state(6) },
    );
  for (let i = 0; i < joined; i += 1)
    steps.push({ year: y, to: state(0), origin: { file: 'h.csv', line: 1000 + i } });
  return steps;
}
const check = (...years: HistoryStep[][]) => {
  const steps = years.flat();
  const issues: Issue[] = [];
  const first = Math.min(...steps.map((s) => s.year));
  const last = Math.max(...steps.map((s) => s.year)) + 1;
  yearsOutOfLine({ steps, first, last }, issues);
  return issues;
};

describe('a year of a history out of line with its others', () => {
  it('far more plans ended in one year asks whether the January after is whole', () => {
    const issues = check(year(2021, 200, 16, 30), year(2022, 210, 18, 32), year(2023, 220, 80, 10));
    expect(issues.map((i) => [i.severity, i.code, i.location?.line, i.message])).toEqual([
      [
        'warning',
        'YEAR_OUT_OF_LINE',
        2,
        'January 2023 to January 2024: 36.4% of the pupils below NCY 20 have no plan the January after (80 of 220), against 8.3% in the other years (34 of 410)',
      ],
    ]);
    expect(issues[0]!.hint).toContain("is January 2024's extract complete?");
    expect(issues[0]!.hint).toContain('the last January is the cohort projected from');
  });

  it('far more new plans in one year asks whether the January before is whole', () => {
    const issues = check(
      year(2021, 200, 16, 110),
      year(2022, 210, 18, 32),
      year(2023, 220, 19, 30),
    );
    expect(issues.map((i) => [i.location?.line, i.message])).toEqual([
      [1000, 'January 2021 to January 2022: 110 new plans, against 31.0 a year in the other years'],
    ]);
    expect(issues[0]!.hint).toContain("is January 2021's extract complete?");
  });

  it('years that differ by chance, or by less than twice, say nothing; nor does one year alone', () => {
    // Twice the share but within chance: 4 of 20 against 2 of 40.
    expect(check(year(2021, 40, 2, 3), year(2022, 20, 4, 3))).toEqual([]);
    // Far beyond chance but less than twice: 1,800 of 10,000 against 1,000 of 10,000.
    expect(check(year(2021, 10000, 1000, 900), year(2022, 10000, 1800, 1000))).toEqual([]);
    expect(check(year(2021, 200, 150, 500))).toEqual([]);
  });
});
