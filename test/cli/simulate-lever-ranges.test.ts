import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-lever-ranges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const RANGED = 'fixtures/lever-ranges/scenarios.json';

/** The same scenario with its levers' low, high and distribution taken out. */
function withoutRanges(): string {
  const file = path.join(scratch, 'scenarios.json');
  const json = JSON.parse(readFileSync(RANGED, 'utf8')) as {
    scenarios: { levers: Record<string, unknown>[] }[];
  };
  for (const lever of json.scenarios.flatMap((s) => s.levers))
    for (const key of ['low', 'high', 'distribution']) delete lever[key];
  writeFileSync(file, JSON.stringify(json, null, 2));
  return file;
}

/** The 10%–90% width of a measure in the last financial year, from simulate's CSV. */
function width(csv: string, measure: string): number {
  const rows = csv
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const last = rows.filter((r) => r[3] === measure).at(-1)!;
  return Number(last[10]) - Number(last[6]);
}

/** `highneeds <command> fixtures/example` under a scenario of a scenarios file, as CSV (exit 0). */
async function example(
  command: string,
  scenarios: string,
  scenario: string,
  ...args: string[]
): Promise<string> {
  const result = await cli([
    command,
    'fixtures/example',
    '--scenarios-file',
    scenarios,
    '--scenario',
    scenario,
    '--format',
    'csv',
    ...args,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** simulate of the example under `demand-ranges` from a scenarios file, as CSV. */
const simulate = (scenarios: string, draws: string, ...args: string[]): Promise<string> =>
  example('simulate', scenarios, 'demand-ranges', '--draws', draws, '--seed', '3', ...args);

/**
 * The same levers with wider ranges. At 240 draws the docs' ranges widen the pupils' 10%–90% range
 * of 2030-31 by 1.08–1.28 times across seeds 1–12 (the spend's by 1.03–1.21), too near the 1.0 of
 * no ranges (its own draws, give or take some 0.07) for a bound that holds at every seed and still
 * fails when the ranges are ignored: an earlier bound of 1.15 held at seed 3 and failed at four of
 * the twelve. These widen them by 1.40–1.76 and 1.25–1.53 times.
 */
function widerRanges(): string {
  const file = path.join(scratch, 'wider.json');
  const json = JSON.parse(readFileSync(RANGED, 'utf8')) as {
    scenarios: { id: string; levers: Record<string, unknown>[] }[];
  };
  const [newPlans, ceasing, shift] = json.scenarios.find((s) => s.id === 'demand-ranges')!.levers;
  Object.assign(newPlans!, { low: '-0.8', high: '0' });
  Object.assign(ceasing!, { low: '0', high: '1' });
  Object.assign(shift!, { low: '0', high: '0.8' });
  writeFileSync(file, JSON.stringify(json, null, 2));
  return file;
}

describe('simulate with a lever range (docs/simulate.md, "Lever ranges")', () => {
  const plain = withoutRanges();
  const wider = widerRanges();
  // Over 200 draws: fewer are drawn on one thread whatever --jobs says (a worker would take longer
  // to start; src/cli/commands/simulate.ts), and the second test compared one thread with one.
  // The run on one thread is both tests' (issue 18, item 5: one run of 240 draws, not one of 200
  // as well).
  let onOne: Promise<string> | undefined;
  const rangedOnOne = () => (onOne ??= simulate(wider, '240', '--jobs', '1'));

  it('widens the interval of pupils and spend against the same levers without ranges', async () => {
    const without = await simulate(plain, '240', '--jobs', '1');
    const within = await rangedOnOne();
    // A draw of the new-plans lever anywhere from −80% to 0 (the ceasing lever from 0 to 100%, the
    // shift to resourced provision from 0 to 80%) spreads the pupils more than pupil-level chance
    // alone: 1.40–1.76 times as wide at seeds 1–12, the spend 1.25–1.53 times (the dearer
    // placements, which these levers barely reach, spread it most).
    expect(width(within, 'pupils_january')).toBeGreaterThan(
      1.25 * width(without, 'pupils_january'),
    );
    expect(width(within, 'spend_total')).toBeGreaterThan(1.12 * width(without, 'spend_total'));
  });

  it('gives the same bytes on one thread and on two', async () => {
    expect(await simulate(wider, '240', '--jobs', '2')).toBe(await rangedOnOne());
  });

  it('project ignores the ranges: the same projection as without them', async () => {
    const args = ['--scenario', 'demand-ranges', '--format', 'csv'];
    const a = await cli(['project', 'fixtures/example', '--scenarios-file', plain, ...args]);
    const b = await cli(['project', 'fixtures/example', '--scenarios-file', RANGED, ...args]);
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it("a move-placements lever's range widens the spend interval, and project ignores it", async () => {
    // The example's mitigated scenario brings 15% of independent placements back to a special
    // academy; here the planners' range is anywhere from none to 80% (most likely 15%).
    const json = JSON.parse(readFileSync('fixtures/example/scenarios.json', 'utf8')) as {
      scenarios: { id: string; levers: Record<string, unknown>[] }[];
    };
    const plainFile = path.join(scratch, 'move-plain.json');
    writeFileSync(plainFile, JSON.stringify(json));
    const move = json.scenarios
      .find((s) => s.id === 'mitigated')!
      .levers.find((lever) => lever['id'] === 'independent-returns')!;
    Object.assign(move, { low: '0', high: '0.8' });
    const rangedFile = path.join(scratch, 'move-ranged.json');
    writeFileSync(rangedFile, JSON.stringify(json));
    const run = (file: string, command: string, ...args: string[]) =>
      example(command, file, 'mitigated', ...args);
    // A hundred draws: the widening is far above the bound there too (issue 18, item 5: 200 each
    // drew twice the draws for the same answer).
    const draws = ['--draws', '100', '--seed', '3', '--jobs', '1'];
    const without = await run(plainFile, 'simulate', ...draws);
    const within = await run(rangedFile, 'simulate', ...draws);
    // 1.81 times as wide in 2030-31 at this seed (1.76 to 1.97 at seeds 3, 4, 5 and 7; at 200
    // draws, 1.58 to 1.91).
    expect(width(within, 'spend_total')).toBeGreaterThan(1.3 * width(without, 'spend_total'));
    expect(await run(rangedFile, 'project')).toBe(await run(plainFile, 'project'));
  });
});

describe("simulate with a tariff lever's range", () => {
  /** Every top-up as in the tariff (share 0) from September 2026, or anywhere from 10% less to 10% more. */
  const file = (ranged: boolean) => {
    const lever = {
      id: 'rates',
      label: 'Top-ups after the next negotiation',
      kind: 'tariff',
      share: '0',
      ...(ranged ? { low: '-0.10', high: '0.10' } : {}),
      from: '2026-09-01',
      filter: {},
    };
    const out = path.join(scratch, `tariff-${ranged ? 'ranged' : 'plain'}.json`);
    writeFileSync(
      out,
      JSON.stringify({ scenarios: [{ id: 'rates', label: 'Rates', levers: [lever] }] }),
    );
    return out;
  };
  // Over 200 draws, so that --jobs 2 draws on two threads (below, simulate uses one whatever --jobs says).
  const run = (scenarios: string, ...args: string[]) =>
    example('simulate', scenarios, 'rates', '--draws', '240', '--seed', '3', ...args);
  const rows = (csv: string, measure: string) =>
    csv.split('\n').filter((line) => line.split(',')[3] === measure);

  it('spreads the spend and leaves the pupils as they were, the same on one thread and two', async () => {
    const plain = await run(file(false), '--jobs', '1');
    const ranged = await run(file(true), '--jobs', '1');
    expect(rows(ranged, 'pupils_january')).toEqual(rows(plain, 'pupils_january'));
    // Top-ups are most of the spend: a share drawn anywhere in ±10% spreads it far more than the
    // pupils do (2.7 times as wide in 2030-31 at this seed).
    expect(width(ranged, 'spend_total')).toBeGreaterThan(2 * width(plain, 'spend_total'));
    expect(await run(file(true), '--jobs', '2')).toBe(ranged);
  });
});

// A places lever's range changes each draw's money, never its pupils.
describe("simulate with a places lever's range", () => {
  const plain = withoutRanges();
  // Over 200 draws, so that --jobs 2 draws on two threads.
  const run = (scenarios: string, scenario: string, jobs: string) =>
    example('simulate', scenarios, scenario, '--draws', '240', '--seed', '3', '--jobs', jobs);
  const rows = (csv: string, measure: string) =>
    csv.split('\n').filter((line) => line.split(',')[3] === measure);

  /** A scenarios file of one scenario `s`: a new special school of 150 places, with `range` added. */
  function school(name: string, range: Record<string, string>): string {
    const lever = {
      id: 'free-school',
      label: 'A new special school: 150 places from September 2026',
      kind: 'places',
      setting: 'special-maintained',
      places: '150',
      profile: { shape: 'step', from: '2026/27' },
      ...range,
    };
    const file = path.join(scratch, `${name}.json`);
    writeFileSync(file, JSON.stringify({ scenarios: [{ id: 's', label: 's', levers: [lever] }] }));
    return file;
  }

  it('draws the pupils of the levers without it, the same bytes on one thread and two, and project ignores it', async () => {
    const ranged = await run(RANGED, 'capital-ranges', '1');
    const without = await run(plain, 'capital-ranges', '1');
    expect(rows(ranged, 'pupils_january')).toEqual(rows(without, 'pupils_january'));
    expect(rows(ranged, 'spend_total')).not.toEqual(rows(without, 'spend_total'));
    expect(await run(RANGED, 'capital-ranges', '2')).toBe(ranged);
    expect(await example('project', RANGED, 'capital-ranges')).toBe(
      await example('project', plain, 'capital-ranges'),
    );
  });

  it('widens the spend interval against the lever without a range', async () => {
    // A school of 150 places that could open with any number from none to 150 (most likely 150).
    const without = await run(school('school-plain', {}), 's', '1');
    const ranged = await run(school('school-ranged', { low: '0', high: '150' }), 's', '1');
    expect(rows(ranged, 'pupils_january')).toEqual(rows(without, 'pupils_january'));
    // Each place is £10,000 a year: a draw's places (10%–90%: 47 to 142) spread the spend on top of
    // the pupils' own spread, 1.09 times as wide in 2030-31 at this seed (1.06 to 1.29 at seeds 3,
    // 4, 5 and 7, 240 draws each).
    expect(width(ranged, 'spend_total')).toBeGreaterThan(1.05 * width(without, 'spend_total'));
  });
});
