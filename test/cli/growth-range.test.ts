import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests (validate of a national model reads areas.csv on this
// thread): its commands run on one (the reason is in the helper).
asOnOneCore();

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-growth-range-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of `from` named `name`, with `edits` (file → its text → new text) made. */
function copy(from: string, name: string, edits: Record<string, (text: string) => string>): string {
  const dir = path.join(scratch, name);
  cpSync(from, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const at = path.join(dir, file);
    const text = readFileSync(at, 'utf8');
    const changed = edit(text);
    expect(changed, file).not.toBe(text);
    writeFileSync(at, changed);
  }
  return dir;
}

const RANGE = 'a yearly growth is a share above -1 and at most 1';

/** The GROWTH_OUT_OF_RANGE lines of stderr, without the folder. */
function growthErrors(stderr: string, dir: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.includes('GROWTH_OUT_OF_RANGE'))
    .map((line) => line.replace(`${dir}/`, ''));
}

// Found by a user trial: a growth of 3 (meant as 3%) is 300% a year, and one of -2 makes money negative;
// validate said ok and project printed negative top-up spend and an HNB of £9.5bn.
describe('a yearly growth or uplift outside (-1, 1] is a located error', () => {
  it("model.json's assumptions, otherSpendGrowth and spend.csv's growth, each where it is written", async () => {
    const dir = copy('fixtures/example', 'one-area', {
      'model.json': (text) =>
        text
          .replace('"hnbGrowth": "0.03"', '"hnbGrowth": "3"')
          .replace('"tariffUplift": "0"', '"tariffUplift": "-2", "otherSpendGrowth": "-1"')
          // 100% a year and a fall of 99% are extreme but not money made up: allowed.
          .replace('"newPlansGrowth": "0.06"', '"newPlansGrowth": "1"'),
    });
    writeFileSync(
      path.join(dir, 'spend.csv'),
      'financial_year,line,amount,growth\n2026-27,SEN support services,1000000,5\n2026-27,Hospital education,1000,500%\n2026-27,Therapies,1000,-100%\n2026-27,Outreach,1000,-0.99\n2026-27,Pilot,1000,100%\n',
    );
    const result = await cli(['validate', dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(growthErrors(result.stderr, dir)).toEqual([
      `model.json:8:18: error GROWTH_OUT_OF_RANGE: $.assumptions.hnbGrowth is 3, a rise of 300% a year; ${RANGE}`,
      `model.json:9:21: error GROWTH_OUT_OF_RANGE: $.assumptions.tariffUplift is -2, a fall of 200% a year, which leaves less than nothing; ${RANGE}`,
      `model.json:9:47: error GROWTH_OUT_OF_RANGE: $.assumptions.otherSpendGrowth is -1, a fall of 100% a year, which leaves nothing; ${RANGE}`,
      `spend.csv:2:4: error GROWTH_OUT_OF_RANGE: "growth" is 5, a rise of 500% a year; ${RANGE}`,
      `spend.csv:3:4: error GROWTH_OUT_OF_RANGE: "growth" is 500%, a rise of 500% a year; ${RANGE}`,
      `spend.csv:4:4: error GROWTH_OUT_OF_RANGE: "growth" is -100%, a fall of 100% a year, which leaves nothing; ${RANGE}`,
    ]);
    // How to write a growth, in the file's own notation: JSON takes plain decimal strings, a model CSV a percentage too.
    expect(result.stderr).toContain('  hint: write 5% as "0.05" and a fall of 2% as "-0.02"\n');
    expect(result.stderr).toContain(
      '  hint: write 5% as 0.05 or 5%, and a fall of 2% as -0.02 or -2%\n',
    );
  });

  it("a scenario's assumptions", async () => {
    const dir = copy('fixtures/example', 'scenario', {
      'scenarios.json': (text) =>
        text.replace(
          '"label": "Unmitigated: current trends continue (DBV)"',
          '"label": "Unmitigated: current trends continue (DBV)", "assumptions": { "hnbGrowth": "3", "tariffUplift": "-2", "newPlansGrowth": "-0.5" }',
        ),
    });
    const result = await cli(['validate', dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(growthErrors(result.stderr, dir)).toEqual([
      `scenarios.json:5:92: error GROWTH_OUT_OF_RANGE: $.scenarios[0].assumptions.hnbGrowth is 3, a rise of 300% a year; ${RANGE}`,
      `scenarios.json:5:113: error GROWTH_OUT_OF_RANGE: $.scenarios[0].assumptions.tariffUplift is -2, a fall of 200% a year, which leaves less than nothing; ${RANGE}`,
    ]);
  });

  it("areas.csv's growth columns in a national model", async () => {
    const dir = copy('fixtures/national', 'national', {
      'areas.csv': (text) =>
        text.replace('N02,Southbury,,0.10,0.05,,', 'N02,Southbury,,10,5,-150%,'),
    });
    const result = await cli(['validate', dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(growthErrors(result.stderr, dir)).toEqual([
      `areas.csv:3:4: error GROWTH_OUT_OF_RANGE: "newPlansGrowth" is 10, a rise of 1000% a year; ${RANGE} (area N02)`,
      `areas.csv:3:5: error GROWTH_OUT_OF_RANGE: "hnbGrowth" is 5, a rise of 500% a year; ${RANGE} (area N02)`,
      `areas.csv:3:6: error GROWTH_OUT_OF_RANGE: "tariffUplift" is -150%, a fall of 150% a year, which leaves less than nothing; ${RANGE} (area N02)`,
    ]);
  });

  it("a tariff's yearly uplift", async () => {
    const dir = copy('fixtures/errors/_valid', 'tariff', {
      'tariff.json': (text) =>
        text.replace(
          '"uplift": { "method": "none" }',
          '"uplift": { "method": "percent", "annualRate": "2" }',
        ),
    });
    const result = await cli(['validate', dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(growthErrors(result.stderr, dir)).toEqual([
      `tariff.json:18:50: error GROWTH_OUT_OF_RANGE: $.uplift.annualRate is 2, a rise of 200% a year; ${RANGE}`,
    ]);
  });

  it("tariffs import's uplift_annual_rate", async () => {
    const out = path.join(scratch, 'exported');
    const tariff = 'fixtures/errors/_valid/tariff.json';
    expect((await cli(['tariffs', 'export', tariff, '--csv', '--out-dir', out])).code).toBe(0);
    const meta = path.join(out, 'tariff.csv');
    writeFileSync(
      meta,
      readFileSync(meta, 'utf8').replace(
        'uplift_method,none',
        'uplift_method,percent\nuplift_annual_rate,2.5',
      ),
    );
    const args = ['rates', 'settings', 'references'].map((name) => path.join(out, `${name}.csv`));
    const result = await cli([
      'tariffs',
      'import',
      args[0]!,
      '--settings',
      args[1]!,
      '--references',
      args[2]!,
      '--meta',
      meta,
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(growthErrors(result.stderr, out)).toEqual([
      `tariff.csv:6:2: error GROWTH_OUT_OF_RANGE: uplift_annual_rate is 2.5, a rise of 250% a year; ${RANGE}`,
    ]);
    // A percentage is read there too, so the hint offers it, as spend.csv's growth's does.
    expect(result.stderr).toContain(
      '  hint: write 5% as 0.05 or 5%, and a fall of 2% as -0.02 or -2%\n',
    );
  });

  it("an NFF's floor, a change per head a year; not its gains cap, which a what-if without one writes large", async () => {
    const dir = copy('fixtures/errors/_valid-nff', 'nff', {
      'nff-parameters/2025-26.json': (text) =>
        text
          .replace('"value": "0.05"', '"value": "-1"')
          .replace('"value": "0.10"', '"value": "10"'),
    });
    const params = `${dir}/nff-parameters`;
    const result = await cli([
      'nff',
      `${dir}/nff-factors.csv`,
      '--year=2025-26',
      `--params=${params}`,
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(growthErrors(result.stderr, dir)).toEqual([
      `nff-parameters/2025-26.json:62:16: error GROWTH_OUT_OF_RANGE: $.floorCap.floor.value is -1, a fall of 100% a year, which leaves nothing; ${RANGE}`,
    ]);
    // A review found a cap of 100 (no gains cap, as a what-if) refused where it had run.
    const noCap = copy('fixtures/errors/_valid-nff', 'nff-no-cap', {
      'nff-parameters/2025-26.json': (text) => text.replace('"value": "0.10"', '"value": "100"'),
    });
    const uncapped = await cli([
      'nff',
      `${noCap}/nff-factors.csv`,
      '--year=2025-26',
      `--params=${noCap}/nff-parameters`,
      '--format=csv',
    ]);
    expect(uncapped.code, uncapped.stderr).toBe(0);
  });

  it('solve refuses a --range for a growth outside it, before any projection', async () => {
    const target = '--target=cumulative-balance>=0@2030-31';
    const vary = '--vary=assumption:hnbGrowth';
    const result = await cli(['solve', 'fixtures/example', target, vary, '--range=0,5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--range "0,5": assumption:hnbGrowth at 5 is a rise of 500% a year; ${RANGE}`,
    );
  });
});
