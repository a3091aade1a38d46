import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

// Found in an officer's trial: with the model's own dsg-plan-map.csv, the DSG plan said it was
// mapped "by t5/dsg-plan-map.csv, which you can copy next to the model as dsg-plan-map.csv and
// edit": the path from the working folder (so the same inputs gave other bytes when run from
// elsewhere, against the provenance's promise) and advice to copy the file where it already was.
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-own-map-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const model = path.resolve('fixtures/errors/DSG_MAP_SETTING_UNKNOWN');

it("the model's own map is named as the model's, and the report is the same bytes from any working folder", async () => {
  const here = path.join(scratch, 'here.html');
  const inside = path.join(scratch, 'inside.html');
  const fromHere = await cli(['report', path.relative(process.cwd(), model), '--out', here]);
  const fromInside = await cli(['report', '.', '--out', inside], { cwd: model });
  expect(fromHere.code, fromHere.stderr).toBe(0);
  expect(fromInside.code, fromInside.stderr).toBe(0);
  const html = readFileSync(here, 'utf8');
  expect(html).toContain(
    'mapped to the template&#39;s categories by the model&#39;s own dsg-plan-map.csv: edit it to change them.',
  );
  expect(html).not.toContain('copy');
  expect(readFileSync(inside, 'utf8')).toBe(html);
});
