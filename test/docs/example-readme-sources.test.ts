import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/*
 * Found by the domain audit: fixtures/example/README.md said the example's mixes follow national
 * figures (the January 2025 primary-need shares, 44% mainstream and 30% special among school pupils
 * with EHCPs) without saying where they are published. Each now gives the address the project's
 * review of published sources records for it.
 */
it("the example's README cites the national figures its mixes follow", () => {
  const line = readFileSync('fixtures/example/README.md', 'utf8')
    .split('\n')
    .find((l) => l.includes('44%/30%'))!;
  expect(line).toContain(
    'https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/66002b69-6773-459a-ae98-d6c463224690',
  );
  expect(line).toContain('https://democracy.kent.gov.uk/mgAi.aspx?ID=68681&txtonly=1');
});
