import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { HELP_EXAMPLES } from '../../src/cli/help-examples.js';
import { DOC_FILES } from './doc-files.js';

/*
 * The options the docs name are the options the commands take: a command written in inline code
 * (`simulate --jobs 2`, `highneeds batch … --draws N`) names only options of that command's
 * --help, and any other `--option` in the docs is one some command takes (or, in the Development
 * and bench notes, one of a script's own, listed below). An option renamed or removed in the code
 * then fails here rather than leaving a reader with "unknown option".
 */
/** Every command and subcommand (HELP_EXAMPLES has one entry each: test/cli/help.test.ts). */
const COMMANDS = Object.keys(HELP_EXAMPLES).filter((c) => c !== '' && c !== 'tariffs');

/** Options of scripts rather than of highneeds: npm run bench:data, bench/backtest-study.mjs and profile.mjs, node. */
const NOT_HIGHNEEDS = new Set(['--scale', '--histories', '--cli', '--cpu-prof']);

const DOCS = DOC_FILES;

const optionsOf = (help: string): Set<string> =>
  new Set([...help.matchAll(/(?:^|[\s,[])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]!));

const helps = new Map<string, Set<string>>();
/** Each command's --help as printed. */
const helpTexts = new Map<string, string>();
/** Each command's --help, the line of each option it lists (its first line of description). */
const helpLines = new Map<string, Map<string, string>>();
beforeAll(async () => {
  for (const command of COMMANDS) {
    const run = await cli([...command.split(' '), '--help']);
    expect(run.code, command).toBe(0);
    helps.set(command, optionsOf(run.stdout));
    helpTexts.set(command, run.stdout);
    helpLines.set(
      command,
      new Map(
        [...run.stdout.matchAll(/^ {2}(--[a-z][a-z0-9-]*)[^\n]*/gm)].map((m) => [m[1]!, m[0]]),
      ),
    );
  }
  // highneeds --help: --version and --help, which every command shares.
  helps.set('', optionsOf((await cli(['--help'])).stdout));
}, 60_000);

const COMMAND = new RegExp(
  `^(?:node bin/highneeds |npx highneeds |highneeds )?(${[...COMMANDS]
    .sort((a, b) => b.length - a.length)
    .join('|')})(?= |$)`,
);

/** Inline code that is a command: its command and the options it names. */
const inline = DOCS.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/`([^`\n]+)`/g)].flatMap(([, code]) => {
    const command = COMMAND.exec(code!)?.[1];
    if (!command || !/--[a-z]/.test(code!)) return [];
    return [{ file, code: code!, command, options: optionsOf(` ${code!}`) }];
  }),
);

describe('the options the docs name', () => {
  it('finds commands in inline code to check', () => {
    expect(inline.length).toBeGreaterThan(40);
  });

  it("a command in inline code names only its own --help's options", () => {
    const wrong = inline.flatMap(({ file, code, command, options }) =>
      [...options]
        .filter((option) => !helps.get(command)!.has(option))
        .map((option) => `${file}: ${option} in \`${code}\``),
    );
    expect(wrong).toEqual([]);
  });

  /*
   * The other way round: an option a command takes is one the docs name, so a reader can learn it
   * without reading --help. Found by this audit: the tariffs commands' --dir and tariffs import's
   * --reference-title were in no doc.
   */
  it("every option of a command's --help is named in the docs", () => {
    const docs = DOCS.map((file) => readFileSync(file, 'utf8').replace(/`/g, ' ')).join('\n');
    const named = optionsOf(docs);
    const unnamed = [...helps].flatMap(([command, options]) =>
      [...options]
        .filter((option) => option !== '--help' && !named.has(option))
        .map((option) => `${command}: ${option}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('every other --option in the docs is one some command takes', () => {
    const known = new Set([...helps.values()].flatMap((options) => [...options]));
    const unknown = DOCS.flatMap((file) =>
      [...optionsOf(readFileSync(file, 'utf8').replace(/`/g, ' '))]
        .filter((option) => !known.has(option) && !NOT_HIGHNEEDS.has(option))
        .map((option) => `${file}: ${option}`),
    );
    expect(unknown).toEqual([]);
  });
});

/*
 * The README's lists of the commands an option is on: `--quiet` "in every command that has it (…)",
 * and the project options table's "also on …" (`--bom`, `--hnb-from`, `--area` in its sense of one
 * area of a national model). Found by this audit: `--bom`'s list left out simulate and backtest.
 */
describe("the README's lists of the commands an option is on", () => {
  const readme = readFileSync('README.md', 'utf8');
  const byLength = [...COMMANDS].sort((a, b) => b.length - a.length);
  /** The commands a piece of README names in inline code: `simulate`, `tariffs list/show/diff`. */
  const commandsIn = (text: string): string[] =>
    [...text.matchAll(/`([^`]+)`/g)].flatMap(([, code]) => {
      const group = /^tariffs ([a-z]+(?:\/[a-z]+)+)$/.exec(code!);
      if (group) return group[1]!.split('/').map((c) => `tariffs ${c}`);
      const command = byLength.find((c) => code === c || code!.startsWith(`${c} `));
      return command ? [command] : [];
    });
  const having = (option: string, sense = /./): string[] =>
    COMMANDS.filter((c) => sense.test(helpLines.get(c)?.get(option) ?? '')).sort();

  it('--quiet: every command that has it', () => {
    const list = /every command that has it \(([^)]*)\)/.exec(readme)?.[1] ?? '';
    expect(commandsIn(list).sort()).toEqual(having('--quiet'));
  });

  for (const [option, sense] of [
    ['--bom', /./],
    ['--hnb-from', /./],
    ['--area', /national model/],
  ] as const)
    it(`${option}: project and the commands it is "also on"`, () => {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${option}`)) ?? '';
      const also = row.split('also on ')[1] ?? '';
      expect(['project', ...commandsIn(also)].sort()).toEqual(having(option, sense));
    });
});

/*
 * A command whose model folder may be left out runs the shipped example then (README: "with no
 * folder, the shipped example"), and its --help says so. Found by this audit: validate's did not.
 */
it('every command with an optional model-dir says in --help what it reads without one', () => {
  const silent = COMMANDS.filter((c) => helpTexts.get(c)!.includes('[model-dir]')).filter(
    (c) =>
      !/default(?: model)?: the (?:shipped )?example/.test(helpTexts.get(c)!.replace(/\s+/g, ' ')),
  );
  expect(silent).toEqual([]);
});

it("every command has a row of its own in one of README's command tables", () => {
  const rows = readFileSync('README.md', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `highneeds '));
  const missing = COMMANDS.filter(
    (c) =>
      !rows.some(
        (row) => row.startsWith(`| \`highneeds ${c} `) || row.startsWith(`| \`highneeds ${c}\``),
      ),
  );
  expect(missing).toEqual([]);
});
