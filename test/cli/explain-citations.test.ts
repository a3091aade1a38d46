import { describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS } from '../../src/report/rows.js';
import { publishedWorkedExampleTariff } from '../helpers/published-tariff.js';
import { cli } from '../helpers/run-cli.js';

// A source-honesty review of explain: underlying_in_year_balance's rule cited "domain brief §2.5,
// §2.6", the team's internal notes, which no reader of the output has; a citation must be one
// the reader can follow (a document of the package, or a title and address).
const FIGURES = SUMMARY_COLUMNS.filter(
  (c) => c !== 'area_code' && c !== 'area_name' && c !== 'financial_year',
);

describe('explain cites only what its reader can follow', () => {
  it('no figure of the example names the team’s internal brief', async () => {
    expect(FIGURES).toContain('underlying_in_year_balance');
    for (const figure of FIGURES) {
      const args = `explain fixtures/example --scenario safety-valve --year 2026-27 --figure ${figure}`;
      const run = await cli(args.split(' '), { columns: 400 });
      expect(run.code, `${figure}: ${run.stderr}`).toBe(0);
      expect(run.stdout, figure).not.toMatch(/domain brief|team's brief/i);
    }
  });
});

// A rate's standing as charged (src/core/derived-status.ts): the worked example's special band B,
// marked published at £13,200, is charged £13,860 in 2027-28 after an uplift: worked out from the
// published figure, not published, so its line says derived while its tariff row stays published.
describe('explain gives an uplifted published rate the standing derived', () => {
  it('the line says derived; the JSON keeps the row published beside the rate derived', async () => {
    const file = publishedWorkedExampleTariff();
    const args = [
      'explain',
      'fixtures/worked-example',
      '--year',
      '2027-28',
      '--figure',
      'spend_top_up',
      '--tariff',
      file,
    ];
    const shown = await cli(args, { columns: 200 });
    expect(shown.code, shown.stderr).toBe(0);
    const band = shown.stdout.split('\n').filter((line) => line.includes('band B, need *'));
    expect(band).toHaveLength(2);
    for (const line of band)
      expect(line).toMatch(/13,860\.00 +\d+ +2026-09-01 \+1 uplift +derived +src/);
    const json = JSON.parse((await cli([...args, '--format', 'json'])).stdout) as unknown;
    const charged: { annual_rate: number; status: string; row: { status: string } }[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        if ('annual_rate' in value) charged.push(value as (typeof charged)[number]);
        Object.values(value).forEach(walk);
      }
    };
    walk(json);
    const uplifted = charged.filter((rate) => rate.annual_rate === 13860);
    expect(uplifted).toHaveLength(2);
    for (const rate of uplifted)
      expect([rate.status, rate.row.status]).toEqual(['derived', 'published']);
  });
});
