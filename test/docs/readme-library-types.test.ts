import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { docBlocks } from '../helpers/ts-blocks.js';

/**
 * Every ```ts block of README.md and docs/*.md type-checks against the built declarations
 * (dist/index.d.ts, the file package.json's exports name) as a scripter's strict project would
 * check it: `strict`, `noUncheckedIndexedAccess` and `exactOptionalPropertyTypes`. Found by an
 * analyst's trial: the blocks ran (readme-library-blocks.test.ts), but the README's simulate
 * example did not compile under exactOptionalPropertyTypes (`loadScenarios(dir, { model })` with
 * the `Model | undefined` loadModel gives).
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-ts-types-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the ```ts blocks of README.md and docs/*.md', () => {
  it('type-check in a strict project', { timeout: 60_000 }, () => {
    const blocks = docBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const files = blocks.map((block, i) => {
      const file = path.join(scratch, `block-${i}.mts`);
      // Each its own module: a block's names are not another's.
      writeFileSync(file, `${block.source}\nexport {};\n`);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules/@types')],
      paths: { highneeds: [path.join(ROOT, 'dist/index.d.ts')] },
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const at =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const block = d.file ? blocks[files.indexOf(path.resolve(d.file.fileName))] : undefined;
      return `${block?.name ?? d.file?.fileName ?? ''}${at ? ` (block line ${at.line + 1})` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  });
});
