import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * compare and solve print the model's and the scenarios' warnings on stderr as project does
 * (once each), and solve the warnings of the projection at its answer: a reader of their
 * figures is told what project, report and explain would tell them.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-warnings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The example's scenarios with the mitigated scenario's first lever matching nothing (inherited by two more). */
function scenariosMatchingNothing(): string {
  const file = path.join(scratch, 'scenarios.json');
  const text = readFileSync(path.join(ROOT, 'fixtures/example/scenarios.json'), 'utf8');
  const json = JSON.parse(text) as {
    scenarios: { levers?: { id: string; filter?: unknown }[] }[];
  };
  for (const scenario of json.scenarios)
    for (const lever of scenario.levers ?? [])
      if (lever.id === 'early-help-semh')
        lever.filter = { need: 'VI', ncy: { from: -3, to: -3 }, setting: 'fe-college' };
  writeFileSync(file, JSON.stringify(json, null, 1));
  return file;
}

const count = (text: string, what: string) => text.split(what).length - 1;

describe('compare', () => {
  it("prints a scenario's LEVER_MATCHES_NOTHING once, as validate does, with CSV alone on stdout", async () => {
    const file = scenariosMatchingNothing();
    const validate = await cli(['validate', 'fixtures/example', '--scenarios-file', file]);
    const warning = validate.stderr.split('\n').find((l) => l.includes('LEVER_MATCHES_NOTHING'))!;
    expect(warning).toContain('warning LEVER_MATCHES_NOTHING: lever "early-help-semh"');
    const result = await cli([
      'compare',
      'fixtures/example',
      '--scenarios-file',
      file,
      '--format',
      'csv',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('scenario,financial_year,')).toBe(true);
    expect(result.stderr).toContain(`${warning}\n`);
    expect(count(result.stderr, 'LEVER_MATCHES_NOTHING')).toBe(1);
    expect(result.stderr).toMatch(/\n1 warning\n$/);
  });

  it("prints funding.csv's TRANSFER_NEEDS_DISAPPLICATION once for all the scenarios", async () => {
    const dir = path.join(scratch, 'transfer');
    cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
    // Two more columns on every row, and a 1.6% transfer of a stated schools block.
    const [header, ...rows] = readFileSync(path.join(dir, 'funding.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    writeFileSync(
      path.join(dir, 'funding.csv'),
      [
        `${header},share,schools_block`,
        ...rows.map((row) => `${row},,`),
        '2028-29,block_transfer,,over the Forum limit,0.016,290000000',
        '',
      ].join('\n'),
    );
    const project = await cli(['project', dir, '--format', 'csv']);
    expect(project.stderr).toContain('warning TRANSFER_NEEDS_DISAPPLICATION');
    const result = await cli(['compare', dir, '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(project.stderr);
  });
});

describe("a scenario's own transfer of a stated schools block", () => {
  it("above the Forum's 0.5% is TRANSFER_NEEDS_DISAPPLICATION, once for the scenarios inheriting it", async () => {
    const file = path.join(scratch, 'transfer-scenarios.json');
    const text = readFileSync(path.join(ROOT, 'fixtures/example/scenarios.json'), 'utf8');
    expect(text).toContain('"share": "0.005"');
    writeFileSync(file, text.replace('"share": "0.005"', '"share": "0.016"'));
    const warning =
      /warning TRANSFER_NEEDS_DISAPPLICATION: block transfers of £4,720,000\.00 in 2028-29 are 1\.6% of the schools block of £295,000,000\.00/;
    for (const args of [
      ['validate', 'fixtures/example'],
      ['project', 'fixtures/example', '--scenario', 'safety-valve', '--format', 'csv'],
      ['compare', 'fixtures/example', '--format', 'csv'],
    ]) {
      const result = await cli([...args, '--scenarios-file', file]);
      expect(result.stderr).toMatch(warning);
      expect(count(result.stderr, 'TRANSFER_NEEDS_DISAPPLICATION')).toBe(1);
    }
  });
});

describe('solve', () => {
  const TRANSFER = [
    'solve',
    'fixtures/example',
    '--target',
    'in-year-balance>=0@2028-29',
    '--vary',
    'transfer:2028-29:290000000',
    '--range',
    '0,0.02',
    '--format',
    'csv',
  ];

  it('says that the transfer at its answer needs a disapplication', async () => {
    const result = await cli([...TRANSFER, '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^--vary: warning TRANSFER_NEEDS_DISAPPLICATION: block transfers of £[\d,]+\.\d\d in 2028-29 are 1\.\d+% of the schools block of £290,000,000\.00, above the 0\.5% \(£1,450,000\.00\) a Schools Forum can approve\n/,
    );
    expect(count(result.stderr, 'TRANSFER_NEEDS_DISAPPLICATION')).toBe(1);
  });

  it("a transfer within the Forum's 0.5% at the answer is no warning", async () => {
    const result = await cli([
      ...TRANSFER.slice(0, 3),
      'in-year-balance>=-4000000@2028-29',
      ...TRANSFER.slice(4),
      '--quiet',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it("prints the scenarios' warnings, once, also when there is no answer", async () => {
    const file = scenariosMatchingNothing();
    const result = await cli([
      ...'solve fixtures/example --scenario demand-management --quiet'.split(' '),
      ...'--target spend-total<=1@2028-29 --vary lever:fewer-new-plans.share'.split(' '),
      ...['--range', '-1,0', '--tolerance', '0.01', '--scenarios-file', file],
    ]);
    expect(result.code).toBe(4);
    expect(count(result.stderr, 'warning LEVER_MATCHES_NOTHING')).toBe(1);
    expect(result.stderr).toContain('No value of lever:fewer-new-plans.share');
  });
});
