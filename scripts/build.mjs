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
 * the folder of provenance-name.js, so packageRoot() (`../../` from the bundle, in
 * which import.meta is the bundle's) finds the package from either (PACKAGE_ROOT_MODULE).
 */
const WORKER_BUNDLES = {
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
const CLI_BUNDLE = 'bin';

/**
 * The one module that may find the package from its own location (src/io/provenance-name.ts,
 * packageRoot): a bundle sits one folder below dist/, as it does, so `../../` from either is the
 * package; any other module reading import.meta would look from the wrong folder once bundled.
 */
const PACKAGE_ROOT_MODULE = path.join(DIST, 'io', 'provenance-name.js');

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
// A bundle refused (packageFoundOnce) or not made leaves no record of a build: the next build, and
// the tests' (test/helpers/built.ts, which builds only when src/ is newer than the record), make
// it again rather than run what was left in dist/.
if (status === 0)
  try {
    bundle();
  } catch (cause) {
    rmSync(BUILD_INFO, { force: true });
    throw cause;
  }

function bundle() {
  const options = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    // The metafile names its inputs relative to this folder: packageFoundOnce reads them from the
    // package's root, so a build run from another folder (node path/to/scripts/build.mjs) still
    // checks every module rather than none.
    absWorkingDir: ROOT,
    logLevel: 'warning',
    // A package written as CommonJS (commander) requires Node's modules: give it a require.
    banner: {
      js: "import { createRequire as createRequire_ } from 'node:module'; const require = createRequire_(import.meta.url);",
    },
  };
  for (const [entry, file] of Object.entries(WORKER_BUNDLES))
    packageFoundOnce(
      file,
      buildSync({
        ...options,
        entryPoints: [path.join(DIST, entry)],
        outfile: path.join(DIST, file),
      }).metafile,
    );
  rmSync(path.join(DIST, CLI_BUNDLE), { recursive: true, force: true });
  packageFoundOnce(
    CLI_BUNDLE,
    buildSync({
      ...options,
      entryPoints: { main: path.join(DIST, CLI_ENTRY) },
      outdir: path.join(DIST, CLI_BUNDLE),
      splitting: true,
    }).metafile,
  );
}

/** Refuses a bundle in which a module of dist/ other than PACKAGE_ROOT_MODULE reads import.meta. */
function packageFoundOnce(bundle, metafile) {
  for (const input of Object.keys(metafile.inputs)) {
    const file = path.resolve(ROOT, input);
    if (!file.startsWith(DIST) || file === PACKAGE_ROOT_MODULE) continue;
    if (readFileSync(file, 'utf8').includes('import.meta'))
      throw new Error(
        `${path.relative(ROOT, file)} reads import.meta, and dist/${bundle} bundles it into another folder: find the package's files with packageFile() (src/io/provenance-name.ts)`,
      );
  }
}
