import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../../src/cli/help-examples.js';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { outputNames, redirectOutputs, sameRunKey, shellWords } from '../helpers/shell.js';
import { asOnOneCore } from '../helpers/one-core.js';
import { DOCS } from '../helpers/ts-blocks.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/**
 * The README is true (issue 19, item 10): every command that README.md and docs/*.md show in a
 * fenced block, as `node bin/highneeds …` or `npx highneeds …` (in an `sh` block, or after `$ `
 * in an output example), runs from the repository on the shipped fixtures and exits as the block
 * implies: 0, or 1 when the block shows an error, or the code a trailing `# exit N` names.
 * Outputs (--out, --out-dir, --manifest, init's folder) go to a temporary folder, one per block,
 * and a later command of the block that reads an earlier one's output (`--baseline-from
 * nff-2025-26.csv`) reads it there; a command on generated data (bench/data) is skipped.
 *
 * A command that is the same as one run already (the same arguments, outputs of the same names)
 * is not run again (issue 18, item 5: the suite's time): a --help example, which
 * test/cli/help.test.ts runs expecting exit 0, or an earlier command here expecting the same exit.
 * Its name says which. One that shares an output's name with another command of its block runs
 * all the same, as the files its block leaves may change what it does.
 */
interface Shown {
  readonly file: string;
  readonly line: number;
  /** The line of the block's opening fence: commands of one block share their output folder. */
  readonly block: number;
  readonly args: readonly string[];
  readonly expected: number;
}

const COMMAND = /^(?:node bin\/highneeds|npx highneeds)(?:\s|$)/;
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function shownCommands(file: string): Shown[] {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const shown: Shown[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const fence = /^```(\w*)/.exec(lines[i]!);
    if (!fence) continue;
    const start = i;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end += 1;
    const body = lines.slice(start + 1, end);
    const showsError = body.some((l) => /: error [A-Z_]+:/.test(l));
    for (let j = 0; j < body.length; j += 1) {
      let text = body[j]!;
      const lineNumber = start + 2 + j;
      if (fence[1] !== 'sh') {
        if (!text.startsWith('$ ')) continue;
        text = text.slice(2);
      }
      while (text.endsWith('\\') && j + 1 < body.length)
        text = `${text.slice(0, -1)} ${body[(j += 1)]!.trim()}`;
      if (!COMMAND.test(text)) continue;
      const { words, comment } = shellWords(text);
      const exit = /^exit (\d)\b/.exec(comment);
      shown.push({
        file,
        line: lineNumber,
        block: start + 1,
        args: words.slice(2),
        expected: exit ? Number(exit[1]) : showsError ? 1 : 0,
      });
    }
    i = end;
  }
  return shown;
}

const all = DOCS.flatMap(shownCommands);

/** The --help examples, which test/cli/help.test.ts runs, each expecting exit 0. */
const HELP_RUNS = new Set(
  Object.values(HELP_EXAMPLES)
    .flat()
    .map((line) => sameRunKey(shellWords(line).words.slice(1))),
);

/** Where the same command runs already, if it does and its block leaves it nothing to depend on. */
function ranAs(command: Shown, index: number): string | undefined {
  const names = outputNames(command.args);
  const shared = all.some(
    (other) =>
      other !== command &&
      other.file === command.file &&
      other.block === command.block &&
      other.args.some((arg) => names.includes(path.basename(arg))),
  );
  if (shared) return undefined;
  const key = sameRunKey(command.args);
  if (command.expected === 0 && HELP_RUNS.has(key)) return 'a --help example';
  const earlier = all
    .slice(0, index)
    .find((other) => other.expected === command.expected && sameRunKey(other.args) === key);
  return earlier && `${earlier.file}:${earlier.line}`;
}

describe('the commands README.md and docs/*.md show', () => {
  it("finds the README's commands", () => {
    expect(all.filter((c) => c.file === 'README.md').length).toBeGreaterThanOrEqual(4);
  });

  it("finds docs/nff.md's commands, and no sh block shows a bare `highneeds …` the test would pass over", () => {
    expect(all.filter((c) => c.file === 'docs/nff.md').length).toBeGreaterThanOrEqual(5);
    const bare = DOCS.flatMap((file) => {
      let inSh = false;
      return readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const fence = /^```(\w*)/.exec(line);
          if (fence) {
            inSh = !inSh && fence[1] === 'sh';
            return [];
          }
          return inSh && /^highneeds\s/.test(line) ? [`${file}:${i + 1}`] : [];
        });
    });
    expect(bare).toEqual([]);
  });

  for (const [index, command] of all.entries()) {
    const { file, line, block, args, expected } = command;
    const ran = ranAs(command, index);
    const name = `${file}:${line}: highneeds ${args.join(' ')}${ran ? ` (run as ${ran})` : ''}`;
    it(
      name,
      async () => {
        if (ran !== undefined) return; // the same command runs there
        if (args.some((arg) => arg.includes('bench/data'))) return; // generated by npm run bench:data
        const dir = path.join(scratch, `${file.replace(/\W/g, '_')}-${block}`);
        const outputs = redirectOutputs(args, dir);
        // An input that is not in the repository but that an earlier command of the block wrote.
        const inputs = outputs.map((arg, i) =>
          arg === args[i] &&
          !arg.startsWith('-') &&
          !existsSync(path.join(ROOT, arg)) &&
          existsSync(path.join(dir, path.basename(arg)))
            ? path.join(dir, path.basename(arg))
            : arg,
        );
        const result = await cli(inputs, { cwd: ROOT });
        expect(result.stderr).not.toMatch(/internal error|unexpected error/);
        expect(result.code, result.stderr).toBe(expected);
      },
      60_000,
    );
  }
});
