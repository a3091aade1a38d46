import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { shuffledCopy, splitNational } from '../helpers/national.js';

const NATIONAL = 'fixtures/national';
const SCENARIOS = ['unmitigated', 'mitigated', 'national-tariff'];
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-batch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Tests about the threads (the reference run, the shuffled rows, a failed area's report, the files
// the workers read) run batch on them; the others take --jobs 1, as a worker thread costs some 0.3 s
// of CPU to start (issue 18, item 5: the suite's time).
let runs = 0;
/** Runs batch into a fresh --out-dir; returns the result and the output files' text. */
async function batch(dir: string, ...args: string[]) {
  runs += 1;
  const outDir = path.join(scratch, `out-${runs}`);
  const result = await cli(['batch', dir, '--out-dir', outDir, ...args]);
  const read = (name: string) =>
    existsSync(path.join(outDir, name)) ? readFileSync(path.join(outDir, name), 'utf8') : undefined;
  return {
    ...result,
    outDir,
    summary: read('summary.csv'),
    national: read('national.csv'),
    failures: read('failures.csv'),
    manifest: read('manifest.json'),
  };
}

const lines = (csv: string | undefined) => (csv ?? '').trimEnd().split('\n');

describe('highneeds batch on a national model', async () => {
  const reference = await batch(NATIONAL, '--jobs', '2');

  it('models every area under every scenario and exits 0', () => {
    expect(reference.stderr).toBe('');
    expect(reference.code).toBe(0);
    const rows = lines(reference.summary)
      .slice(1)
      .map((line) => line.split(','));
    expect(lines(reference.summary)[0]).toBe(
      'area_code,area_name,scenario,financial_year,pupils_january,spend_top_up,spend_place,spend_total,income_hnb,income_transfer,income_safety_valve,income_other,income_write_off,income_total,in_year_balance,cumulative_balance,spend_other,income_hnb_deductions,income_import_export,general_fund_financing,underlying_in_year_balance',
    );
    // Four areas, three scenarios, four years each (Westham's horizon is a year sooner).
    expect(rows).toHaveLength((4 + 4 + 4 + 3) * 3);
    expect(rows.map((r) => `${r[0]} ${r[2]} ${r[3]}`)).toEqual(
      [...rows.map((r) => `${r[0]} ${r[2]} ${r[3]}`)].sort(
        (a, b) =>
          a.split(' ')[0]!.localeCompare(b.split(' ')[0]!) ||
          SCENARIOS.indexOf(a.split(' ')[1]!) - SCENARIOS.indexOf(b.split(' ')[1]!) ||
          a.localeCompare(b),
      ),
    );
    expect(reference.failures).toBe('area_code,area_name,error\n');
    expect(reference.stdout).toContain('Largest cumulative deficit per EHCP at the horizon');
  });

  it('gives each area exactly the figures `highneeds project` gives its own model folder, scenario by scenario', async () => {
    const folders = splitNational(path.join(ROOT, NATIONAL), path.join(scratch, 'split'));
    expect([...folders.keys()]).toEqual(['N01', 'N02', 'N03', 'N04']);
    const batchRows = lines(reference.summary).slice(1);
    for (const [code, dir] of folders) {
      for (const scenario of SCENARIOS) {
        const single = await cli(['project', dir, '--scenario', scenario, '--format', 'csv']);
        expect(single.code, single.stderr).toBe(0);
        const expected = lines(single.stdout).slice(1);
        const actual = batchRows
          .filter((row) => row.startsWith(`${code},`) && row.split(',')[2] === scenario)
          .map((row) =>
            row
              .split(',')
              .filter((_, i) => i !== 2)
              .join(','),
          );
        expect(actual.length, `${code} ${scenario}`).toBeGreaterThanOrEqual(3);
        expect(actual, `${code} ${scenario}`).toEqual(expected);
      }
    }
  });

  it('national.csv is exactly the sum of summary.csv per scenario and year, with the areas in deficit', () => {
    const [header, ...rows] = lines(reference.summary).map((line) => line.split(','));
    const [nationalHeader, ...national] = lines(reference.national).map((line) => line.split(','));
    // The underlying in-year balance after the area counts, so the columns before keep their places.
    expect(nationalHeader).toEqual([
      'scenario',
      'financial_year',
      'areas',
      ...header!.slice(4, -1),
      'areas_in_year_deficit',
      'areas_cumulative_deficit',
      'underlying_in_year_balance',
      'areas_underlying_in_year_deficit',
    ]);
    let underlyingOnly = 0;
    for (const total of national) {
      const mine = rows.filter((row) => row[2] === total[0] && row[3] === total[1]);
      expect(total[2]).toBe(String(mine.length));
      header!.slice(4).forEach((column, i) => {
        const sum = mine.reduce((acc, row) => acc.plus(row[4 + i]!), new Dec(0));
        expect(total[nationalHeader!.indexOf(column)], `${total[0]} ${total[1]} ${column}`).toBe(
          sum.toFixed(2),
        );
      });
      expect(total[nationalHeader!.indexOf('areas_in_year_deficit')]).toBe(
        String(
          mine.filter((row) => row[header!.indexOf('in_year_balance')]!.startsWith('-')).length,
        ),
      );
      expect(total[nationalHeader!.indexOf('areas_cumulative_deficit')]).toBe(
        String(
          mine.filter((row) => row[header!.indexOf('cumulative_balance')]!.startsWith('-')).length,
        ),
      );
      const underlying = mine.filter((row) =>
        row[header!.indexOf('underlying_in_year_balance')]!.startsWith('-'),
      ).length;
      expect(total[nationalHeader!.indexOf('areas_underlying_in_year_deficit')]).toBe(
        String(underlying),
      );
      if (underlying > Number(total[nationalHeader!.indexOf('areas_in_year_deficit')]))
        underlyingOnly += 1;
    }
    // fixtures/national's write-off year: areas in deficit that the in-year balance, with the grant, hides.
    expect(underlyingOnly).toBeGreaterThan(0);
  });

  it("national.csv's underlying in-year balance is the in-year balance less the write-off grant the areas are paid", () => {
    const [header, ...national] = lines(reference.national).map((line) => line.split(','));
    const at = (row: string[], column: string) => new Dec(row[header!.indexOf(column)]!);
    let withGrant = 0;
    for (const total of national) {
      const grant = at(total, 'income_write_off').plus(at(total, 'income_safety_valve'));
      if (!grant.isZero()) withGrant += 1;
      expect(at(total, 'underlying_in_year_balance').toFixed(2), total.join(',')).toBe(
        at(total, 'in_year_balance').minus(grant).toFixed(2),
      );
    }
    // fixtures/national writes off its areas' deficits in 2026-27, under every scenario; the
    // terminal summary shows the underlying balance, as it differs.
    expect(withGrant).toBe(SCENARIOS.length);
    expect(reference.stdout).toMatch(
      /\nIn-year balance .*\nUnderlying in-year .*\nCumulative balance /,
    );
  });

  it('writes the same bytes with --jobs 1 and --jobs 2', async () => {
    const one = await batch(NATIONAL, '--jobs', '1');
    expect(one.code).toBe(0);
    expect([one.summary, one.national, one.failures, one.manifest, one.stdout]).toEqual([
      reference.summary,
      reference.national,
      reference.failures,
      reference.manifest,
      reference.stdout,
    ]);
  });

  it("manifest.json gives every file any thread read with its SHA-256, an area's own tariff included, and the scenarios run", () => {
    const manifest = JSON.parse(reference.manifest!) as {
      tool: string;
      command: string;
      inputs: { path: string; sha256: string }[];
      scenarios: string[];
      areas: { modelled: number; failed: number };
    };
    expect([manifest.tool, manifest.command, manifest.scenarios, manifest.areas]).toEqual([
      'highneeds',
      'batch',
      SCENARIOS,
      { modelled: 4, failed: 0 },
    ]);
    const paths = manifest.inputs.map((input) => input.path);
    expect(paths).toEqual([...paths].sort());
    // The national files, scenarios.json, the national tariff (model.json) and N03's own (areas.csv: national-illustrative).
    for (const name of [
      'model.json',
      'areas.csv',
      'cohort.csv',
      'new-plans.csv',
      'ceasing.csv',
      'transitions.csv',
      'places.csv',
      'funding.csv',
      'scenarios.json',
    ])
      expect(paths).toContain(name);
    // Paths are relative to the national folder (issue 18, defect 9); the library's files are
    // named by their place in the package, wherever it is installed.
    expect(paths).toContain('highneeds:tariffs/example-borough-2025.json');
    expect(paths).toContain('highneeds:tariffs/national-illustrative.json');
    // Every area's override end comes from the policy file, as a model folder's does.
    expect(paths).toContain('highneeds:policy/statutory-override.json');
    for (const input of manifest.inputs)
      expect(input.sha256, input.path).toBe(
        createHash('sha256')
          .update(
            readFileSync(
              input.path.startsWith('highneeds:')
                ? path.join(ROOT, input.path.slice('highneeds:'.length))
                : path.resolve(ROOT, NATIONAL, input.path),
            ),
          )
          .digest('hex'),
      );
  });

  it('manifest.json also lists a tariff that only a scenario lever names', async () => {
    const dir = path.join(scratch, 'lever-tariff');
    cpSync(path.join(ROOT, NATIONAL), dir, { recursive: true });
    // No area uses national-illustrative itself any more; the national-tariff scenario's lever still does.
    writeFileSync(
      path.join(dir, 'areas.csv'),
      readFileSync(path.join(dir, 'areas.csv'), 'utf8').replace('national-illustrative', ''),
    );
    const result = await batch(dir, '--quiet');
    expect(result.code, result.stderr).toBe(0);
    const paths = (JSON.parse(result.manifest!) as { inputs: { path: string }[] }).inputs.map(
      (input) => input.path,
    );
    expect(paths).toContain('highneeds:tariffs/national-illustrative.json');
  });

  it('writes the same bytes whatever the order of the input rows', async () => {
    const shuffled = path.join(scratch, 'shuffled');
    shuffledCopy(path.join(ROOT, NATIONAL), shuffled, 20251);
    expect(readFileSync(path.join(shuffled, 'cohort.csv'), 'utf8')).not.toBe(
      readFileSync(path.join(ROOT, NATIONAL, 'cohort.csv'), 'utf8'),
    );
    const result = await batch(shuffled, '--jobs', '2');
    expect(result.code, result.stderr).toBe(0);
    expect([result.summary, result.national, result.stdout]).toEqual([
      reference.summary,
      reference.national,
      reference.stdout,
    ]);
  });

  it('writes the same bytes when rows that read the same cell are written differently', async () => {
    // Tallied rows are parsed text by text (src/io/read-cohort.ts): texts that differ only in
    // spacing, the case of a need or a split count must still add up to one cell.
    const variant = path.join(scratch, 'variant');
    shuffledCopy(path.join(ROOT, NATIONAL), variant, 7);
    const [header, ...rows] = readFileSync(path.join(variant, 'cohort.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    const columns = header!.split(',');
    const at = (name: string) => columns.indexOf(name);
    let changed = 0;
    const written = rows.flatMap((row, i) => {
      const fields = row.split(',');
      if (i % 3 === 1) {
        fields[at('ncy')] = ` ${fields[at('ncy')]} `;
        fields[at('need')] = fields[at('need')]!.toLowerCase();
        changed += 1;
      }
      const count = fields[at('count')] ?? '';
      if (
        i % 3 === 2 &&
        /^[1-9]\d*$/.test(count) &&
        Number(count) > 1 &&
        fields[at('annual_cost')] === ''
      ) {
        // One row of n pupils as a row of 1 and a row of n − 1.
        changed += 1;
        return [
          [...fields.slice(0, at('count')), '1', ...fields.slice(at('count') + 1)].join(','),
          [
            ...fields.slice(0, at('count')),
            String(Number(count) - 1),
            ...fields.slice(at('count') + 1),
          ].join(','),
        ];
      }
      return [fields.join(',')];
    });
    expect(changed).toBeGreaterThan(10);
    writeFileSync(path.join(variant, 'cohort.csv'), `${[header, ...written].join('\n')}\n`);
    const result = await batch(variant, '--jobs', '1');
    expect(result.code, result.stderr).toBe(0);
    expect([result.summary, result.national]).toEqual([reference.summary, reference.national]);
  });

  it("a national cohort.csv takes out_of_area: that area's places change, its top-ups and the others do not", async () => {
    // N01 without its places.csv rows, so that its special school's places are its pupils in the area.
    const copy = async (name: string, outOfArea: boolean) => {
      const dir = path.join(scratch, name);
      cpSync(path.join(ROOT, NATIONAL), dir, { recursive: true });
      const places = readFileSync(path.join(dir, 'places.csv'), 'utf8').split('\n');
      writeFileSync(
        path.join(dir, 'places.csv'),
        places.filter((row) => !row.startsWith('N01,')).join('\n'),
      );
      const [header, ...rows] = readFileSync(path.join(dir, 'cohort.csv'), 'utf8')
        .trimEnd()
        .split('\n');
      const away = (row: string) =>
        outOfArea && row.startsWith('N01,') && row.includes(',special-maintained,');
      writeFileSync(
        path.join(dir, 'cohort.csv'),
        [
          `${header},out_of_area`,
          ...rows.map((row) => `${row},${away(row) ? 'yes' : ''}`),
          '',
        ].join('\n'),
      );
      const result = await batch(dir, '--jobs', '1');
      expect(result.code, result.stderr).toBe(0);
      return result.summary;
    };
    const inArea = await copy('in-area', false);
    const outOfArea = await copy('out-of-area', true);
    const byArea = (csv: string | undefined, area: string) =>
      lines(csv).filter((row) => row.startsWith(`${area},`));
    for (const area of ['N02', 'N03', 'N04'])
      expect(byArea(outOfArea, area)).toEqual(byArea(inArea, area));
    const column = (csv: string | undefined, name: string) => {
      const at = lines(csv)[0]!.split(',').indexOf(name);
      return byArea(csv, 'N01').map((row) => Number(row.split(',')[at]));
    };
    expect(column(outOfArea, 'spend_top_up')).toEqual(column(inArea, 'spend_top_up'));
    // The special school's pupils placed out of area are charged no place: less place spend each year.
    column(outOfArea, 'spend_place').forEach((place, i) =>
      expect(place).toBeLessThan(column(inArea, 'spend_place')[i]!),
    );
  });

  it('one broken area fails alone: failures.csv locates its error, the others are written, exit 1', async () => {
    const broken = path.join(scratch, 'broken');
    cpSync(path.join(ROOT, NATIONAL), broken, { recursive: true });
    const cohort = readFileSync(path.join(broken, 'cohort.csv'), 'utf8').split('\n');
    const at = cohort.findIndex((line) => line.startsWith('N02,') && line.includes(',SEMH,'));
    cohort[at] = cohort[at]!.replace(',SEMH,', ',SEMHX,');
    writeFileSync(path.join(broken, 'cohort.csv'), cohort.join('\n'));
    const result = await batch(broken);
    expect(result.code).toBe(1);
    // Named from the national folder, as the manifest names it (on stderr, from the working folder).
    const where = `cohort.csv:${at + 1}:3`;
    expect(result.failures).toBe(
      `area_code,area_name,error\nN02,Southbury,"${where}: UNKNOWN_NEED: need ""SEMHX"" is not a SEN2 primary-need code"\n`,
    );
    expect(result.stderr).toContain(
      `${broken}/${where}: error UNKNOWN_NEED: need "SEMHX" is not a SEN2 primary-need code`,
    );
    expect(result.stderr).toContain('1 of 4 areas failed: N02');
    const others = lines(reference.summary).filter((row) => !row.startsWith('N02,'));
    expect(lines(result.summary)).toEqual(others);
    expect(result.stdout).toContain('3 of 4 areas modelled, 1 failed');
  });

  // Batch printed a failed run's warnings and errors as two lists, each with its count ("1
  // warning", then "1 error"); docs/errors.md promises one list, errors first, and one count.
  it('a run with a failed area and a warning: one list at the foot, errors first, one count', async () => {
    const dir = path.join(scratch, 'broken-and-warned');
    cpSync(path.join(ROOT, NATIONAL), dir, { recursive: true });
    const cohort = readFileSync(path.join(dir, 'cohort.csv'), 'utf8').split('\n');
    const broken = cohort.findIndex((line) => line.startsWith('N01,') && line.includes(',ASD,'));
    cohort[broken] = cohort[broken]!.replace(',ASD,', ',XYZ,');
    const warned = cohort.findIndex((line) => /^N02,[^,]*,[^,]*,[^,]*,[^,]*,1,/.test(line));
    cohort[warned] = cohort[warned]!.replace(/^((?:[^,]*,){5})1,/, '$12.5,');
    writeFileSync(path.join(dir, 'cohort.csv'), cohort.join('\n'));
    const result = await batch(dir);
    expect(result.code).toBe(1);
    const said = result.stderr
      .trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith('  hint:'));
    expect(said.slice(-4)).toEqual([
      expect.stringMatching(/: error UNKNOWN_NEED: .* \(area N01\)$/),
      expect.stringMatching(/: warning COUNT_NOT_WHOLE: .* \(area N02\)$/),
      '1 error, 1 warning',
      expect.stringMatching(/^1 of 4 areas failed: N01; each error is in /),
    ]);
    expect(said).not.toContain('1 warning');
  });

  it('an --hnb-from file with no row for any area says so once, with the areas counted, not once an area', async () => {
    const nff = path.join(scratch, 'nff-other-codes.csv');
    writeFileSync(
      nff,
      'area_code,area_name,financial_year,allocation\n800,Elsewhere,2026-27,1000000\n801,Other,2026-27,2000000\n',
    );
    const result = await batch(NATIONAL, '--hnb-from', nff, '--jobs', '1', '--quiet');
    expect(result.code).toBe(1);
    const said = result.stderr.split('\n').filter((line) => line.includes('NFF_AREA_MISSING'));
    expect(said).toEqual([
      // Its words name the area (Issue.area): no "(area N01)" after them (found by a review).
      `${nff}: error NFF_AREA_MISSING: the file has no row for area N01, the model's area code; also in 3 other areas: N02, N03 and N04`,
    ]);
    expect(result.stderr).toContain('4 of 4 areas failed: N01, N02, N03 and N04;');
    expect(
      result.failures!.split('\n').filter((line) => line.includes('NFF_AREA_MISSING')),
    ).toHaveLength(4);
    // The count under the list is of the four problems, not of the one line that says them.
    expect(result.stderr).toContain('\n4 errors\n4 of 4 areas failed');
  });

  it("a shared cohort.csv's cells read in another form are one note, with the areas, not a note an area", async () => {
    const named = path.join(scratch, 'year-names');
    cpSync(path.join(ROOT, NATIONAL), named, { recursive: true });
    const file = path.join(named, 'cohort.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const ncy = header!.split(',').indexOf('ncy');
    writeFileSync(
      file,
      [
        header,
        ...rows.map((row) =>
          row
            .split(',')
            .map((cell, i) => (i === ncy && /^([1-9]|1[0-3])$/.test(cell) ? `Y${cell}` : cell))
            .join(','),
        ),
      ].join('\n') + '\n',
    );
    const result = await batch(named, '--jobs', '1');
    expect(result.code).toBe(0);
    const notes = result.stderr.split('\n').filter((line) => line.includes('CODE_NORMALISED'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /cohort\.csv:3:2: warning CODE_NORMALISED: "ncy": read a year name as an NCY in \d+ cells \("Y9" as 9, the first here\) \(area N04\); also in 3 other areas: N01, N02 and N03$/,
    );
  });

  it('an area name that would run as a formula is written as text, the figures as numbers', async () => {
    const named = path.join(scratch, 'named');
    shuffledCopy(path.join(ROOT, NATIONAL), named, 11);
    const areas = readFileSync(path.join(named, 'areas.csv'), 'utf8');
    writeFileSync(
      path.join(named, 'areas.csv'),
      areas.replace('N02,Southbury,', 'N02,"=HYPERLINK(""http://evil.invalid"",""Click"")",'),
    );
    // A scenario id is free text too.
    writeFileSync(
      path.join(named, 'scenarios.json'),
      readFileSync(path.join(named, 'scenarios.json'), 'utf8').replace(
        '"id": "national-tariff"',
        '"id": "=national-tariff"',
      ),
    );
    const result = await batch(named, '--quiet', '--jobs', '1');
    expect(result.code, result.stderr).toBe(0);
    const row = lines(result.summary).find((line) => line.startsWith('N02,'))!;
    expect(row.startsWith('N02,"\'=HYPERLINK(""http://evil.invalid"",""Click"")",')).toBe(true);
    expect(
      lines(result.summary).filter((line) => line.includes(",'=national-tariff,")),
    ).toHaveLength(15);
    // A deficit keeps its minus sign: figures are not text.
    expect(lines(result.summary).some((line) => /,-\d+\.\d\d(,|$)/.test(line))).toBe(true);
  });

  it('--fail-fast stops at a failed area and writes nothing', async () => {
    const result = await batch(path.join(ROOT, 'fixtures/errors/UNKNOWN_AREA'), '--fail-fast');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error UNKNOWN_AREA');
    expect(result.stderr).toContain('--fail-fast');
    expect(existsSync(result.outDir)).toBe(false);
  });

  it('runs only the scenarios asked for, in that order; an unknown one is a usage error', async () => {
    const two = await batch(
      NATIONAL,
      '--scenarios',
      'national-tariff,unmitigated',
      '--quiet',
      '--jobs',
      '1',
    );
    expect(two.code).toBe(0);
    expect(two.stdout).toBe('');
    expect(
      lines(two.summary)
        .slice(1, 5)
        .map((row) => row.split(',')[2]),
    ).toEqual(['national-tariff', 'national-tariff', 'national-tariff', 'national-tariff']);
    expect(
      lines(two.national)
        .slice(1)
        .map((row) => row.split(',')[0]),
    ).toEqual([...Array(4).fill('national-tariff'), ...Array(4).fill('unmitigated')]);
    const unknown = await batch(NATIONAL, '--scenarios', 'nope', '--jobs', '1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--scenarios: error UNKNOWN_SCENARIO: scenario "nope" is not defined',
    );
    expect(existsSync(unknown.outDir)).toBe(false);
  });

  it('refuses an --out-dir holding other files unless --force, and reruns into its own outputs', async () => {
    const outDir = path.join(scratch, 'busy');
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'notes.txt'), 'mine\n');
    const refused = await cli(['batch', NATIONAL, '--out-dir', outDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already holds other files (notes.txt)');
    // A manifest.json that is not a batch's (another command's, or the user's own) is not ours either.
    const theirs = path.join(scratch, 'theirs');
    mkdirSync(theirs);
    writeFileSync(path.join(theirs, 'manifest.json'), '{ "tool": "highneeds", "inputs": [] }\n');
    expect((await cli(['batch', NATIONAL, '--out-dir', theirs])).stderr).toContain(
      'already holds other files (manifest.json)',
    );
    expect(readdirSync(outDir)).toEqual(['notes.txt']);
    const forced = await cli([
      'batch',
      NATIONAL,
      '--out-dir',
      outDir,
      '--force',
      '--quiet',
      '--jobs',
      '1',
    ]);
    expect(forced.code).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual([
      'failures.csv',
      'manifest.json',
      'national.csv',
      'notes.txt',
      'summary.csv',
    ]);
    expect(readFileSync(path.join(outDir, 'notes.txt'), 'utf8')).toBe('mine\n');
    const again = await cli([
      'batch',
      NATIONAL,
      '--out-dir',
      reference.outDir,
      '--quiet',
      '--jobs',
      '1',
    ]);
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(reference.outDir, 'summary.csv'), 'utf8')).toBe(
      reference.summary,
    );
  });

  it('rejects --jobs that is not a whole number from 1 (exit 2)', async () => {
    expect(
      (await cli(['batch', NATIONAL, '--out-dir', path.join(scratch, 'jobs'), '--jobs', '0'])).code,
    ).toBe(2);
    expect(
      (await cli(['batch', NATIONAL, '--out-dir', path.join(scratch, 'jobs'), '--jobs', 'two']))
        .code,
    ).toBe(2);
  });
});

describe('highneeds batch on a folder of model folders', () => {
  it('models each folder as `project` does, and fails areas whose code two folders share', async () => {
    const folders = path.join(scratch, 'folders');
    cpSync(path.join(ROOT, 'fixtures/errors/_valid'), path.join(folders, 'a'), { recursive: true });
    cpSync(path.join(ROOT, 'fixtures/worked-example'), path.join(folders, 'b'), {
      recursive: true,
    });
    const result = await batch(folders, '--quiet');
    expect(result.code, result.stderr).toBe(0);
    const expected = [
      ...lines((await cli(['project', path.join(folders, 'a'), '--format', 'csv'])).stdout).slice(
        1,
      ),
      ...lines((await cli(['project', path.join(folders, 'b'), '--format', 'csv'])).stdout).slice(
        1,
      ),
    ]
      .map((row) => row.split(','))
      .map((fields) => [...fields.slice(0, 2), '', ...fields.slice(2)].join(','))
      .sort();
    expect(lines(result.summary).slice(1).sort()).toEqual(expected);
    // Each folder's files were read by a worker: the manifest has them all.
    const read = (JSON.parse(result.manifest!) as { inputs: { path: string }[] }).inputs.map(
      (input) => path.relative(folders, path.resolve(folders, input.path)),
    );
    for (const folder of ['a', 'b'])
      for (const name of readdirSync(path.join(folders, folder)).filter(
        (file) => /\.(csv|json)$/.test(file) && file !== 'README.md',
      ))
        expect(read).toContain(path.join(folder, name));

    cpSync(path.join(ROOT, 'fixtures/errors/_valid'), path.join(folders, 'c'), { recursive: true });
    const twice = await batch(folders);
    expect(twice.code).toBe(1);
    expect(twice.failures).toContain('DUPLICATE_AREA: area ""999"" is already the area of');
    // Its words name the area (Issue.area): the list adds no "(area 999)".
    expect(twice.stderr).toMatch(/error DUPLICATE_AREA: area "999" is already the area of \S+\n/);
    expect(
      lines(twice.summary)
        .slice(1)
        .every((row) => !row.startsWith('999,')),
    ).toBe(true);
  });
});

describe('highneeds batch --tariff', () => {
  it('prices every area without a tariff of its own in areas.csv by that table, as model.json naming it would', async () => {
    const named = path.join(scratch, 'named-tariff');
    cpSync(path.join(ROOT, NATIONAL), named, { recursive: true });
    writeFileSync(
      path.join(named, 'model.json'),
      readFileSync(path.join(named, 'model.json'), 'utf8').replace(
        '"tariff": "example-borough-2025"',
        '"tariff": "national-illustrative"',
      ),
    );
    const expected = await batch(named, '--jobs', '1', '--quiet');
    expect(expected.code, expected.stderr).toBe(0);
    const result = await batch(
      NATIONAL,
      '--tariff',
      'national-illustrative',
      '--jobs',
      '2',
      '--quiet',
    );
    expect(result.code, result.stderr).toBe(0);
    expect([result.summary, result.national]).toEqual([expected.summary, expected.national]);
    // It changed something: Northshire is priced by another table than the reference run's.
    const northshire = (csv: string | undefined) =>
      lines(csv).filter((row) => row.startsWith('N01,'));
    expect(northshire(result.summary)).not.toEqual(northshire((await reference()).summary));
    // Eastford's own tariff (areas.csv) is national-illustrative in both: its rows are the reference's.
    const eastford = (csv: string | undefined) =>
      lines(csv).filter((row) => row.startsWith('N03,'));
    expect(eastford(result.summary)).toEqual(eastford((await reference()).summary));
    // model.json's own table was never read.
    const paths = (JSON.parse(result.manifest!) as { inputs: { path: string }[] }).inputs.map(
      (input) => input.path,
    );
    expect(paths).not.toContain('highneeds:tariffs/example-borough-2025.json');
    expect(paths).toContain('highneeds:tariffs/national-illustrative.json');
  });

  it('takes a tariff file as well as an id; one that is neither is a usage error (exit 2)', async () => {
    const file = await batch(
      NATIONAL,
      '--tariff',
      'tariffs/national-illustrative.json',
      '--jobs',
      '1',
      '--quiet',
    );
    const id = await batch(NATIONAL, '--tariff', 'national-illustrative', '--jobs', '1', '--quiet');
    expect(file.code, file.stderr).toBe(0);
    expect(file.summary).toBe(id.summary);
    const bad = await batch(NATIONAL, '--tariff', 'no-such-table');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--tariff "no-such-table" is neither a tariff file nor the id of one in the library',
    );
    expect(bad.summary).toBeUndefined();
  });

  it("in a folder of model folders replaces each folder's model.json tariff, as project --tariff does", async () => {
    const folders = path.join(scratch, 'folders-tariff');
    cpSync(path.join(ROOT, 'fixtures/example'), path.join(folders, 'example'), { recursive: true });
    rmSync(path.join(folders, 'example', 'scenarios.json'));
    const result = await batch(
      folders,
      '--tariff',
      'national-illustrative',
      '--quiet',
      '--jobs',
      '1',
    );
    expect(result.code, result.stderr).toBe(0);
    const projected = await cli([
      'project',
      path.join(folders, 'example'),
      '--tariff',
      'national-illustrative',
      '--format',
      'csv',
    ]);
    expect(projected.code, projected.stderr).toBe(0);
    const expected = lines(projected.stdout)
      .slice(1)
      .map((row) => row.split(','))
      .map((fields) => [...fields.slice(0, 2), '', ...fields.slice(2)].join(','));
    expect(lines(result.summary).slice(1)).toEqual(expected);
  });
});

let referenceRun: Awaited<ReturnType<typeof batch>> | undefined;
/** The national fixture as given, run once for the --tariff tests. */
async function reference(): ReturnType<typeof batch> {
  referenceRun ??= await batch(NATIONAL, '--jobs', '1', '--quiet');
  return referenceRun;
}
