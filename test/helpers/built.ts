import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The incremental build's record (tsconfig.build.json), rewritten when a build changes dist/. */
const BUILD_INFO = path.join(ROOT, 'dist/.tsbuildinfo');

/**
 * The newest modification time of `dir` and the files and folders under it: a folder's changes
 * when a file in it is deleted or renamed, whose output the build then removes from dist/.
 */
function newest(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isDirectory())
    .reduce((latest, entry) => {
      return Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }, statSync(dir).mtimeMs);
}

/**
 * vitest globalSetup: the tests run the built modules (dist/): the binary, its worker threads,
 * main() in process (test/helpers/run-cli.ts), and what a test imports from src/ (resolved to
 * dist/ by vitest.config.ts). `npm test` and a run of some files by hand (`npx vitest run test/…`)
 * build here (npm run build's script, which also clears dist/ of modules no longer in src/), when
 * there is no build or src/ has changed since the last, so that they test the code as it is, not
 * as it was. This is the one build step of a test run: a `pretest` script
 * building as well cost every `npm test` some 2.3 s (npm, then tsc finding nothing to do; issue 18, item 5).
 */
export default function setup(): void {
  let built = 0;
  try {
    built = statSync(BUILD_INFO).mtimeMs;
  } catch {
    // Never built: build.
  }
  if (built >= newest(path.join(ROOT, 'src'))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // A build that found nothing to change leaves the record as it was: mark it checked, now.
  const now = new Date();
  utimesSync(BUILD_INFO, now, now);
}
