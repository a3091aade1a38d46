// The baseline build that `npm run bench` times the current tree against, A/B in the same run:
// the tool as it was at BASELINE_COMMIT, extracted with `git archive` into the git-ignored
// bench/data/baseline/ and compiled there with this repo's TypeScript. Rebuilt only when missing
// or made from another commit. Alone: `node bench/baseline.mjs` (prints the folder).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/**
 * 146dc0c is the commit before the demand engine (issue 14): the last build of the old cohort
 * model, so every "baseline" figure says what the engine changed. BENCH_BASELINE names another
 * commit (any name git accepts) to compare against instead.
 */
export const BASELINE_COMMIT = process.env.BENCH_BASELINE ?? '146dc0c';

/** What the built tool needs at run time; tests, fixtures and docs stay out. */
const PATHS = [
  'bin',
  'src',
  'tariffs',
  'nff-parameters',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  // To write a national model and a 20,000-pupil area the baseline can read (bench/data/baseline/bench/data/).
  'bench/make-national.mjs',
  'bench/make-cohort.mjs',
  'fixtures/example',
];
const DIR = path.join(here, 'data', 'baseline');
/** Written last, so a half-made tree (a failed build, an interrupted run) is made again. */
const STAMP = path.join(DIR, '.bench-commit');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

function resolveCommit(name) {
  return run('git', ['rev-parse', '--verify', `${name}^{commit}`], { encoding: 'utf8' }).trim();
}

/**
 * The baseline runs on this tree's node_modules (Node and tsc look for packages in every parent
 * folder), which is only fair if every run-time package it asks for is here at the same version
 * (dev tools may differ; packages added since, such as exceljs for reports, it never loads).
 */
function checkSameDependencies(commit) {
  const then = JSON.parse(run('git', ['show', `${commit}:package.json`], { encoding: 'utf8' }));
  const now = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const differing = Object.entries(then.dependencies ?? {}).filter(
    ([name, version]) => now.dependencies?.[name] !== version,
  );
  if (differing.length)
    throw new Error(
      `bench: ${commit} asks for ${differing.map(([name, version]) => `${name}@${version}`).join(', ')}, which package.json does not; install them and build it by hand to compare`,
    );
}

function build(commit) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  // git archive rather than a worktree: nothing is left in .git, and it works the same in a fresh clone.
  run('tar', ['-x', '-C', DIR], {
    input: run('git', ['archive', '--format=tar', commit, ...PATHS]),
  });
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  run(process.execPath, [
    tsc,
    '-p',
    path.join(DIR, 'tsconfig.build.json'),
    '--declaration',
    'false',
  ]);
  // This repo's tsconfig.json includes bench/, so `npm run typecheck` would check the baseline's
  // .ts too: keep only its compiled .js (built without .d.ts above for the same reason).
  rmSync(path.join(DIR, 'src'), { recursive: true, force: true });
  writeFileSync(STAMP, `${commit}\n`);
}

/** The folder of the baseline build (bench/data/baseline), made first if missing or from another commit. */
export function baselineDir() {
  const commit = resolveCommit(BASELINE_COMMIT);
  checkSameDependencies(commit);
  const current = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  // A tree made before PATHS named a file (bench/make-cohort.mjs) is made again.
  const made = ['dist/cli/main.js', 'bench/make-cohort.mjs'].every((file) =>
    existsSync(path.join(DIR, file)),
  );
  if (current !== commit || !made) build(commit);
  return DIR;
}

/** The baseline's commit, short, for the report. */
export function baselineLabel() {
  return run('git', ['rev-parse', '--short', resolveCommit(BASELINE_COMMIT)], {
    encoding: 'utf8',
  }).trim();
}

/**
 * The national model written by the baseline's own bench/make-national.mjs (same seed): the one
 * the baseline can read, since later commits' generators write fields it does not know (the
 * money model's placeFundedBy, hnb_deductions). Both builds are timed on it for the A/B.
 */
export function baselineNational() {
  const dir = path.join(baselineDir(), 'bench', 'data', 'national');
  if (!existsSync(path.join(dir, 'cohort.csv')))
    run(process.execPath, [path.join(baselineDir(), 'bench', 'make-national.mjs')]);
  return dir;
}

/**
 * The 20,000-pupil area written by the baseline's own bench/make-cohort.mjs (same seed), from its
 * own fixtures/example: later generators copy today's example, whose funding.csv and tariff carry
 * fields the baseline does not know (hnb_deductions, placeFundedBy), so on a fresh clone its
 * project of this tree's model failed and npm run bench stopped. Both builds are timed on it.
 */
export function baselineCohort() {
  const dir = path.join(baselineDir(), 'bench', 'data', 'pupils-20000');
  // funding.csv is the last file its generator writes: a folder without it was left half made.
  if (!existsSync(path.join(dir, 'funding.csv')))
    run(process.execPath, [path.join(baselineDir(), 'bench', 'make-cohort.mjs'), '20000']);
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(path.relative(process.cwd(), baselineDir()));
}
