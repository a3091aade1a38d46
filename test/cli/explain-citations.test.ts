import { describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS } from '../../src/report/rows.js';
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
