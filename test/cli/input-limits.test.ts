import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BYTES } from '../../src/io/limits.js';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/**
 * What a huge or badly broken input costs (issue 18, defect 8): at most 200 problems printed with
 * a count of the rest, the row limit met while parsing, a huge JSON refused by its size unparsed.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The tiny valid model with `edit` applied to a copy, in a new folder. */
function model(name: string, edit: (dir: string) => void): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/errors/_valid'), dir, { recursive: true });
  edit(dir);
  return dir;
}

const cohortWith = (dir: string, rows: readonly string[]): void =>
  writeFileSync(
    path.join(dir, 'cohort.csv'),
    ['ncy,need,setting,band,count', ...rows, ''].join('\n'),
  );

describe('at most 200 problems printed', () => {
  const broken = model('many-errors', (dir) =>
    cohortWith(
      dir,
      // A need of its own on each row: one need repeated down the column is one line (folded).
      Array.from({ length: 250 }, (_, i) => `3,ADHD${i},mainstream,1,2`),
    ),
  );
  const lines = (text: string) =>
    text.split('\n').filter((line) => / error UNKNOWN_NEED: /.test(line));

  it('the first 200, then how many more, then the count of all', async () => {
    const result = await cli(['validate', broken]);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toHaveLength(200);
    expect(lines(result.stderr)[199]).toContain('cohort.csv:201:2:');
    expect(result.stderr).toMatch(
      /\n… and 50 more not shown \(the first 200 are above; [^\n]*\)\n250 errors\n$/,
    );
  });

  // Found by an officer's trial: validate has no --format json, and 241 errors of one kind hid
  // every warning after them. The note says how to see them all, and following it does.
  it('HIGHNEEDS_MAX_PROBLEMS, as the note says, lists them all in any command', async () => {
    const first = await cli(['validate', broken]);
    const asked = /HIGHNEEDS_MAX_PROBLEMS=(\d+)/.exec(first.stderr)?.[1];
    expect(asked).toBe('250');
    const result = await cli(['validate', broken], { env: { HIGHNEEDS_MAX_PROBLEMS: asked! } });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toHaveLength(250);
    expect(result.stderr).not.toContain('more not shown');
    expect(result.stderr.endsWith('\n250 errors\n')).toBe(true);
    const fewer = await cli(['validate', broken], { env: { HIGHNEEDS_MAX_PROBLEMS: '10' } });
    expect(lines(fewer.stderr)).toHaveLength(10);
    expect(fewer.stderr).toContain('… and 240 more not shown (the first 10 are above;');
  });

  it('--format json lists every one', async () => {
    const result = await cli(['project', broken, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toHaveLength(250);
    expect(result.stderr).not.toContain('more not shown');
    expect(result.stderr.endsWith('\n250 errors\n')).toBe(true);
  });

  // --format takes its word in any case; the list of problems must read it so too (found by a review).
  it.each([[['--format', 'JSON']], [['--format= Json ']]])(
    '%j lists every one too',
    async (args) => {
      const result = await cli(['project', broken, ...args]);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toHaveLength(250);
      expect(result.stderr).not.toContain('more not shown');
    },
  );

  it('exactly 200 are all shown, with no note', async () => {
    const dir = model('two-hundred', (d) =>
      cohortWith(
        d,
        Array.from({ length: 200 }, (_, i) => `3,ADHD${i},mainstream,1,2`),
      ),
    );
    const result = await cli(['validate', dir]);
    expect(lines(result.stderr)).toHaveLength(200);
    expect(result.stderr).not.toContain('more not shown');
  });
});

describe('the row limit is met while parsing', () => {
  // A quote never closed after the limit: a reader that parsed the whole file first would report it.
  const rows = [
    ...Array.from({ length: 30 }, () => '3,ASD,mainstream,1,2'),
    '4,"ASD,mainstream,1,2',
  ];

  it('in a model folder', async () => {
    const dir = model('too-many-rows', (d) => cohortWith(d, rows));
    const result = await cli(['validate', dir], { env: { HIGHNEEDS_MAX_ROWS: '20' } });
    expect(result.stderr).toContain(
      'cohort.csv:22: error TOO_MANY_ROWS: file has more than 20 data rows',
    );
    expect(result.stderr).not.toContain('CSV_MALFORMED');
  });

  it('in a national model', async () => {
    const dir = path.join(scratch, 'national');
    cpSync(path.join(ROOT, 'fixtures/national'), dir, { recursive: true });
    const [header, ...body] = readFileSync(path.join(dir, 'cohort.csv'), 'utf8').trim().split('\n');
    const many = Array.from({ length: 30 }, (_, i) => body[i % body.length]!);
    writeFileSync(path.join(dir, 'cohort.csv'), [header, ...many, 'N01,4,"ASD', ''].join('\n'));
    const result = await cli(['validate', dir], { env: { HIGHNEEDS_MAX_ROWS: '20' } });
    expect(result.stderr).toMatch(/cohort\.csv:22: error TOO_MANY_ROWS: /);
    expect(result.stderr).not.toContain('CSV_MALFORMED');
  });
});

describe('a huge JSON input is refused by its size, unparsed', () => {
  it('a tariff over 16 MiB: FILE_TOO_LARGE, and no JSON error from a parse', async () => {
    const dir = model('huge-tariff', (d) => {
      // Broken JSON past the first byte: parsing any of it would report JSON_MALFORMED.
      writeFileSync(path.join(d, 'tariff.json'), `{${' '.repeat(MAX_JSON_BYTES)}x`);
    });
    const result = await cli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `tariff.json: error FILE_TOO_LARGE: file is ${MAX_JSON_BYTES + 2} bytes, over the limit of ${MAX_JSON_BYTES} for a JSON input`,
    );
    expect(result.stderr).not.toContain('JSON_MALFORMED');
  });

  it('one byte under the limit is parsed (and its mistake reported)', async () => {
    const dir = model('big-tariff', (d) => {
      writeFileSync(path.join(d, 'tariff.json'), `{${' '.repeat(MAX_JSON_BYTES - 2)}x`);
    });
    const result = await cli(['validate', dir]);
    expect(result.stderr).toContain('error JSON_MALFORMED');
    expect(result.stderr).not.toContain('FILE_TOO_LARGE');
  });
});

// Left at the last stop: HIGHNEEDS_MAX_ROWS=10m (or HIGHNEEDS_MAX_PROBLEMS=all) was ignored without
// a word, and the run went on with the limit the user meant to raise.
describe('a limit variable that cannot be read', () => {
  it('is a usage error before any work, naming each one', async () => {
    const result = await cli(['validate', 'fixtures/errors/_valid'], {
      env: { HIGHNEEDS_MAX_ROWS: '10m', HIGHNEEDS_MAX_PROBLEMS: 'all' },
    });
    expect([result.code, result.stdout, result.stderr]).toEqual([
      2,
      '',
      'highneeds: HIGHNEEDS_MAX_ROWS="10m" and HIGHNEEDS_MAX_PROBLEMS="all" are not whole numbers above 0: give the limit as digits, such as HIGHNEEDS_MAX_ROWS=10000000 (or 10,000,000), or leave the variable unset\n',
    ]);
    const zero = await cli(['tariffs', 'list'], { env: { HIGHNEEDS_MAX_FILE_BYTES: '0' } });
    expect([zero.code, zero.stderr]).toEqual([
      2,
      'highneeds: HIGHNEEDS_MAX_FILE_BYTES="0" is not a whole number above 0: give the limit as digits, such as HIGHNEEDS_MAX_FILE_BYTES=268435456 (or 268,435,456), or leave the variable unset\n',
    ]);
    // An example under 1,000 has no other way to write it ("400 (or 400)" said it twice).
    const problems = await cli(['tariffs', 'list'], { env: { HIGHNEEDS_MAX_PROBLEMS: 'x' } });
    expect(problems.stderr).toContain('such as HIGHNEEDS_MAX_PROBLEMS=400, or leave');
  });

  it('thousands commas are read, as a whole option takes them; set empty is unset', async () => {
    const dir = model('two-rows', (d) =>
      cohortWith(d, ['3,ASD,mainstream,1,2', '5,SEMH,special,A,1', '8,SLCN,resourced,A,1']),
    );
    const limited = await cli(['validate', dir], { env: { HIGHNEEDS_MAX_ROWS: ' 2 ' } });
    expect(limited.stderr).toContain('error TOO_MANY_ROWS: file has more than 2 data rows');
    const raised = await cli(['validate', dir, '--quiet'], {
      env: { HIGHNEEDS_MAX_ROWS: '1,000', HIGHNEEDS_MAX_FIELD_CHARS: '' },
    });
    expect([raised.code, raised.stderr]).toEqual([0, '']);
  });
});
