import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDENS, scrub } from '../golden/cases.mjs';
import { ROOT } from '../helpers/exec.js';
import { cli, sharedRuns } from '../helpers/run-cli.js';

/** The golden runs (no output file), each once: the determinism test below reads one as its first run. */
const golden = sharedRuns();

describe('golden runs of the CLI (NO_COLOR=1; regenerate with scripts/update-goldens.mjs)', () => {
  for (const { file, args, warns = [] } of GOLDENS) {
    it(`highneeds ${args.join(' ')} → test/golden/${file}`, async () => {
      const result = await golden(args);
      expect([...result.stderr.matchAll(/: warning ([A-Z_]+):/g)].map((m) => m[1])).toEqual(warns);
      if (warns.length === 0) expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(scrub(result.stdout)).toBe(readFileSync(path.join(ROOT, 'test/golden', file), 'utf8'));
    });
  }
});

describe('the project command as a user runs it', () => {
  it('with no folder runs the shipped example, from any working folder', async () => {
    const elsewhere = await cli(['project', '--format', 'csv'], { cwd: tmpdir() });
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stdout).toBe(readFileSync(path.join(ROOT, 'test/golden/example.csv'), 'utf8'));
  });

  it('is deterministic: two runs give the same bytes', async () => {
    // The first is the golden run of the same command (issue 18, item 5: one run fewer).
    const args = ['project', 'fixtures/example', '--format', 'json', '--detail'];
    expect(GOLDENS.some((run) => run.args.join(' ') === args.join(' '))).toBe(true);
    const first = await golden(args);
    const second = await cli(args);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('--out writes the same bytes as stdout, and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-'));
    const out = path.join(dir, 'summary.csv');
    const result = await cli(['project', 'fixtures/example', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(path.join(ROOT, 'test/golden/example.csv'), 'utf8'),
    );
    expect(readdirSync(dir)).toEqual(['summary.csv']);
  });

  it('--out never overwrites an input file (exit 2, input unchanged)', async () => {
    const input = path.join(ROOT, 'fixtures/worked-example/cohort.csv');
    const before = readFileSync(input, 'utf8');
    const result = await cli([
      'project',
      'fixtures/worked-example',
      '--out',
      'fixtures/worked-example/cohort.csv',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is one of this run's inputs");
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('validate prints ok for a good model', async () => {
    const result = await cli(['validate', 'fixtures/worked-example']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'fixtures/worked-example: ok (2 financial years, tariff worked-example)\n',
    );
  });

  it('--help and --version exit 0', async () => {
    expect((await cli(['--help'])).code).toBe(0);
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('a missing folder is an input error with a location, not a stack trace', async () => {
    const result = await cli(['project', 'no/such/folder']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'no/such/folder/model.json: error FILE_MISSING: required file model.json was not found: there is no folder no/such/folder\n' +
        '  hint: give the path of the model folder, the one that holds model.json (relative to the folder you run in, or in full)\n1 error\n',
    );
    expect(existsSync(path.join(ROOT, 'no'))).toBe(false);
  });

  it('an --hnb-from file that is not there is not looked for in the model folder', async () => {
    // Found by a user trial: "required file /abs/no-such.csv was not found in fixtures/example".
    const result = await cli(['project', 'fixtures/example', '--hnb-from', 'no-such.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'no-such.csv: error FILE_MISSING: required file no-such.csv was not found\n1 error\n',
    );
  });

  it('a file given for the model folder is named as a file, with the folder that holds it', async () => {
    // Found by a user trial: "cohort.csv/model.json was not found in cohort.csv".
    const result = await cli(['project', 'fixtures/example/cohort.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'fixtures/example/cohort.csv/model.json: error FILE_MISSING: required file model.json was not found: fixtures/example/cohort.csv is a file, not a model folder\n' +
        '  hint: give the folder that holds model.json and the CSVs: fixtures/example\n1 error\n',
    );
  });
});

describe('usage', () => {
  it('no command at all is a usage error (exit 2) that shows the help on stderr', async () => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: highneeds');
  });
});

describe('provenance manifest', () => {
  it("--manifest writes the JSON output's manifest beside a CSV: version, input SHA-256s, tariff dates used, options", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-'));
    const manifestPath = path.join(dir, 'run.manifest.json');
    const result = await cli([
      'project',
      'fixtures/worked-example',
      '--out',
      path.join(dir, 'run.csv'),
      '--manifest',
      manifestPath,
    ]);
    expect(result.code).toBe(0);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest.tool).toBe('highneeds');
    // Relative to the model folder (issue 18, defect 9), not to the working folder.
    expect(manifest.inputs.map((input: { path: string }) => input.path)).toContain('cohort.csv');
    expect(
      manifest.inputs.every((input: { sha256: string }) => /^[0-9a-f]{64}$/.test(input.sha256)),
    ).toBe(true);
    expect(manifest.tariff).toEqual({
      id: 'worked-example',
      source: 'tariff.json',
      effective_dates_used: ['2025-04-01', '2026-09-01'],
    });
    expect(manifest.options).toEqual({ format: 'csv', detail: false });
    const json = JSON.parse(
      (await cli(['project', 'fixtures/worked-example', '--format', 'json'])).stdout,
    );
    expect(json.manifest.inputs).toEqual(manifest.inputs);
    expect(json.manifest.tariff).toEqual(manifest.tariff);
  });

  it('--manifest and --out may not name the same file', async () => {
    const result = await cli([
      'project',
      'fixtures/worked-example',
      '--out',
      '/tmp/same.csv',
      '--manifest',
      '/tmp/same.csv',
    ]);
    expect(result.code).toBe(2);
  });
});
