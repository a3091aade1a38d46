import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

/**
 * The build's bundle step (scripts/bundle.mjs, run by scripts/build.mjs after tsc) refuses to
 * bundle a module other than src/io/provenance-name.ts that reads import.meta (in a bundle it
 * would look from dist/bin/). The check read esbuild's metafile, whose inputs are named relative
 * to the folder the build runs in, as if relative to the package: run from any other folder, it
 * found none of the modules and passed everything. Here the step is run on a copy of the built
 * package, one module made to read import.meta, from another folder: the step alone, not the
 * whole build, whose type-check made this the suite's longest file (14 s; issue 18, item 5).
 */
describe('the bundle step, run from another folder', () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'highneeds-build-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('still refuses a module that reads import.meta, and drops the record of the build', () => {
    cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    expect(existsSync(path.join(copy, 'dist/.tsbuildinfo'))).toBe(true);
    appendFileSync(
      path.join(copy, 'dist/cli/version.js'),
      'export const whereAmI = import.meta.url;\n',
    );
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bundle.mjs'), copy], {
      cwd: tmpdir(),
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`${path.join('dist', 'cli', 'version.js')} reads import.meta`);
    // Nor does the next build (the tests' build, test/helpers/built.ts, whenever src/ is older
    // than this record) take it as built: the record of the failed build is gone.
    expect(existsSync(path.join(copy, 'dist/.tsbuildinfo'))).toBe(false);
  });
});
