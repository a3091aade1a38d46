import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli as cliOnThreads } from '../helpers/run-cli.js';
import { onOneCore } from '../helpers/one-core.js';

// Threads are what one test here is about; the rest run on one (the reason is in the helper).
const cli = (args: readonly string[]) => onOneCore(() => cliOnThreads(args));

/**
 * --area: one area of a national model, run by the one-area commands as batch models it. A DfE
 * analyst's trial could drill into an area after a batch only by cutting its rows out of every
 * national file into a folder of its own.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-national-area-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const AREAS = ['N01', 'N02', 'N03', 'N04'];
const SCENARIOS = ['unmitigated', 'mitigated', 'national-tariff'];

/** batch's summary.csv of the national fixture, by line. */
let summary: string[];
beforeAll(async () => {
  const out = path.join(scratch, 'batch');
  const result = await cli(['batch', 'fixtures/national', '--out-dir', out, '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  summary = readFileSync(path.join(out, 'summary.csv'), 'utf8').trimEnd().split('\n');
});

/** A figure of batch's summary.csv: the area's, under the scenario, in the year. */
function batchFigure(area: string, scenario: string, year: string, column: string): string {
  const at = summary[0]!.split(',').indexOf(column);
  const row = summary
    .map((line) => line.split(','))
    .find((cells) => cells[0] === area && cells[2] === scenario && cells[3] === year);
  return row![at]!;
}

/** A line of summary.csv without its scenario cell, the third: as project writes the line. */
function withoutScenario(line: string): string {
  const cells = line.split(',');
  cells.splice(2, 1);
  return cells.join(',');
}

describe('project --area', () => {
  it.each(AREAS.flatMap((area) => SCENARIOS.map((scenario) => ({ area, scenario }))))(
    '$area under $scenario: the rows batch wrote for it, to the penny',
    async ({ area, scenario }) => {
      const result = await cli([
        'project',
        'fixtures/national',
        '--area',
        area,
        '--scenario',
        scenario,
        '--format',
        'csv',
      ]);
      expect(result.code, result.stderr).toBe(0);
      // batch's summary.csv is project's with a scenario column after the area's name.
      const batchRows = summary
        .filter((line) => line.startsWith(`${area},`) && line.split(',')[2] === scenario)
        .map(withoutScenario);
      const [header, ...rows] = result.stdout.trimEnd().split('\n');
      expect(header).toBe(withoutScenario(summary[0]!));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(batchRows);
    },
  );

  it('the manifest records the area as areas.csv writes its code, and the national files read', async () => {
    const manifest = path.join(scratch, 'manifest.json');
    const out = path.join(scratch, 'n02.csv');
    const result = await cli([
      'project',
      'fixtures/national',
      '--area',
      'n02',
      '--out',
      out,
      '--manifest',
      manifest,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const written = JSON.parse(readFileSync(manifest, 'utf8')) as {
      options: Record<string, unknown>;
      inputs: { path: string }[];
    };
    expect(written.options['area']).toBe('N02');
    expect(written.inputs.map((input) => input.path)).toEqual(
      expect.arrayContaining(['areas.csv', 'cohort.csv', 'funding.csv', 'model.json']),
    );
  });

  it("takes the code as a spreadsheet writes it, or the area's name", async () => {
    const exact = await cli(['project', 'fixtures/national', '--area', 'N02', '--format', 'csv']);
    for (const typed of ['n02', 'Southbury', ' southbury ']) {
      const result = await cli([
        'project',
        'fixtures/national',
        '--area',
        typed,
        '--format',
        'csv',
      ]);
      expect(result.code, typed).toBe(0);
      expect(result.stdout, typed).toBe(exact.stdout);
    }
  });
});

describe('--area on the other one-area commands', () => {
  it("explain and compare give batch's figures for the area", async () => {
    const explain = await cli([
      'explain',
      'fixtures/national',
      '--area',
      'N03',
      '--year',
      '2027-28',
      '--figure',
      'spend_total',
    ]);
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toMatch(/^Eastford \(N03\): spend_total, 2027-28/);
    const figure = batchFigure('N03', 'unmitigated', '2027-28', 'spend_total');
    expect(explain.stdout).toContain(
      Number(figure).toLocaleString('en-GB', { minimumFractionDigits: 2 }),
    );

    const compare = await cli(['compare', 'fixtures/national', '--area', 'N03', '--format', 'csv']);
    expect(compare.code, compare.stderr).toBe(0);
    const [header, ...rows] = compare.stdout.trimEnd().split('\n');
    const at = header!.split(',').indexOf('cumulative_balance');
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      const [scenario, year] = row.split(',');
      expect(row.split(',')[at], row).toBe(
        batchFigure('N03', scenario!, year!, 'cumulative_balance'),
      );
    }
  });

  it('solve, simulate and validate each run one area', async () => {
    const solve = await cli([
      'solve',
      'fixtures/national',
      '--area',
      'N03',
      '--target',
      'in-year-balance>=0@2027-28',
      '--vary',
      'assumption:newPlansGrowth',
      '--range',
      '-0.5,0',
      '--format',
      'csv',
    ]);
    expect(solve.code, solve.stderr).toBe(0);
    expect(solve.stderr).toContain('already met');
    const simulate = await cli([
      'simulate',
      'fixtures/national',
      '--area',
      'N03',
      '--draws',
      '20',
      '--seed',
      '1',
      '--format',
      'csv',
    ]);
    expect(simulate.code, simulate.stderr).toBe(0);
    const areas = new Set(
      simulate.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    );
    expect([...areas]).toEqual(['N03']);
    const validate = await cli(['validate', 'fixtures/national', '--area', 'N03']);
    expect(validate.code, validate.stderr).toBe(0);
    // One area's check, in one area's words: not "4 areas".
    expect(validate.stdout).toMatch(
      /^fixtures\/national, area N03 \(Eastford\): ok \(4 financial years, tariff /,
    );
  });

  it('report writes one area of a national model', async () => {
    const out = path.join(scratch, 'n01.html');
    const result = await cli(['report', 'fixtures/national', '--area', 'N01', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Northshire');
  });

  it('simulate on worker threads reads the same area as the main thread', async () => {
    const args = [
      'simulate',
      'fixtures/national',
      '--area',
      'N04',
      '--draws',
      '400',
      '--seed',
      '3',
    ];
    const one = await cli([...args, '--format', 'csv']);
    const two = await cliOnThreads([...args, '--jobs', '2', '--format', 'csv']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('the library', () => {
  it("openNationalArea gives the area's Model, which project() projects to batch's figures", async () => {
    const { openNationalArea, project, summaryRows, toPence } = await import('../../src/index.js');
    const open = await openNationalArea('fixtures/national', 'N04');
    expect(open.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(open.scenarios.map((s) => s.id)).toEqual(SCENARIOS);
    const rows = summaryRows(project(open.model!).projection!);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(toPence(row['spend_total'] as never), String(row['financial_year'])).toBe(
        batchFigure('N04', 'unmitigated', String(row['financial_year']), 'spend_total'),
      );
    await expect(
      openNationalArea('fixtures/national', 'N04', { scenarioFile: 'x' } as never),
    ).rejects.toThrow(/openNationalArea/);
  });
});

describe('--area mistakes', () => {
  it('an area not in areas.csv is a usage error, with the areas it has', async () => {
    const result = await cli(['project', 'fixtures/national', '--area', 'N09']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        '--area: error AREA_NOT_LISTED: area "N09" is not in fixtures/national/areas.csv, as a code or a name',
        '  hint: areas: N01, N02, N03 and N04',
        '1 error',
        '',
      ].join('\n'),
    );
  });

  it('a slip in a longer code or name is offered the area it is near', async () => {
    const result = await cli(['project', 'fixtures/national', '--area', 'Southbry']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('area "Southbry" is not in');
    expect(result.stderr).toContain('hint: did you mean N02 (Southbury)? areas:');
    const code = await cli(['project', 'fixtures/national', '--area', 'N02x']);
    expect(code.stderr).toContain('hint: did you mean N02 (Southbury)? areas:');
  });

  it("--area on one area's model folder is a usage error that says why", async () => {
    const result = await cli(['project', 'fixtures/second-case', '--area', 'N02']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      '--area: error AREA_NOT_LISTED: area "N02" is not in an areas table: fixtures/second-case is not a national model (its model.json names no areas table)',
    );
  });

  it("an area that fails in a batch fails here with the batch's error", async () => {
    const dir = path.join(scratch, 'national');
    cpSync('fixtures/national', dir, { recursive: true });
    const cohort = readFileSync(path.join(dir, 'cohort.csv'), 'utf8').split('\n');
    writeFileSync(
      path.join(dir, 'cohort.csv'),
      cohort.filter((line) => !line.startsWith('N03,')).join('\n'),
    );
    const result = await cli(['project', dir, '--area', 'N03']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error NO_COHORT_ROWS: area "N03" has no rows in cohort\.csv/);
    // The other areas' troubles are not this one's.
    const other = await cli(['project', dir, '--area', 'N01', '--format', 'csv']);
    expect(other.code, other.stderr).toBe(0);
  });
});
