import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Issue 18, defect 9: control characters read from an input are shown as `\x1b`-style escapes on
 * a terminal, not obeyed. Tables and messages did so; three lines written straight to stdout did
 * not (found by a probe of the defects against every command as it is now): `nff --area`'s
 * step-by-step text (an area name from the factors file), `validate`'s "ok" line (an area name
 * from areas.csv, a tariff id) and `tariffs check`'s (a tariff id).
 */
const ESC = '\u001b';
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-control-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function copyWith(from: string, name: string, file: string, edit: (text: string) => string) {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, from), dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

describe('control characters from inputs are shown, not obeyed, wherever text meets a terminal', () => {
  it("nff --area: the area's name in its step-by-step heading", async () => {
    const dir = copyWith('fixtures/nff/worked', 'nff', 'nff-factors.csv', (text) =>
      text.replace('Area A (on the floor)', `Area ${ESC}[31mA`),
    );
    const factors = path.join(dir, 'nff-factors.csv');
    const params = `--params=${path.join(dir, 'nff-parameters')}`;
    const result = await cli([
      'nff',
      factors,
      params,
      '--year=2025-26',
      '--area=A',
      '--format=table',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain('Area \\x1b[31mA (A): high-needs NFF 2025-26');
  });

  it("validate --area: the area's name in the ok line", async () => {
    const dir = copyWith('fixtures/national', 'national', 'areas.csv', (text) =>
      text.replace('Northshire', `North${ESC}]0;pwned\u0007shire`),
    );
    const result = await cli(['validate', dir, '--area', 'N01']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain('area N01 (North\\x1b]0;pwned\\x07shire): ok');
  });

  it("tariffs check: the tariff's id in the ok line", async () => {
    const dir = copyWith('tariffs', 'library', 'example-borough-2025.json', (text) =>
      text.replace('"id": "example-borough-2025"', '"id": "example\\u001b[2Jborough"'),
    );
    const result = await cli(['tariffs', 'check', path.join(dir, 'example-borough-2025.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain('(example\\x1b[2Jborough: ');
  });
});
