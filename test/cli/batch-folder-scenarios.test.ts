import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const FOLDERS = 'fixtures/errors/SCENARIOS_NOT_READ';
const scratch = () => mkdtempSync(path.join(tmpdir(), 'highneeds-folder-scenarios-'));

describe("batch over a folder of model folders and a folder's own scenarios.json", () => {
  it('says the file is not read, and how to run it, instead of modelling the folder as given in silence', async () => {
    const out = scratch();
    const result = await cli(['batch', FOLDERS, '--out-dir', out, '--quiet', '--jobs', '1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `${FOLDERS}/a/scenarios.json: warning SCENARIOS_NOT_READ: not read:`,
    );
    expect(result.stderr).toContain(`highneeds project ${FOLDERS}/a --scenario ID`);
    // The folder is modelled as given: the summary's scenario is empty, as the warning says.
    const summary = readFileSync(path.join(out, 'summary.csv'), 'utf8').split('\n');
    expect(summary[1]).toMatch(/^998,Other Borough,,/);
  });

  it("an unknown --scenarios id names the scenarios.json batch reads, not a national model's", async () => {
    const result = await cli(['batch', FOLDERS, '--out-dir', scratch(), '--scenarios', 'base']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--scenarios: error UNKNOWN_SCENARIO: scenario "base" is not defined',
    );
    expect(result.stderr).toContain(
      "hint: there is no scenarios.json beside the model folders (a folder's own is not read by batch: run project or compare on that folder)",
    );
    expect(result.stderr).not.toContain('national model');
  });
});
