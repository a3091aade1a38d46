// npm run build (and the tests' build, test/helpers/built.ts): dist/ as tsc makes it from an empty
// folder, at the speed of its incremental build (tsconfig.build.json). tsc never deletes what it
// emitted before, so a module deleted or renamed in src/ stayed in dist/, and a test could pass
// against code that no longer exists. Here every file of dist/ that no module of src/ makes is
// removed first; and when a module's output is missing (dist/ emptied by hand, a file deleted),
// the incremental record is dropped too, since tsc trusts it and would emit nothing. Node only, no
// shell commands, so it runs the same on Windows.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
/** tsc's incremental record (tsconfig.build.json's tsBuildInfoFile). */
const BUILD_INFO = path.join(DIST, '.tsbuildinfo');

/**
 * Each worker thread's entry (dist/X.js) and the one file it is bundled into, with every module
 * it imports (dist/ and the packages): a thread started on the bundle reads and compiles one file,
 * not some 130 through Node's module loader, about 0.07 s of CPU to start where the modules took
 * 0.15 to 0.2 s, for each thread of each run of batch, validate and simulate (issue 18, item 5).
 * Built from the dist/ tsc has just emitted, so it is the same code. The bundles sit in dist/io/,
 * beside the modules that find the library's files from their own location
 * (`new URL('../../tariffs/', import.meta.url)`): in a bundle that location is the bundle's.
 */
const WORKER_BUNDLES = {
  'io/batch/worker.js': 'io/batch-worker.bundle.js',
  'io/simulate-worker.js': 'io/simulate-worker.bundle.js',
};

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
if (status === 0) bundleWorkers();

function bundleWorkers() {
  for (const [entry, bundle] of Object.entries(WORKER_BUNDLES)) {
    const { metafile } = buildSync({
      entryPoints: [path.join(DIST, entry)],
      outfile: path.join(DIST, bundle),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      metafile: true,
      logLevel: 'warning',
    });
    // A module elsewhere in dist/ that finds a file from its own location would find it from
    // dist/io/ in the bundle: say so rather than ship a thread that reads the wrong folder.
    for (const input of Object.keys(metafile.inputs)) {
      const file = path.resolve(ROOT, input);
      if (!file.startsWith(DIST) || path.dirname(file) === path.join(DIST, 'io')) continue;
      if (readFileSync(file, 'utf8').includes('import.meta'))
        throw new Error(
          `${path.relative(ROOT, file)} reads import.meta, and ${bundle} bundles it from another folder (scripts/build.mjs, WORKER_BUNDLES)`,
        );
    }
  }
}
