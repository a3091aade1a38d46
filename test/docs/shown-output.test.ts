import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { shellWords } from '../helpers/shell.js';
import { DOC_FILES } from './doc-files.js';

/*
 * A block that shows a command after `$ ` and then what it prints (README's worked example,
 * docs/explain.md's explanations) shows what the command prints now: each line shown, in order,
 * is a line of its stdout and stderr, word for word (a `…` line stands for lines left out).
 * test/docs/readme-blocks.test.ts runs these commands for their exit code only, so the figures
 * shown could go stale; the error catalogue's blocks are test/cli/errors.test.ts's.
 */
interface Shown {
  readonly at: string;
  readonly args: string[];
  readonly lines: string[];
}

const shown: Shown[] = DOC_FILES.filter((file) => file !== 'docs/errors.md').flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /^```\w*\n(\$ (?:node bin\/highneeds|npx highneeds) [^\n]*)\n([\s\S]*?)^```/gm,
    ),
  ]
    .filter((m) => m[2]!.trim() !== '')
    .map((m) => ({
      at: `${file}:${text.slice(0, m.index).split('\n').length + 1}`,
      args: shellWords(m[1]!.slice(2)).words.slice(2),
      lines: m[2]!.split('\n').map((line) => line.trimEnd()),
    }));
});

describe('the output the docs show is what the command prints', () => {
  it('finds blocks to check', () => {
    expect(shown.length).toBeGreaterThanOrEqual(4);
  });

  for (const { at, args, lines } of shown)
    it(`${at}: highneeds ${args.join(' ')}`, async () => {
      const run = await cli(args);
      const printed = `${run.stdout}\n${run.stderr}`.split('\n').map((line) => line.trimEnd());
      let from = 0;
      for (const line of lines.filter((l) => l !== '' && l !== '…')) {
        const found = printed.indexOf(line, from);
        expect(found, `not printed (or not in this order): ${line}`).toBeGreaterThanOrEqual(0);
        from = found + 1;
      }
    });
});
