import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

/**
 * scripts/build.mjs refuses to bundle a module other than src/io/provenance-name.ts that reads
 * import.meta (in a bundle it would look from dist/bin/). The check read esbuild's metafile,
 * whose inputs are named relative to the folder the build runs in, as if relative to the package:
 * run from any other folder, it found none of the modules and passed everything. Here a copy of
 * the package (its dist/ too, so tsc rebuilds one module) is built from another folder.
 */
describe('the build, run from another folder', () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'highneeds-build-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('still refuses a module that reads import.meta', () => {
    for (const name of [
      'src',
      'scripts',
      'dist',
      'package.json',
      'tsconfig.json',
      'tsconfig.build.json',
    ])
      cpSync(path.join(ROOT, name), path.join(copy, name), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    appendFileSync(
      path.join(copy, 'src/cli/version.ts'),
      'export const whereAmI = import.meta.url;\n',
    );
    const result = spawnSync(process.execPath, [path.join(copy, 'scripts/build.mjs')], {
      cwd: tmpdir(),
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    // Nor does the next build (the tests' build, test/helpers/built.ts, whenever src/ is older
    // than this record) take it as built: the record of the failed build is gone.
    expect(existsSync(path.join(copy, 'dist/.tsbuildinfo'))).toBe(false);
    expect(result.stderr).toContain(`${path.join('dist', 'cli', 'version.js')} reads import.meta`);
  }, 60_000);
});
