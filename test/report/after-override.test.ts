import { describe, expect, it } from 'vitest';
import { deficitAfterOverride } from '../../src/core/override.js';
import { toPence } from '../../src/core/rounding.js';
import { projectModel } from '../../src/io/project-model.js';
import { afterOverrideText, headline } from '../../src/report/headline.js';
import { fixture } from '../helpers/model.js';
import { cli } from '../helpers/run-cli.js';

/**
 * docs/methodology.md, "The statutory override": after its last FY (2027-28, domain brief §2.7) a
 * DSG deficit is no longer held apart in an unusable reserve, and what meets it is not decided
 * (from 2028-29 SEND costs sit inside DfE's spending limits). The example runs to 2030-31: the
 * officer must read that its deficit is then no longer held apart, and no more than that.
 */
describe('the deficit after the statutory override ends', () => {
  const projection = projectModel(fixture('example')).projection!;
  const horizon = projection.years.at(-1)!;

  it('is the deficit at the horizon, from the FY after the override', () => {
    const after = headline(projection).deficitAfterOverride!;
    expect([after.from, after.financialYear]).toEqual([2028, 2030]);
    expect(toPence(after.deficit)).toBe(toPence(horizon.cumulativeBalance.negated()));
    expect(afterOverrideText(after, toPence)).toBe(
      `from 2028-29 the statutory override no longer holds the DSG deficit apart, and how a deficit still open then is met is not decided (£${toPence(after.deficit)} at the end of 2030-31)`,
    );
  });

  it('is not there when the override lasts to the horizon or beyond, or the horizon is in surplus', () => {
    expect(deficitAfterOverride(projection.years, 2030)).toBeUndefined();
    expect(deficitAfterOverride(projection.years, 2031)).toBeUndefined();
    expect(deficitAfterOverride(projection.years, undefined)).toBeUndefined();
    const surplus = projection.years.map((y) => ({
      ...y,
      cumulativeBalance: y.cumulativeBalance.negated(),
    }));
    expect(deficitAfterOverride(surplus, 2027)).toBeUndefined();
  });

  it("is in project's table under the override line, and in the JSON headline", async () => {
    const table = await cli(['project', '--format', 'table']);
    expect(table.stdout).toContain(
      'from 2028-29 the statutory override no longer holds the DSG deficit apart, and how a deficit still open then is met is not decided',
    );
    const json = JSON.parse((await cli(['project', '--format', 'json'])).stdout) as {
      headline: { deficit_after_override: { from: string; financial_year: string } };
    };
    expect(json.headline.deficit_after_override).toMatchObject({
      from: '2028-29',
      financial_year: '2030-31',
    });
  });
});
