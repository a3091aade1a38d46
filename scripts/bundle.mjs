// The bundles of dist/ (npm run build makes them after tsc: scripts/build.mjs): the CLI as
// bin/highneeds runs it, and each worker thread's module. Also runnable alone on a built package,
// `node scripts/bundle.mjs [package-root]`, which the test of its guard does
// (test/io/build-guard.test.ts) without a type-check.
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/**
 * Each worker thread's entry (dist/X.js) and the one file it is bundled into, with every module
 * it imports (dist/ and the packages): a thread started on the bundle reads and compiles one file,
 * not some 130 through Node's module loader, about 0.07 s of CPU to start where the modules took
 * 0.15 to 0.2 s, for each thread of each run of batch, validate and simulate (issue 18, item 5).
 * Built from the dist/ tsc has just emitted, so it is the same code. The bundles sit in dist/io/,
 * the folder of provenance-name.js, so packageRoot() (`../../` from the bundle, in
 * which import.meta is the bundle's) finds the package from either (PACKAGE_ROOT_MODULE).
 */
export const WORKER_BUNDLES = {
  'io/batch/worker.js': 'io/batch-worker.bundle.js',
  'io/simulate-worker.js': 'io/simulate-worker.bundle.js',
};

/**
 * The CLI as bin/highneeds runs it: dist/cli/main.js and all it imports, bundled by esbuild with
 * code splitting into dist/bin/. Node loads a command's few files, not some 150 modules and the
 * packages' each through its module loader. Each `import()` the CLI makes only when a command
 * needs it (a command's module, the report's workbook writer) stays a chunk of its own, loaded
 * only then; bundled into one file instead, every run loaded every command and was slower
 * (docs/reliability.md). The modules of dist/ stay as tsc emits them: the library (dist/index.js)
 * and the tests import those.
 */
const CLI_ENTRY = 'cli/main.js';
export const CLI_BUNDLE = 'bin';

/**
 * The one module that may find the package from its own location (src/io/provenance-name.ts,
 * packageRoot): a bundle sits one folder below dist/, as it does, so `../../` from either is the
 * package; any other module reading import.meta would look from the wrong folder once bundled.
 */
const PACKAGE_ROOT_MODULE = path.join('io', 'provenance-name.js');

/**
 * Bundles the built package at `root` (its dist/). A bundle refused (packageFoundOnce) or not made
 * leaves no record of a build (dist/.tsbuildinfo): the next build, and the tests'
 * (test/helpers/built.ts, which builds only when src/ is newer than the record), make it again
 * rather than run what was left in dist/.
 */
export function bundle(root) {
  const dist = path.join(root, 'dist');
  try {
    bundleIn(root, dist);
  } catch (cause) {
    rmSync(path.join(dist, '.tsbuildinfo'), { force: true });
    throw cause;
  }
}

function bundleIn(root, dist) {
  const options = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    // The metafile names its inputs relative to this folder: packageFoundOnce reads them from the
    // package's root, so a build run from another folder (node path/to/scripts/build.mjs) still
    // checks every module rather than none.
    absWorkingDir: root,
    logLevel: 'warning',
    // A package written as CommonJS (commander) requires Node's modules: give it a require.
    banner: {
      js: "import { createRequire as createRequire_ } from 'node:module'; const require = createRequire_(import.meta.url);",
    },
  };
  for (const [entry, file] of Object.entries(WORKER_BUNDLES))
    packageFoundOnce(
      root,
      file,
      buildSync({
        ...options,
        entryPoints: [path.join(dist, entry)],
        outfile: path.join(dist, file),
      }).metafile,
    );
  rmSync(path.join(dist, CLI_BUNDLE), { recursive: true, force: true });
  packageFoundOnce(
    root,
    CLI_BUNDLE,
    buildSync({
      ...options,
      entryPoints: { main: path.join(dist, CLI_ENTRY) },
      outdir: path.join(dist, CLI_BUNDLE),
      splitting: true,
    }).metafile,
  );
}

/** Refuses a bundle in which a module of dist/ other than PACKAGE_ROOT_MODULE reads import.meta. */
function packageFoundOnce(root, bundle, metafile) {
  const dist = path.join(root, 'dist');
  for (const input of Object.keys(metafile.inputs)) {
    const file = path.resolve(root, input);
    if (!file.startsWith(dist + path.sep) || file === path.join(dist, PACKAGE_ROOT_MODULE))
      continue;
    if (readFileSync(file, 'utf8').includes('import.meta'))
      throw new Error(
        `${path.relative(root, file)} reads import.meta, and dist/${bundle} bundles it into another folder: find the package's files with packageFile() (src/io/provenance-name.ts)`,
      );
  }
}

// Run alone: the package root given, or the one this script is in.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  bundle(path.resolve(process.argv[2] ?? fileURLToPath(new URL('../', import.meta.url))));
