import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Issue 18, defect 7: a model passed on must not make the tool read a file outside it and echo its
 * content. The tariff and areas paths that model.json names were checked, on real paths; the
 * model's own files were not: a cohort.csv that is a symbolic link to /etc/shadow (a tar or zip
 * keeps links) had its first line printed as an unknown column's name, a scenarios.json so linked
 * its first character in JSON_MALFORMED, and its SHA-256 went in the manifest (found by a probe of
 * the defects against every command as it is now). A stand-in secret file is used here.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-linked-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const SECRET = path.join(scratch, 'secret.txt');
writeFileSync(SECRET, 'Qroot:secret-hash:20228:0:99999:7:::\n');

function modelLinking(from: string, name: string, file: string, target = SECRET): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, from), dir, { recursive: true });
  rmSync(path.join(dir, file), { force: true });
  symlinkSync(target, path.join(dir, file));
  return dir;
}

describe("a model's own file that is a link out of its folder is refused, and nothing of it is shown", () => {
  const EXAMPLE = 'fixtures/example';
  const NATIONAL = 'fixtures/national';
  const html = path.join(scratch, 'r.html');
  // [the file linked out, the model it is in, the command that reads it]
  const cases: [string, string, (dir: string) => string[]][] = [
    ['cohort.csv', EXAMPLE, (d) => ['project', d]],
    ['scenarios.json', EXAMPLE, (d) => ['compare', d]],
    ['model.json', NATIONAL, (d) => ['batch', d, '--out-dir', path.join(scratch, 'out')]],
    ['cohort.csv', NATIONAL, (d) => ['validate', d]],
    ['dsg-plan-map.csv', EXAMPLE, (d) => ['report', d, '--out', html]],
  ];
  for (const [file, from, args] of cases)
    it(`${file} of ${from}, read by ${args('')[0]}: PATH_OUTSIDE_MODEL at the file, exit 1, nothing of it echoed`, async () => {
      const result = await cli(
        args(modelLinking(from, `${from}-${file}`.replace(/\W/g, '-'), file)),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${file}: error PATH_OUTSIDE_MODEL: `);
      expect(result.stderr).not.toMatch(/secret|Qroot|"Q"/);
    });

  it('--allow-outside reads a linked file, as it does a tariff outside', async () => {
    const shared = path.join(scratch, 'shared-cohort.csv');
    cpSync(path.join(ROOT, 'fixtures/example/cohort.csv'), shared);
    const model = modelLinking('fixtures/example', 'allowed', 'cohort.csv', shared);
    const result = await cli(['project', model, '--allow-outside']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect((await cli(['project', model])).code).toBe(1);
  });

  it('a link that stays inside the folder, or a linked model folder, is read as before', async () => {
    const model = path.join(scratch, 'inside');
    cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
    cpSync(path.join(model, 'cohort.csv'), path.join(model, 'cohort-2025.csv'));
    rmSync(path.join(model, 'cohort.csv'));
    symlinkSync('cohort-2025.csv', path.join(model, 'cohort.csv'));
    const alias = path.join(scratch, 'alias');
    symlinkSync(model, alias);
    expect((await cli(['project', model])).code).toBe(0);
    expect((await cli(['project', alias])).code).toBe(0);
  });

  // Found by a review: the inside test took any path beginning ".." for one leading up and out,
  // so a link into a folder of the model named "..data" was refused as outside it.
  it('a link into a folder of the model whose name begins with ".." stays inside', async () => {
    const model = path.join(scratch, 'dotted');
    cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
    mkdirSync(path.join(model, '..data'));
    cpSync(path.join(model, 'cohort.csv'), path.join(model, '..data', 'cohort.csv'));
    rmSync(path.join(model, 'cohort.csv'));
    symlinkSync(path.join('..data', 'cohort.csv'), path.join(model, 'cohort.csv'));
    const result = await cli(['project', model]);
    expect([result.code, result.stderr]).toEqual([0, '']);
  });
});
