import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { RECORDED_SOURCES } from '../docs/recorded-sources.js';
import { cli } from '../helpers/run-cli.js';

/*
 * Found by the domain audit: the tariff stub calibrate writes cited DfE's 2025 to 2026 high-needs
 * funding arrangements by an address the project's review of published sources does not record
 * (it records the 2024 to 2025 arrangements, which the shipped tariffs cite for place and top-up
 * funding). A table the tool writes cites only recorded sources, as the shipped ones do.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-calibrate-stub-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("calibrate's tariff stub cites a source the project recorded", async () => {
  const out = path.join(scratch, 'model');
  const run = await cli([
    ...['calibrate', '--snapshots', 'fixtures/history/snapshots.csv', '--out-dir', out],
    ...['--population', 'fixtures/history/population.csv', '--codes', 'fixtures/history/codes.csv'],
    ...['--costs', 'fixtures/history/costs.csv'],
  ]);
  expect(run.stderr).not.toMatch(/error/);
  const tariff = JSON.parse(readFileSync(path.join(out, 'tariff.json'), 'utf8')) as {
    references: { url: string }[];
  };
  expect(tariff.references.map((r) => r.url)).toEqual([
    'https://gov.uk/government/publications/high-needs-funding-arrangements-2024-to-2025',
  ]);
  expect(RECORDED_SOURCES).toContain(tariff.references[0]!.url);
});
