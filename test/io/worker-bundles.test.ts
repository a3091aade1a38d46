import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

/**
 * batch's and simulate's worker threads start on one bundled file each (scripts/bundle.mjs,
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
    // Found from the package's root (packageFile: a bundle of the CLI runs it from dist/bin/).
    const text = readFileSync(path.join(DIST, starter), 'utf8');
    const parts = /packageFile\(([^)]+)\)/
      .exec(text)?.[1]
      ?.split(',')
      .map((p) => p.trim().slice(1, -1));
    expect(parts && path.join(ROOT, ...parts)).toBe(path.join(DIST, bundle));
  });

  it.each(STARTS)('$bundle imports only Node’s own modules', ({ bundle }) => {
    const text = readFileSync(path.join(DIST, bundle), 'utf8');
    const imported = [...text.matchAll(/^import\b[^;]*?from\s*"([^"]+)";$/gms)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !name!.startsWith('node:'))).toEqual([]);
    expect(text).not.toMatch(/\bimport\(/);
  });
});

/**
 * What bin/highneeds runs: the CLI bundled with code splitting into dist/bin/ (scripts/bundle.mjs).
 * Its files import one another and Node's own modules, and nothing Node would look for among the
 * packages: a package left out of the bundle would be loaded file by file again.
 */
describe("the CLI's bundle", () => {
  const BIN = path.join(DIST, 'bin');
  const files = readdirSync(BIN).filter((name) => name.endsWith('.js'));

  it('imports only its own chunks and Node’s modules, statically or when a command needs them', () => {
    expect(files).toContain('main.js');
    const outside = files.flatMap((file) => {
      const text = readFileSync(path.join(BIN, file), 'utf8');
      const named = [
        ...text.matchAll(/^import\b[^;]*?from\s*"([^"]+)";$/gms),
        ...text.matchAll(/^import\s*"([^"]+)";$/gm),
        ...text.matchAll(/\bimport\("([^"]+)"\)/g),
      ].map((m) => m[1]!);
      return named
        .filter((name) => !isBuiltin(name) && !/^\.\/[\w-]+\.js$/.test(name))
        .map((name) => `${file}: ${name}`);
    });
    expect(outside).toEqual([]);
  });

  it("keeps the report's workbook writer out of what project loads", () => {
    // The largest chunk is exceljs: loaded by report and batch --report only.
    const size = (file: string) => readFileSync(path.join(BIN, file)).length;
    const largest = [...files].sort((a, b) => size(b) - size(a))[0]!;
    expect(readFileSync(path.join(BIN, largest), 'utf8')).toMatch(/ExcelJS|exceljs/);
    const main = readFileSync(path.join(BIN, 'main.js'), 'utf8');
    expect(main).not.toContain(`"./${largest}"`);
  });
});
