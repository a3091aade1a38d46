import { describe, expect, it } from 'vitest';
import { firstUnderlyingInYearBalance } from '../../src/core/underlying-balance.js';
import { formatFinancialYear } from '../../src/core/period.js';
import { openModel, projectOpened } from '../../src/io/open-model.js';
import { projectModel } from '../../src/io/project-model.js';
import { headline, headlineText } from '../../src/report/headline.js';
import { headlineSection } from '../../src/report/presentation/headline-section.js';
import { fixture } from '../helpers/model.js';
import { cli } from '../helpers/run-cli.js';

const example = fixture('example');

describe('"in-year balance first reached" has one meaning (docs/scenarios.md)', () => {
  it('the headline leaves out Safety Valve payments and says so', () => {
    const { projection } = projectModel(example, { scenario: 'safety-valve' });
    expect(projection).toBeTruthy();
    // With the payments the example is in balance from its first year, without them never:
    // the two must not be mixed up on one page.
    expect(projection!.years[0]!.inYearBalance.isNegative()).toBe(false);
    expect(headline(projection!).firstInYearBalance).toBe(
      firstUnderlyingInYearBalance(projection!.years),
    );
    expect(headlineText(headline(projection!), (a) => a.toFixed(2))).toMatch(
      /^no underlying in-year balance \(before Safety Valve payments and local authority contributions\) by 2030-31;/,
    );
  });

  it('the headline leaves out the write-off grant and says so: its year can show a surplus in the summary', () => {
    // Found by a review: fixtures/nff/model's write-off (£4,320,000 in 2026-27) is in that year's
    // in_year_balance (with --hnb-from, as test/golden/nff-model.txt runs it, a surplus of
    // £1,064,400), while the headline said "no in-year balance" without naming its basis.
    const { projection } = projectModel(fixture('nff/model'), {});
    const first = projection!.years[0]!;
    expect(first.income.writeOff.toFixed(2)).toBe('4320000.00');
    expect(first.inYearBalance.minus(first.income.writeOff).isNegative()).toBe(true);
    expect(headlineText(headline(projection!), (a) => a.toFixed(2))).toMatch(
      /^no underlying in-year balance \(before the write-off grant\) by 2028-29;/,
    );
  });

  it('a scenario without Safety Valve income names only the contribution it leaves out', () => {
    // The example's funding.csv has a general fund contribution in 2026-27 (la_contribution).
    const { projection } = projectModel(example, { scenario: 'mitigated' });
    const text = headlineText(headline(projection!), (a) => a.toFixed(2));
    expect(text).toMatch(
      /^(no underlying in-year balance \(before local authority contributions\) by|underlying in-year balance \(before local authority contributions\) first reached in) /,
    );
    // Without it, the plain words.
    const open = openModel(example);
    const model = open.model!;
    const without = projectOpened(
      {
        ...open,
        model: { ...model, funding: model.funding.filter((r) => r.line !== 'la_contribution') },
      },
      'mitigated',
    ).projection!;
    expect(headlineText(headline(without), (a) => a.toFixed(2))).toMatch(
      /^(no in-year balance by|in-year balance first reached in) /,
    );
  });

  it("project's table and the report's headline say the basis, and the targets table agrees", async () => {
    const table = await cli(['project', '--scenario', 'safety-valve', '--format', 'table']);
    expect(table.stdout).toContain(
      'no underlying in-year balance (before Safety Valve payments and local authority contributions) by 2030-31',
    );
    const compared = await cli([
      'compare',
      '--scenarios',
      'unmitigated,safety-valve',
      '--format',
      'table',
    ]);
    const { projection } = projectModel(example, { scenario: 'safety-valve' });
    const first = headline(projection!).firstInYearBalance;
    expect(compared.stderr + compared.stdout).toContain(
      `first reached: ${first === undefined ? 'not within the projection' : formatFinancialYear(first)}`,
    );
  });
});

describe("the headline table's override column", () => {
  it('names the year the model says the statutory override ends, not a fixed one', () => {
    const { projection } = projectModel(example, {});
    const label = (overrideEnd: number) =>
      headlineSection([
        {
          scenario: {
            id: 'x',
            label: 'x',
            assumptions: {},
            funding: [],
            levers: [],
            inheritedLevers: 0,
          },
          projection: { ...projection!, overrideEnd },
          breakdown: [],
        },
      ]).tables![0]!.columns.find((c) => c.key === 'override')!.label;
    expect(label(2027)).toBe('Cumulative balance, end of 2027-28 (override ends), if in deficit');
    expect(label(2028)).toBe('Cumulative balance, end of 2028-29 (override ends), if in deficit');
  });
});
