import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { inProcess } from './in-process.js';

const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-report-'));

/**
 * `report fixtures/worked-example --out here.html`, run once for the two tests that read it (issue
 * 18, item 5: the suite's time): the report names no output file, so one file serves both.
 */
let worked: Promise<string> | undefined;
function workedExample(): Promise<string> {
  worked ??= (async () => {
    const here = path.join(dir, 'here.html');
    const run = await inProcess(['report', 'fixtures/worked-example', '--out', here, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    return readFileSync(here, 'utf8');
  })();
  return worked;
}

describe('highneeds report', () => {
  it('chooses HTML or XLSX by the extension of --out; anything else is a usage error that writes nothing', async () => {
    const pdf = path.join(dir, 'report.pdf');
    const run = await inProcess(['report', 'fixtures/example', '--out', pdf]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'the report is written as HTML (.html) or as an Excel workbook (.xlsx)',
    );
    expect(existsSync(pdf)).toBe(false);
    expect((await inProcess(['report', 'fixtures/example'])).code).toBe(2);
  });

  it('writes the same bytes from another working folder (provenance paths relative to the model folder)', async () => {
    const elsewhere = path.join(dir, 'elsewhere.html');
    // Run from the scratch folder, with a path to the model that is not below it: in process, the
    // working folder changed for the run (test/helpers/run-cli.ts), as manifest-paths.test.ts does
    // for the manifests; a spawned binary costs some 0.5 s of CPU more and checks nothing else here
    // (start-up from another folder is package.test.ts's).
    const run = await cli(
      ['report', path.resolve('fixtures/worked-example'), '--out', elsewhere, '--quiet'],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(elsewhere, 'utf8');
    expect(html).not.toContain(path.resolve('fixtures'));
    expect(html).toBe(await workedExample());
  });

  it("lists each lever's figure and the range a simulation draws it from, beside its label", async () => {
    const out = path.join(dir, 'levers.html');
    const args = ['--scenarios-file', 'fixtures/lever-ranges/scenarios.json', '--out', out];
    expect((await inProcess(['report', 'fixtures/example', ...args, '--quiet'])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('How much (and, simulated, its range)');
    expect(html).toContain('share -0.1; simulated from -0.25 to 0 (triangular)');
    expect(html).toContain('share 0.25; simulated from 0 to 0.5 (uniform)');
    expect(html).toContain('40 places in special-maintained; simulated from 20 to 40 (triangular)');
  });

  it('reports a bad dsg-plan-map.csv where it is, and writes nothing', async () => {
    const out = path.join(dir, 'bad.html');
    const run = await inProcess(['report', 'fixtures/errors/INVALID_DSG_MAP', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('dsg-plan-map.csv:3:1: error INVALID_DSG_MAP');
    expect(existsSync(out)).toBe(false);
  });

  it('reports a model without scenarios as given, with the map it used', async () => {
    const html = await workedExample();
    expect(html).toContain('The model as given');
    expect(html).toContain(
      'the default map shipped with highneeds (templates/dsg-plan-map.csv in its package): to change them, copy that file into the model folder as dsg-plan-map.csv',
    );
    expect(html).not.toContain('Savings by lever');
  });

  it('an unknown scenario is a usage error at --scenarios', async () => {
    const run = await inProcess([
      'report',
      'fixtures/example',
      '--scenarios',
      'nope',
      '--out',
      path.join(dir, 'x.html'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--scenarios: error UNKNOWN_SCENARIO');
  });
});
