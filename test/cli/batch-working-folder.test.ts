import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { runBatch } from '../../src/index.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-batch-working-folder-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let runs = 0;
/** batch DIR from the working folder `cwd`; the text of the outputs named. */
async function batchFrom(cwd: string, dir: string, names: readonly string[], ...args: string[]) {
  runs += 1;
  const out = path.join(scratch, `out-${runs}`);
  const result = await cli(
    ['batch', dir, '--out-dir', out, '--jobs', '1', '--quiet', '--report', out, ...args],
    { cwd },
  );
  expect(result.code, result.stderr).toBe(1);
  return Object.fromEntries(names.map((name) => [name, readFileSync(path.join(out, name))]));
}

// Found by a DfE analyst's user trial: the same national model run from two working folders wrote
// different bytes in failures.csv (its paths, and those in its messages, were relative to where the
// command ran), while manifest.json beside it named its inputs relative to the national folder.
describe("batch's failures.csv whatever the working folder", () => {
  it('names files and folders relative to the national folder, as the manifest does: the same bytes from anywhere', async () => {
    const dir = path.join(scratch, 'models', 'national');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    // N01's tariff is no file and no library id (the message names the folder it was looked for
    // in); N02's is outside the folder (allowed) and broken; one of N04's cohort cells is wrong.
    const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8')
      .replace('N01,Northshire,,', 'N01,Northshire,missing-tariff,')
      .replace('N02,Southbury,,', 'N02,Southbury,../broken-tariff.json,');
    writeFileSync(path.join(dir, 'areas.csv'), areas);
    writeFileSync(path.join(scratch, 'models', 'broken-tariff.json'), '{ "id": ');
    const cohort = readFileSync(path.join(dir, 'cohort.csv'), 'utf8').split('\n');
    const at = cohort.findIndex((line) => line.startsWith('N04,') && line.includes(',SEMH,'));
    cohort[at] = cohort[at]!.replace(',SEMH,', ',SEMHX,');
    writeFileSync(path.join(dir, 'cohort.csv'), cohort.join('\n'));

    // The national report's table of failed areas gives each one's first error as failures.csv does.
    const names = ['failures.csv', 'national-report.html'];
    const runsFrom = [
      // From the repository, the folder outside it: absolute paths on the terminal.
      await batchFrom(ROOT, path.relative(ROOT, dir), names, '--allow-outside'),
      // From the folder above, by a relative path, and from the national folder itself.
      await batchFrom(path.dirname(dir), 'national', names, '--allow-outside'),
      await batchFrom(dir, dir, names, '--allow-outside'),
    ];
    const failures = runsFrom[0]!['failures.csv']!.toString('utf8');
    expect(failures.split('\n').slice(1, -1)).toEqual([
      'N01,Northshire,"areas.csv:2:3: FILE_MISSING: tariff ""missing-tariff"" is neither a file in . nor an id in the tariff library"',
      'N02,Southbury,../broken-tariff.json:1:9: JSON_MALFORMED: invalid JSON: unexpected end of file',
      `N04,Westham,"cohort.csv:${at + 1}:3: UNKNOWN_NEED: need ""SEMHX"" is not a SEN2 primary-need code"`,
    ]);
    for (const run of runsFrom.slice(1)) expect(run).toEqual(runsFrom[0]);
    expect(runsFrom[0]!['national-report.html']!.toString('utf8')).toContain(
      'areas.csv:2:3: FILE_MISSING: tariff &quot;missing-tariff&quot; is neither a file in . nor',
    );
  });

  it("names a folder of model folders' files, and a missing file's folder in its message, relative to that folder", async () => {
    const dir = path.join(scratch, 'folders');
    for (const area of ['east', 'west']) {
      cpSync(path.join(ROOT, 'fixtures/example'), path.join(dir, area), { recursive: true });
      unlinkSync(path.join(dir, area, 'scenarios.json'));
    }
    const model = path.join(dir, 'west', 'model.json');
    writeFileSync(model, readFileSync(model, 'utf8').replace('"code": "999"', '"code": "998"'));
    unlinkSync(path.join(dir, 'west', 'funding.csv'));
    const elsewhere = path.join(scratch, 'elsewhere');
    mkdirSync(elsewhere);
    const [one, two] = [
      await batchFrom(path.dirname(dir), 'folders', ['failures.csv']),
      await batchFrom(elsewhere, dir, ['failures.csv']),
    ];
    expect(one!['failures.csv']!.toString('utf8')).toBe(
      'area_code,area_name,error\n998,Example Borough,west/funding.csv: FILE_MISSING: required file funding.csv was not found in west\n',
    );
    expect(two).toEqual(one);
  });
});

// Found reproducing a leftover: runBatch's `inputs` were absolute while its `provenance` and every
// issue named files from the working folder (as the CLI prints them), so a batch whose output was a
// link to one of its inputs named that input absolute, where project names it from the working folder.
describe('the files runBatch names, as the CLI prints them', () => {
  it('an output that is one of the inputs is named from the working folder, as project names it', async () => {
    const cwd = path.join(scratch, 'linked-output');
    cpSync(path.join(ROOT, 'fixtures/national'), path.join(cwd, 'nat'), { recursive: true });
    mkdirSync(path.join(cwd, 'out'));
    symlinkSync('../nat/funding.csv', path.join(cwd, 'out', 'national.csv'));
    const result = await cli(
      ['batch', 'nat', '--out-dir', 'out', '--force', '--quiet', '--jobs', '1'],
      { cwd },
    );
    expect([result.code, result.stderr]).toEqual([
      2,
      "highneeds: out/national.csv is one of this run's inputs (nat/funding.csv); choose another file\n",
    ]);
  });

  it("runBatch's inputs are its provenance's paths, named as its issues name files", async () => {
    const result = await runBatch(
      path.relative(process.cwd(), path.join(ROOT, 'fixtures/national')),
      {
        jobs: 1,
      },
    );
    expect(result.inputs).toEqual(result.provenance.map((input) => input.path));
    expect(result.inputs).toContain(
      path.relative(process.cwd(), path.join(ROOT, 'fixtures/national/cohort.csv')),
    );
  });
});
