import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/*
 * Found by the domain audit: the docs gave the write-off's share as an example ("0.9") and its
 * lowest-figure rule a source, but never said that 90% of the high-needs deficit at the end of
 * 2025-26, paid in 2026-27, is the published policy, nor where it is published, nor that the tool
 * has no default. An officer copying "0.9" could not tell a policy figure from a made-up one.
 */
const NOTE =
  'https://www.gov.uk/government/publications/explanatory-note-on-the-governments-approach-to-dedicated-schools-grant-deficits/explanatory-note-on-the-governments-approach-dedicated-schools-grant-deficits';

it("docs/methodology.md gives the write-off's policy figures with their source", () => {
  const bullet = readFileSync('docs/methodology.md', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('- **The 2026 write-off**'))!;
  const policy = bullet.slice(0, bullet.indexOf('With `writeOff` in model.json'));
  expect(policy).toMatch(/90% of an eligible area's high-needs DSG deficit at the end of 2025-26/);
  expect(policy).toMatch(/autumn 2026 \(financial year 2026-27\)/);
  expect(policy).toContain(NOTE);
  expect(policy).toMatch(/no default/);
});

it("README.md's writeOff says its figures are the policy's and where they are sourced", () => {
  const readme = readFileSync('README.md', 'utf8');
  const field = readme.slice(
    readme.indexOf('optional `writeOff`'),
    readme.indexOf('`share` (`"0.9"`)'),
  );
  expect(field).toMatch(/90% of the high-needs deficit at the end of 2025-26, paid in 2026-27/);
  expect(field).toContain('docs/methodology.md#block-transfers-the-2026-write-off');
});
