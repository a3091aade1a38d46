import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

// Found by a user trial: an option of one value given twice silently took the last (`project --scenario
// mitigated --scenario unmitigated` ran unmitigated, exit 0; `batch --out-dir oa --out-dir ob`
// wrote only ob). It is a usage error now, for every command; the options documented as
// repeatable (--hnb-from for more years, --threshold for more amounts) keep every value.

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-repeated-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Each command's options that take a value, read from its --help (one line each on a wide terminal). */
async function valueOptions(command: readonly string[]) {
  const help = (await cli([...command, '--help'], { columns: 1000 })).stdout;
  return [...help.matchAll(/^ {2}(--[a-z-]+) ([<[])[^>\]]+[>\]] +(.*)$/gm)].map(
    ([, flag, bracket, text]) => ({
      flag: flag!,
      /** `[value]`: commander takes no option as its value. */
      optional: bracket === '[',
      repeatable: /\(repeat for more/.test(text!),
      choices: [...(/\(choices: (.*)\)$/.exec(text!)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map(
        (m) => m[1]!,
      ),
    }),
  );
}

async function commands(): Promise<string[][]> {
  const names = async (command: readonly string[]) =>
    [
      ...(await cli([...command, '--help'], { columns: 1000 })).stdout
        .split('Commands:')[1]!
        .matchAll(/^ {2}([a-z]+)\b/gm),
    ]
      .map((m) => m[1]!)
      .filter((name) => name !== 'help');
  const top = await names([]);
  return [
    ...top.filter((name) => name !== 'tariffs').map((name) => [name]),
    ...(await names(['tariffs'])).map((name) => ['tariffs', name]),
  ];
}

describe('an option of one value given twice', () => {
  it('is a usage error that names the option and both values, before anything is read or written', async () => {
    const run = await cli([
      'project',
      'fixtures/example',
      '--scenario',
      'mitigated',
      '--scenario',
      'unmitigated',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'highneeds: --scenario given twice ("mitigated", then "unmitigated"); it takes one value: give it once\n',
    );
    const oa = path.join(scratch, 'oa');
    const ob = path.join(scratch, 'ob');
    const batch = await cli(['batch', 'fixtures/national', '--out-dir', oa, `--out-dir=${ob}`]);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toContain(`--out-dir given twice ("${oa}", then "${ob}")`);
    expect(existsSync(oa) || existsSync(ob)).toBe(false);
  });

  it('is refused for every option of every command that takes one value; --hnb-from and --threshold alone repeat', async () => {
    const repeatable: string[] = [];
    let checked = 0;
    for (const command of await commands()) {
      for (const option of await valueOptions(command)) {
        if (option.repeatable) {
          repeatable.push(`${command.join(' ')} ${option.flag}`);
          continue;
        }
        const [a, b] = option.choices.length ? option.choices : ['a', 'b'];
        // In a scratch folder: were the option not refused, nothing may land in the repository.
        const run = await cli([...command, option.flag, a!, option.flag, b!], { cwd: scratch });
        expect(run.code, `${command.join(' ')} ${option.flag}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toContain(`${option.flag} given twice ("${a}", then "${b}")`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(80);
    expect(repeatable.sort()).toEqual([
      'batch --hnb-from',
      'compare --hnb-from',
      'explain --hnb-from',
      'project --hnb-from',
      'report --hnb-from',
      'simulate --hnb-from',
      'simulate --threshold',
      'solve --hnb-from',
      'validate --hnb-from',
    ]);
  });

  it('leaves the repeatable options repeatable: two thresholds, two columns', async () => {
    const run = await cli([
      'simulate',
      'fixtures/example',
      '--draws',
      '20',
      '--threshold',
      '-1000000',
      '--threshold',
      '-2000000',
      '--format',
      'csv',
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toContain('p_below_-1000000,p_below_-2000000');
  });
});

// Found by a user trial: `batch m --out-dir out --report --quiet` wrote the national report into a
// folder named `--quiet`, exit 0 (commander takes the word after an option of one value, whatever it is).
describe("an option of one value followed by another of the command's options", () => {
  it('is a usage error that names both, and nothing is written', async () => {
    const out = path.join(scratch, 'out');
    const run = await cli(['batch', 'fixtures/national', '--out-dir', out, '--report', '--quiet'], {
      cwd: scratch,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'highneeds: --report <dir> was followed by the option --quiet, not its value: give its value straight after --report\n',
    );
    expect(existsSync(out) || existsSync(path.join(scratch, '--quiet'))).toBe(false);
  });

  it('is refused for every option of every command that takes a value, as --help is not run as a value', async () => {
    let checked = 0;
    for (const command of await commands())
      for (const option of await valueOptions(command)) {
        if (option.optional) continue;
        const run = await cli([...command, option.flag, '--help'], { cwd: scratch });
        expect(run.code, `${command.join(' ')} ${option.flag}: ${run.stderr}`).toBe(2);
        // An option of choices says first that --help is not one of them.
        expect(run.stderr).toContain(
          option.choices.length
            ? `argument '--help' is invalid. Allowed choices are`
            : `was followed by the option --help, not its value`,
        );
        checked += 1;
      }
    expect(checked).toBeGreaterThan(80);
  });
});
