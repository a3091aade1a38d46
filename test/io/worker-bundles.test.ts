import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

/**
 * batch's and simulate's worker threads start on one bundled file each (scripts/build.mjs,
 * WORKER_BUNDLES): some 0.07 s of CPU a thread to load, where the worker's 130-odd modules of
 * dist/ and its packages took 0.15 to 0.2 s through Node's module loader. That the bundled threads
 * do their work (the library's files found from where the package is, the same bytes on one
 * thread and on two) is what test/cli/batch.test.ts, simulate.test.ts and the others on threads
 * check; here, that the threads start on the bundles, and that a bundle needs no other file.
 */
const DIST = path.join(ROOT, 'dist');
const STARTS = [
  { starter: 'io/batch/pool.js', bundle: 'io/batch-worker.bundle.js' },
  { starter: 'io/simulate-threads.js', bundle: 'io/simulate-worker.bundle.js' },
];

describe("the worker threads' modules", () => {
  it.each(STARTS)('$starter starts its threads on $bundle', ({ starter, bundle }) => {
    const text = readFileSync(path.join(DIST, starter), 'utf8');
    const worker = /new URL\('([^']+)', import\.meta\.url\)/.exec(text)?.[1];
    expect(worker && path.join(path.dirname(path.join(DIST, starter)), worker)).toBe(
      path.join(DIST, bundle),
    );
  });

  it.each(STARTS)('$bundle imports only Node’s own modules', ({ bundle }) => {
    const text = readFileSync(path.join(DIST, bundle), 'utf8');
    const imported = [...text.matchAll(/^import\b[^;]*?from\s*"([^"]+)";$/gms)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !name!.startsWith('node:'))).toEqual([]);
    expect(text).not.toMatch(/\bimport\(/);
  });
});
