import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

/**
 * A user trial found the files of highneeds's own library (tariffs, policy, templates, NFF
 * parameters) recorded in manifests and reports as paths from the model folder to wherever the
 * package was installed (`../../../…/tariffs/…`): the same model and version wrote different
 * bytes from each install, and a report sent on showed the user's folders. The built package is
 * copied to two places at different depths and the same model run by each from a different
 * working folder: the manifests and reports must be the same bytes. Spawned, not in process, as
 * the library is found from where the running modules are.
 */
const SHIPPED = [
  'package.json',
  'bin',
  'dist',
  'tariffs',
  'policy',
  'templates',
  'nff-parameters',
  'fixtures/example',
];
const work = mkdtempSync(path.join(tmpdir(), 'highneeds-install-'));
const installs = [
  path.join(work, 'a', 'highneeds'),
  path.join(work, 'b', 'lib', 'node_modules', 'highneeds'),
];
const model = path.join(work, 'model');

beforeAll(() => {
  for (const at of installs) {
    for (const name of SHIPPED)
      cpSync(path.join(ROOT, name), path.join(at, name), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(at, 'node_modules'), 'dir');
  }
  cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
  mkdirSync(path.join(work, 'shared'));
  cpSync(
    path.join(ROOT, 'tariffs/example-borough-2025.json'),
    path.join(work, 'shared/tariff.json'),
  );
  cpSync(path.join(ROOT, 'fixtures/nff/nff-factors.csv'), path.join(work, 'nff-factors.csv'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs install `i`'s binary from `cwd`; its stdout. */
function run(i: number, cwd: string, args: readonly string[]): string {
  const result = spawnSync(process.execPath, [path.join(installs[i]!, 'bin/highneeds'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const read = (file: string): string => readFileSync(path.join(work, file), 'utf8');

describe('provenance does not depend on where highneeds is installed or run from', () => {
  it('project --manifest: the same bytes, library files by their library name', () => {
    run(0, work, ['project', 'model', '--manifest', 'a.json', '--quiet']);
    run(1, model, ['project', '.', '--manifest', '../b.json', '--quiet']);
    expect(read('b.json')).toBe(read('a.json'));
    const manifest = JSON.parse(read('a.json')) as {
      inputs: { path: string }[];
      tariff: { source: string };
    };
    expect(manifest.inputs.map((i) => i.path)).toContain(
      'highneeds:tariffs/example-borough-2025.json',
    );
    expect(manifest.inputs.map((i) => i.path)).toContain(
      'highneeds:policy/statutory-override.json',
    );
    expect(manifest.tariff.source).toBe('highneeds:tariffs/example-borough-2025.json');
    expect(read('a.json')).not.toContain(work);
  });

  it('report: the same bytes, a --tariff outside the model folder named from it', () => {
    const args = ['--scenarios', 'unmitigated', '--quiet'];
    run(0, work, ['report', 'model', '--tariff', 'shared/tariff.json', '--out', 'a.html', ...args]);
    run(1, model, [
      'report',
      '.',
      '--tariff',
      '../shared/tariff.json',
      '--out',
      '../b.html',
      ...args,
    ]);
    const html = read('a.html');
    expect(read('b.html')).toBe(html);
    expect(html).toContain('highneeds:templates/dsg-plan-map.csv');
    expect(html).toContain('../shared/tariff.json');
    expect(html).not.toContain(work);
  });

  it('nff --manifest and output: the shipped parameters by their library name, the factors from their folder', () => {
    const args = ['--year', '2025-26', '--format', 'json'];
    const a = run(0, work, ['nff', 'nff-factors.csv', ...args, '--manifest', 'a-nff.json']);
    const b = run(1, model, ['nff', '../nff-factors.csv', ...args, '--manifest', '../b-nff.json']);
    expect(read('b-nff.json')).toBe(read('a-nff.json'));
    // The output names the parameters so too.
    expect(b).toBe(a);
    expect(a).toContain('"source": "highneeds:nff-parameters/2025-26.json"');
    const manifest = JSON.parse(read('a-nff.json')) as {
      inputs: { path: string }[];
      parameters: { source: string };
    };
    expect(manifest.inputs.map((i) => i.path).sort()).toEqual([
      'highneeds:nff-parameters/2025-26.json',
      'nff-factors.csv',
    ]);
    expect(manifest.parameters.source).toBe('highneeds:nff-parameters/2025-26.json');
  });
});
