import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wholeOption } from '../../src/cli/whole-option.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-whole-option-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a count option written as a spreadsheet writes it', () => {
  it('--draws 1,000 is 1000 draws, as a count cell is read', async () => {
    // Found by an officer's trial: refused by a message that wrote its own bound as 1,000,000.
    const run = (draws: string) =>
      cli(['simulate', 'fixtures/worked-example', '--draws', draws, '--seed', '3', '--quiet']);
    const [grouped, plain] = [await run('1,000'), await run('1000')];
    expect(grouped.code, grouped.stderr).toBe(0);
    expect(grouped.stdout).toBe(plain.stdout);
    const wrong = await run('1,0000');
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      'highneeds: --draws must be a whole number from 1 to 1,000,000, not "1,0000"\n',
    ]);
  });

  it("report's manifest records the seed as read, so 07 and 7 give the same bytes", async () => {
    const report = async (seed: string) => {
      const out = path.join(scratch, `seed-${seed}.html`);
      const args = ['report', 'fixtures/worked-example', '--draws', '5', '--seed', seed];
      expect((await cli([...args, '--out', out, '--quiet'])).code).toBe(0);
      return readFileSync(out);
    };
    expect((await report('07')).equals(await report('7'))).toBe(true);
  });
});

describe("batch's --jobs, read as simulate's", () => {
  // Found by a review: 87de299 read --jobs 1,000 in simulate, but batch kept a pattern of its own.
  it('--jobs 1,000 is 1000 threads asked for, clamped as --jobs 1000 is', async () => {
    const out = path.join(scratch, 'batch-jobs');
    const args = ['batch', 'fixtures/national', '--out-dir', out, '--jobs', '1,000'];
    const result = await cli(args);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^highneeds: --jobs 1000 is more than needed; using \d+ /);
    const wrong = await cli(['batch', 'fixtures/national', '--out-dir', out, '--jobs', '0']);
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      'highneeds: --jobs must be a whole number from 1 to 1,024, not "0"\n',
    ]);
  });
});

describe('wholeOption', () => {
  it('reads a whole number, its thousands grouped with commas or not', () => {
    expect(wholeOption('--draws', '1000', 1, [1, 1_000_000])).toBe(1000);
    // As the message writes the range: "from 1 to 1,000,000".
    expect(wholeOption('--draws', ' 1,000 ', 1, [1, 1_000_000])).toBe(1000);
    expect(wholeOption('--draws', '1,000,000', 1, [1, 1_000_000])).toBe(1_000_000);
    expect(wholeOption('--draws', undefined, 7, [1, 1_000_000])).toBe(7);
  });

  it.each(['1,00', '1,0000', ',100', '100,', '1.5', '1e3', '-3', '', '1,000,001'])(
    '%j is a usage error that names the option and the range',
    (text) => {
      expect(() => wholeOption('--draws', text, 1, [1, 1_000_000])).toThrow(
        `--draws must be a whole number from 1 to 1,000,000, not "${text}"`,
      );
    },
  );
});
