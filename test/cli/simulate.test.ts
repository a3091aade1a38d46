import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runBatch } from '../../src/io/batch/run.js';
import { batchIntervalRows, printIntervals } from '../../src/report/national-intervals.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-simulate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env['COLUMNS'];
});

let outputs = 0;
/** Runs the CLI in this process; what it writes to stdout and stderr is captured. */
async function run(...args: string[]) {
  const columns = process.env['COLUMNS'] ? Number(process.env['COLUMNS']) : undefined;
  return cli(args, columns ? { columns, env: { COLUMNS: String(columns) } } : {});
}

/** simulate --out a fresh file; returns the file's text. */
async function simulateTo(extension: string, ...args: string[]) {
  outputs += 1;
  const out = path.join(scratch, `out-${outputs}.${extension}`);
  const result = await run('simulate', 'fixtures/example', '--out', out, '--quiet', ...args);
  expect(result.code).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('highneeds simulate', () => {
  it('gives the same bytes on one thread and on two (each draw its own stream)', async () => {
    const one = await simulateTo('csv', '--draws', '240', '--seed', '9', '--jobs', '1');
    const two = await simulateTo('csv', '--draws', '240', '--seed', '9', '--jobs', '2');
    expect(two).toBe(one);
    const lines = one.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'area_code,scenario,financial_year,measure,mean,p2_5,p10,p25,p50,p75,p90,p97_5,p_deficit',
    );
    // Five financial years × four measures; p_deficit only for the balances.
    expect(lines).toHaveLength(1 + 5 * 4);
    expect(lines[1]).toMatch(/^999,,2026-27,pupils_january,\d+\.\d\d,(?:[\d.]+,){7}$/);
    expect(lines[4]).toMatch(/^999,,2026-27,cumulative_balance,(?:-?[\d.]+,){8}[01]\.\d{4}$/);
  });

  it('another seed gives other draws', async () => {
    const a = await simulateTo('csv', '--draws', '50', '--seed', '1', '--jobs', '1');
    const b = await simulateTo('csv', '--draws', '50', '--seed', '2', '--jobs', '1');
    expect(a).not.toBe(b);
  });

  it('JSON: the interval rows, and the chance of being below each --threshold by year', async () => {
    const json = JSON.parse(
      await simulateTo(
        'json',
        '--draws',
        '60',
        '--threshold',
        '-20000000',
        '--threshold',
        '-30000000',
        '--scenario',
        'mitigated',
      ),
    ) as {
      scenario: string;
      draws: number;
      intervals: { measure: string; p_deficit: number | null }[];
      thresholds: { financial_year: string; threshold: number; probability_below: number }[];
    };
    expect(json.scenario).toBe('mitigated');
    expect(json.draws).toBe(60);
    expect(json.intervals).toHaveLength(20);
    expect(json.thresholds).toHaveLength(10);
    for (const t of json.thresholds)
      expect(t.probability_below >= 0 && t.probability_below <= 1).toBe(true);
    // Less than −30m is no more likely than less than −20m, year by year.
    for (let i = 0; i < 10; i += 2)
      expect(json.thresholds[i + 1]!.probability_below).toBeLessThanOrEqual(
        json.thresholds[i]!.probability_below,
      );
  });

  it('CSV: a p_below_<pounds> column per --threshold after the fixed ones, on the cumulative balance rows, as in the JSON', async () => {
    const args = ['--draws', '60', '--threshold', '-20000000', '--threshold', '-30,000,000'];
    const csv = (await simulateTo('csv', ...args)).trimEnd().split('\n');
    const json = JSON.parse(await simulateTo('json', ...args)) as {
      thresholds: { financial_year: string; threshold: number; probability_below: number }[];
    };
    expect(csv[0]).toBe(
      'area_code,scenario,financial_year,measure,mean,p2_5,p10,p25,p50,p75,p90,p97_5,p_deficit,p_below_-20000000,p_below_-30000000',
    );
    const fromCsv: string[] = [];
    for (const line of csv.slice(1)) {
      const cells = line.split(',');
      if (cells[3] === 'cumulative_balance')
        fromCsv.push(`${cells[2]} -20000000 ${cells[13]}`, `${cells[2]} -30000000 ${cells[14]}`);
      else expect(cells.slice(13)).toEqual(['', '']);
    }
    expect(fromCsv).toEqual(
      json.thresholds.map(
        (t) => `${t.financial_year} ${t.threshold} ${t.probability_below.toFixed(4)}`,
      ),
    );
    // At least one year is neither certain nor impossible, so the columns are not trivially equal.
    expect(fromCsv.some((cell) => !/ [01]\.0000$/.test(cell))).toBe(true);
  });

  it('--threshold reads an amount as a spreadsheet writes it, as the same threshold', async () => {
    const plain = await simulateTo('csv', '--draws', '30', '--threshold', '-5000000');
    for (const written of ['-5,000,000', '-£5,000,000', '£-5,000,000.00'])
      expect(await simulateTo('csv', '--draws', '30', '--threshold', written)).toBe(plain);
    const twice = await simulateTo(
      'csv',
      '--draws',
      '30',
      '--threshold',
      '-5000000',
      '--threshold',
      '-5,000,000',
    );
    expect(twice).toBe(plain);
  });

  it('the terminal fan summary fits COLUMNS', async () => {
    process.env['COLUMNS'] = '64';
    const { code, stdout } = await run(
      'simulate',
      'fixtures/example',
      '--draws',
      '40',
      '--format',
      'table',
      '--threshold',
      '-25000000',
      '--quiet',
    );
    expect(code).toBe(0);
    // Headed as project's table is, by the area's name and code; pupils with thousands as money.
    expect(stdout).toContain('Example Borough (999): 40 draws, seed 1; £');
    expect(stdout).toMatch(/\n2026-27 +2,\d{3} /);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(64);
    expect(stdout).toContain('P(< -25,000,000.00)');
  });

  // Found by an analyst's trial: one draw was headed "1 draws", and the report's fan "over 1 draws".
  it('one draw is "1 draw", in the table and in the report', async () => {
    const table = await run(...'simulate fixtures/example --draws 1 --format table'.split(' '));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Example Borough (999): 1 draw, seed 1; £');
    const page = path.join(scratch, 'one-draw.html');
    expect(
      (await run('report', 'fixtures/example', '--draws', '1', '--out', page, '--quiet')).code,
    ).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('the distribution over 1 draw, £');
    expect(html).toContain('From 1 simulated draw under the plan scenario');
    expect(html).not.toMatch(/\b1 (simulated )?draws\b/);
  });

  it.each([
    [['--draws', '0'], '--draws must be a whole number from 1'],
    [['--seed', '-3'], '--seed must be a whole number from 0'],
    [['--threshold', '£5m'], '--threshold must be one amount in pounds'],
    [['--threshold', '-5000000,-10000000'], 'for more than one, repeat --threshold'],
    // Printed to the penny: with -100000.01 it made two columns of one name (an analyst's trial).
    [
      ['--threshold', '-100,000.005'],
      '--threshold is an amount in pounds and pence, at most 2 decimal places, not "-100,000.005"',
    ],
    [['--jobs', 'two'], '--jobs must be a whole number from 1'],
  ])('%s is a usage error (exit 2)', async (args, message) => {
    const { code, stderr } = await run('simulate', 'fixtures/example', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('a model error is reported located, exit 1, as project reports it', async () => {
    const { code, stderr } = await run(
      'simulate',
      'fixtures/errors/RATE_NOT_OBSERVED_SHARE',
      '--draws',
      '5',
    );
    expect(code).toBe(1);
    expect(stderr).toContain('ceasing.csv:2:2: error RATE_NOT_OBSERVED_SHARE');
  });
});

describe('batch --draws', () => {
  it('intervals for every area and scenario, then the national totals; the same on one thread and two', async () => {
    const options = { draws: { count: 30, seed: 4 }, scenarios: ['unmitigated', 'mitigated'] };
    const one = await runBatch('fixtures/national', { ...options, jobs: 1 });
    const two = await runBatch('fixtures/national', { ...options, jobs: 2 });
    expect(two.intervals).toEqual(one.intervals);
    const rows = printIntervals(batchIntervalRows(one.intervals!));
    const codes = [...new Set(rows.map((r) => r['area_code'] ?? ''))];
    expect(codes.at(-1)).toBe('national');
    expect(codes.slice(0, -1)).toEqual(one.areas.filter((a) => !a.failed).map((a) => a.code));
    // The national mean is the mean of the sums of each draw's printed figures: the sum of the areas' means, to the penny per area.
    const mean = (code: string, measure: string, fy: string, scenario: string) =>
      Number(
        rows.find(
          (r) =>
            r['area_code'] === code &&
            r['measure'] === measure &&
            r['financial_year'] === fy &&
            r['scenario'] === scenario,
        )?.['mean'] ?? NaN,
      );
    const areas = codes.slice(0, -1);
    const sum = areas.reduce(
      (total, code) => total + mean(code, 'spend_total', '2026-27', 'mitigated'),
      0,
    );
    expect(Math.abs(mean('national', 'spend_total', '2026-27', 'mitigated') - sum)).toBeLessThan(
      0.01 * areas.length + 1e-6,
    );
  });

  it('the command writes intervals.csv beside the other outputs', async () => {
    const outDir = path.join(scratch, 'batch');
    const { code } = await run(
      'batch',
      'fixtures/national',
      '--out-dir',
      outDir,
      '--draws',
      '20',
      '--seed',
      '2',
      '--scenarios',
      'unmitigated',
      '--quiet',
      // The threads are the test above's; one starts in ~0.3 s of CPU.
      '--jobs',
      '1',
    );
    expect(code).toBe(0);
    const csv = readFileSync(path.join(outDir, 'intervals.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'area_code,scenario,financial_year,measure,mean,p2_5,p10,p25,p50,p75,p90,p97_5,p_deficit',
    );
    expect(csv).toMatch(/\nnational,unmitigated,2026-27,pupils_january,/);
  });
});
