import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

/**
 * Every ```ts block of README.md and docs/*.md runs as a scripter would paste it (a reviewer's
 * run of the README's second one threw `batch.national is not iterable`). Each block's types are
 * stripped (typescript's transpileModule: no type check) and its `from 'highneeds'` is the built
 * dist/index.js, the file package.json's exports name; test/cli/package.test.ts runs the first
 * block against the installed package. All blocks run in one node process (a spawn costs about
 * 0.4 s; issue 18), one after another, from the repository root, where the fixtures they read are.
 */
interface Block {
  readonly name: string;
  readonly source: string;
}

const DOCS = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

function tsBlocks(file: string): Block[] {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!lines[i]!.startsWith('```')) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end += 1;
    if (lines[i] === '```ts')
      blocks.push({ name: `${file}:${i + 1}`, source: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const blocks = DOCS.flatMap(tsBlocks);
const MARK = '\u0001block ';
const FAILED = '\u0002failed ';
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-ts-blocks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const ran = new Map<string, string>();
let stderr = '';

beforeAll(() => {
  const library = pathToFileURL(path.join(ROOT, 'dist/index.js')).href;
  const files = blocks.map((block, i) => {
    const file = path.join(scratch, `block-${i}.mjs`);
    const source = block.source.replaceAll(/from 'highneeds'/g, `from '${library}'`);
    writeFileSync(
      file,
      ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText,
    );
    return { name: block.name, url: pathToFileURL(file).href };
  });
  const runner = path.join(scratch, 'run.mjs');
  writeFileSync(
    runner,
    `for (const { name, url } of ${JSON.stringify(files)}) {
  process.stdout.write(${JSON.stringify(MARK)} + name + '\\n');
  try { await import(url); } catch (cause) { process.stdout.write(${JSON.stringify(FAILED)} + (cause?.stack ?? cause) + '\\n'); }
}
`,
  );
  const result = spawnSync(process.execPath, [runner], { cwd: ROOT, encoding: 'utf8' });
  stderr = result.stderr;
  expect(result.status, result.stderr).toBe(0);
  for (const section of result.stdout.split(MARK).slice(1)) {
    const newline = section.indexOf('\n');
    ran.set(section.slice(0, newline), section.slice(newline + 1));
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
      const output = ran.get(block.name);
      expect(output, `${block.name} did not run: ${stderr}`).toBeDefined();
      expect(output).not.toContain(FAILED);
      expect(output!.trim(), 'it prints nothing').not.toBe('');
    });
});
