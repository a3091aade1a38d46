import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Issue 18, defect 9: manifest paths were relative to the working folder, so the same run from
 * another folder wrote different bytes. They are relative to the model folder now. The runs are
 * in process (the helper enters the working folder with process.chdir), as the binary resolves
 * paths against process.cwd() too.
 */
const work = mkdtempSync(path.join(tmpdir(), 'highneeds-manifest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the provenance manifest does not depend on the working folder', () => {
  it('project --manifest writes the same bytes from the repository and from elsewhere', async () => {
    const here = path.join(work, 'here.json');
    const there = path.join(work, 'there.json');
    const model = path.join(ROOT, 'fixtures/example');
    expect((await cli(['project', 'fixtures/example', '--manifest', here, '--quiet'])).code).toBe(
      0,
    );
    expect(
      (await cli(['project', model, '--manifest', there, '--quiet'], { cwd: work })).code,
    ).toBe(0);
    expect(readFileSync(there, 'utf8')).toBe(readFileSync(here, 'utf8'));
    const paths = (
      JSON.parse(readFileSync(here, 'utf8')) as { inputs: { path: string }[] }
    ).inputs.map((input) => input.path);
    expect(paths.slice(0, 3)).toEqual([
      'model.json',
      'highneeds:tariffs/example-borough-2025.json',
      'cohort.csv',
    ]);
  });

  it("batch's manifest.json is the same bytes from the repository and from elsewhere", async () => {
    const model = path.join(ROOT, 'fixtures/national');
    const a = path.join(work, 'batch-a');
    const b = path.join(work, 'batch-b');
    expect(
      (await cli(['batch', 'fixtures/national', '--out-dir', a, '--quiet', '--jobs', '1'])).code,
    ).toBe(0);
    expect(
      (await cli(['batch', model, '--out-dir', b, '--quiet', '--jobs', '1'], { cwd: work })).code,
    ).toBe(0);
    const manifest = readFileSync(path.join(a, 'manifest.json'), 'utf8');
    expect(readFileSync(path.join(b, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(manifest).toContain('"path": "areas.csv"');
  });
});
