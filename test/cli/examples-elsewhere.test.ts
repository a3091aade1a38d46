import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Every --help example names the shipped fixtures as the repository has them (`fixtures/example`).
 * A user trial ran one from their own folder and was told only that there is no folder
 * fixtures/example: the hint now says where it is.
 */
const elsewhere = mkdtempSync(path.join(tmpdir(), 'highneeds-elsewhere-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('a --help example run from another folder', () => {
  it('names where highneeds keeps fixtures/example, and project with no folder', async () => {
    const result = await cli(['project', 'fixtures/example', '--format', 'table'], {
      cwd: elsewhere,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `hint: fixtures/example is highneeds' own (the --help examples run from ${path.resolve(ROOT)}): give it in full, ${path.resolve(ROOT, 'fixtures/example')}, or give no folder: every command that reads a model runs on the shipped example without one`,
    );
  });

  // Found by a review: a relative path that leaves the package (`../../../tmp/…/model`), not
  // there from the working folder but a model folder from highneeds' own, was called one of its own.
  it("a path out of highneeds' folder keeps the plain hint", async () => {
    const model = path.join(elsewhere, 'outside-model');
    cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
    const fromPackage = path.relative(ROOT, model);
    let cwd = path.join(elsewhere, 'deeper');
    while (existsSync(path.resolve(cwd, fromPackage))) cwd = path.join(cwd, 'deeper');
    mkdirSync(cwd, { recursive: true });
    const result = await cli(['validate', fromPackage], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hint: give the path of the model folder');
  });

  // Found in an officer's trial: report's own --help example, run from their folder, was told to
  // "run highneeds project with no folder"; and of another fixture, no folder is not that fixture.
  it("report's example is told to give no folder, not to run project; another fixture, only its path", async () => {
    const out = path.join(elsewhere, 'r.html');
    const report = await cli(['report', 'fixtures/example', '--out', out], { cwd: elsewhere });
    expect(report.code).toBe(1);
    expect(report.stderr).toContain(
      'or give no folder: every command that reads a model runs on the shipped example without one',
    );
    expect(report.stderr).not.toContain('highneeds project');
    const other = await cli(['validate', 'fixtures/worked-example'], { cwd: elsewhere });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(
      `give it in full, ${path.resolve(ROOT, 'fixtures/worked-example')}\n`,
    );
  });

  it('a folder highneeds does not have keeps the plain hint', async () => {
    const result = await cli(['validate', 'fixtures/no-such-model'], { cwd: elsewhere });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hint: give the path of the model folder');
  });

  // Found by an analyst's trial, from an installed package: batch's, nff's and calibrate's
  // examples name fixtures/national, fixtures/nff and fixtures/history, which the package did not
  // ship, and their messages said only that there is no such folder or file.
  it.each([
    [['batch', 'fixtures/national', '--out-dir', 'out'], 'fixtures/national'],
    [['nff', 'fixtures/nff/nff-factors.csv', '--year', '2025-26'], 'fixtures/nff/nff-factors.csv'],
    [
      ['calibrate', '--transitions', 'fixtures/history/transitions.csv'],
      'fixtures/history/transitions.csv',
    ],
  ])('%j names where highneeds keeps %s', async (args, given) => {
    const extra = args[0] === 'calibrate' ? ['--population', 'p.csv', '--out-dir', 'c'] : [];
    const result = await cli([...args, ...extra], { cwd: elsewhere });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `hint: ${given} is highneeds' own (the --help examples run from ${path.resolve(ROOT)}): give it in full, ${path.resolve(ROOT, given)}\n`,
    );
  });

  // Found reviewing the change above: batch's default folder, `.`, run where there is no model,
  // was called highneeds' own folder, the package's root.
  it.each([[[]], [['.']], [['sub/..']]])(
    'batch %j where there is no model keeps the plain hint',
    async (folder) => {
      // A folder of its own: the tests above leave a model folder in `elsewhere`.
      const cwd = mkdtempSync(path.join(elsewhere, 'empty-'));
      const result = await cli(['batch', ...folder, '--out-dir', 'out'], { cwd });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'hint: give a national model (model.json naming "areas") or a folder of model folders',
      );
    },
  );
});
