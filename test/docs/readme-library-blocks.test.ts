import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { nativeImport } from '../helpers/native-import.mjs';
import { asOnOneCore } from '../helpers/one-core.js';
import { docBlocks } from '../helpers/ts-blocks.js';

// Threads are not what this file tests (the README's runBatch example asks for two; runBatch on one
// thread and two is test/cli/library-batch.test.ts's): its blocks run on one (the reason is in the helper).
asOnOneCore();

/**
 * Every ```ts block of README.md and docs/*.md runs as a scripter would paste it (a reviewer's
 * run of the README's second one threw `batch.national is not iterable`). Each block's types are
 * stripped by esbuild's transform (no type check: readme-library-types.test.ts checks them apart;
 * typescript's transpileModule strips them the same way, but loading typescript costs some 0.6 s
 * of CPU, esbuild 0.03 s) and its `from 'highneeds'` is the
 * built dist/index.js, the file package.json's exports name; test/cli/package.test.ts runs the first
 * block against the installed package. The blocks run one after another, from the repository
 * root, where the fixtures they read are, in this process, by Node's own import() (a scripter's
 * `node example.mjs` runs them the same way), where the library has run already: a node process
 * of their own, its start-up and the library's first, cold, runs, cost some 0.5 s of CPU more of
 * the 2 s they take (issue 18, item 5).
 */
const blocks = docBlocks();
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-ts-blocks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** What each block printed, or how it failed. */
const ran = new Map<string, { output: string; failure?: unknown }>();

/**
 * Runs `url` as a module with Node's own import(), from the repository root, and gives what it
 * wrote to stdout (console.log or process.stdout.write) and what it threw. vitest's console is
 * set aside for the run, so nothing else writes to stdout then: the blocks run one at a time.
 */
async function runBlock(url: string): Promise<{ output: string; failure?: unknown }> {
  const chunks: string[] = [];
  const { log } = console;
  const write = process.stdout.write;
  const before = process.cwd();
  console.log = (...items: unknown[]) => chunks.push(`${format(...items)}\n`);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  process.chdir(ROOT);
  try {
    await nativeImport(url);
    return { output: chunks.join('') };
  } catch (failure) {
    return { output: chunks.join(''), failure };
  } finally {
    process.chdir(before);
    console.log = log;
    process.stdout.write = write;
  }
}

beforeAll(async () => {
  const library = pathToFileURL(path.join(ROOT, 'dist/index.js')).href;
  for (const [i, block] of blocks.entries()) {
    const file = path.join(scratch, `block-${i}.mjs`);
    const source = block.source.replaceAll(/from 'highneeds'/g, `from '${library}'`);
    writeFileSync(
      file,
      transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022' }).code,
    );
    ran.set(block.name, await runBlock(pathToFileURL(file).href));
  }
}, 60_000);

describe('the ```ts blocks of README.md and docs/*.md', () => {
  it("finds the README's library examples", () => {
    expect(
      blocks.filter((block) => block.name.startsWith('README.md')).length,
    ).toBeGreaterThanOrEqual(4);
  });

  for (const block of blocks)
    it(`${block.name} runs, printing what it shows`, () => {
      const result = ran.get(block.name);
      expect(result, `${block.name} did not run`).toBeDefined();
      expect(result!.failure).toBeUndefined();
      expect(result!.output.trim(), 'it prints nothing').not.toBe('');
    });
});
