// npm run build (and the tests' build, test/helpers/built.ts): dist/ as tsc makes it from an empty
// folder, at the speed of its incremental build (tsconfig.build.json). tsc never deletes what it
// emitted before, so a module deleted or renamed in src/ stayed in dist/, and a test could pass
// against code that no longer exists. Here every file of dist/ that no module of src/ makes is
// removed first; and when a module's output is missing (dist/ emptied by hand, a file deleted),
// the incremental record is dropped too, since tsc trusts it and would emit nothing. Node only, no
// shell commands, so it runs the same on Windows.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, CLI_BUNDLE, WORKER_BUNDLES } from './bundle.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
/** tsc's incremental record (tsconfig.build.json's tsBuildInfoFile). */
const BUILD_INFO = path.join(DIST, '.tsbuildinfo');

/** What tsc emits into dist/ for src/: X.js and X.d.ts for each X.ts (a .d.ts of src/ emits nothing). */
const outputs = new Set();
for (const file of readdirSync(SRC, { recursive: true })) {
  if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
  const stem = file.slice(0, -'.ts'.length);
  outputs.add(`${stem}.js`).add(`${stem}.d.ts`);
}

if (existsSync(DIST)) {
  const entries = readdirSync(DIST, { recursive: true, withFileTypes: true });
  const folders = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) folders.push(full);
    else if (
      full !== BUILD_INFO &&
      !outputs.has(path.relative(DIST, full)) &&
      path.relative(DIST, full).split(path.sep)[0] !== CLI_BUNDLE &&
      !Object.values(WORKER_BUNDLES).includes(path.relative(DIST, full))
    )
      rmSync(full);
  }
  // Deepest first, so a folder emptied of folders goes too.
  for (const folder of folders.sort().reverse())
    if (readdirSync(folder).length === 0) rmdirSync(folder);
}
if ([...outputs].some((output) => !existsSync(path.join(DIST, output))))
  rmSync(BUILD_INFO, { force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status, error } = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (error) throw error;
process.exitCode = status ?? 1;
// Then the bundles (scripts/bundle.mjs), which drop the record of this build if they fail.
if (status === 0) bundle(ROOT);
