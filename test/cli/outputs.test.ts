import { spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/index.js';
import { BIN, ROOT, runCli, type RunResult } from '../helpers/exec.js';
import { onOneCore } from '../helpers/one-core.js';
import { cli } from '../helpers/run-cli.js';
import { importArgs } from '../helpers/tariff-import-args.js';

/**
 * Where outputs may go (issue 18): never over an input, by any name for it; never replacing a
 * device or FIFO; every mistake in an output path a usage error (exit 2) with a one-line reason.
 */
const VALID = path.join(ROOT, 'fixtures/errors/_valid');
const STACK_TRACE = /at .*\.js:\d+/;
const expected = async (): Promise<string> =>
  (await cli(['project', VALID, '--format', 'csv'])).stdout;

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-outputs-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the valid model at scratch/m, and scratch/m-alias a symbolic link to it. */
function modelWithAlias(): { model: string; alias: string } {
  const model = path.join(scratch, 'm');
  cpSync(VALID, model, { recursive: true });
  const alias = path.join(scratch, 'm-alias');
  symlinkSync(model, alias);
  return { model, alias };
}

function expectUsage(result: RunResult, pattern: RegExp): void {
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.code).toBe(2);
}

describe('an output is never written over an input, by any name', () => {
  it('project --out through a symlinked folder to the cohort: exit 2, cohort unchanged', async () => {
    const { model, alias } = modelWithAlias();
    const before = readFileSync(path.join(model, 'cohort.csv'), 'utf8');
    const result = await cli(['project', model, '--out', path.join(alias, 'cohort.csv')]);
    expectUsage(result, /is one of this run's inputs/);
    expect(readFileSync(path.join(model, 'cohort.csv'), 'utf8')).toBe(before);
    expect(readdirSync(model).sort()).toEqual([
      'cohort.csv',
      'funding.csv',
      'model.json',
      'tariff.json',
    ]);
  });

  it('project --manifest through a symlinked folder to model.json: exit 2, model.json unchanged', async () => {
    const { model, alias } = modelWithAlias();
    const before = readFileSync(path.join(model, 'model.json'), 'utf8');
    const result = await cli([
      'project',
      model,
      '--out',
      path.join(scratch, 'out.csv'),
      '--manifest',
      path.join(alias, 'model.json'),
    ]);
    expectUsage(result, /is one of this run's inputs/);
    expect(readFileSync(path.join(model, 'model.json'), 'utf8')).toBe(before);
    expect(existsSync(path.join(scratch, 'out.csv'))).toBe(false);
  });

  it('project --out to a hard link of an input (same device and inode): exit 2', async () => {
    const { model } = modelWithAlias();
    const link = path.join(scratch, 'funding-link.csv');
    linkSync(path.join(model, 'funding.csv'), link);
    const before = readFileSync(link, 'utf8');
    const result = await cli(['project', model, '--out', link]);
    expectUsage(result, /is one of this run's inputs/);
    expect(readFileSync(path.join(model, 'funding.csv'), 'utf8')).toBe(before);
  });

  it('project --out and --manifest naming one file through two names: exit 2', async () => {
    const { model, alias } = modelWithAlias();
    const result = await cli([
      'project',
      model,
      '--out',
      path.join(model, 'run.csv'),
      '--manifest',
      path.join(alias, 'run.csv'),
    ]);
    expectUsage(result, /same file/);
    expect(existsSync(path.join(model, 'run.csv'))).toBe(false);
  });

  it('nff --out through a symlinked folder to the factors file: exit 2, factors unchanged', async () => {
    const dir = path.join(scratch, 'nff');
    cpSync(path.join(ROOT, 'fixtures/errors/_valid-nff'), dir, { recursive: true });
    symlinkSync(dir, path.join(scratch, 'nff-alias'));
    const factors = path.join(dir, 'nff-factors.csv');
    const before = readFileSync(factors, 'utf8');
    const result = await cli([
      'nff',
      factors,
      '--year',
      '2025-26',
      '--params',
      path.join(dir, 'nff-parameters'),
      '--out',
      path.join(scratch, 'nff-alias', 'nff-factors.csv'),
    ]);
    expectUsage(result, /is one of this run's inputs/);
    expect(readFileSync(factors, 'utf8')).toBe(before);
  });

  it('tariffs import --out through a symlinked folder to the rates CSV: exit 2, rates unchanged', async () => {
    const dir = path.join(scratch, 'csv');
    expect(
      (
        await cli([
          'tariffs',
          'export',
          'example-borough-2025',
          '--csv',
          '--out-dir',
          dir,
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    symlinkSync(dir, path.join(scratch, 'csv-alias'));
    const before = readFileSync(path.join(dir, 'rates.csv'), 'utf8');
    const result = await cli(
      importArgs(dir, '--quiet', '--out', path.join(scratch, 'csv-alias', 'rates.csv')),
    );
    expectUsage(result, /is one of this run's inputs/);
    expect(readFileSync(path.join(dir, 'rates.csv'), 'utf8')).toBe(before);
  });

  it('batch --out-dir through a symlinked folder onto an input named manifest.json: exit 2, input unchanged', async () => {
    // A folder of model folders whose one area keeps its tariff in manifest.json; --force lets batch write beside the inputs, never over one.
    const root = path.join(scratch, 'areas');
    const area = path.join(root, 'a');
    cpSync(VALID, area, { recursive: true });
    rmSync(path.join(area, 'tariff.json'));
    cpSync(path.join(VALID, 'tariff.json'), path.join(area, 'manifest.json'));
    writeFileSync(
      path.join(area, 'model.json'),
      readFileSync(path.join(VALID, 'model.json'), 'utf8').replace(
        '"tariff.json"',
        '"manifest.json"',
      ),
    );
    symlinkSync(area, path.join(scratch, 'a-alias'));
    const before = readFileSync(path.join(area, 'manifest.json'), 'utf8');
    const result = await cli([
      'batch',
      root,
      '--out-dir',
      path.join(scratch, 'a-alias'),
      '--force',
      '--quiet',
      '--jobs',
      '1',
    ]);
    expectUsage(result, /manifest\.json is one of this run's inputs/);
    expect(readFileSync(path.join(area, 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(area).sort()).toEqual([
      'cohort.csv',
      'funding.csv',
      'manifest.json',
      'model.json',
    ]);
  });
});

describe('an --out that names an input is refused before the draws or the search, not after them', () => {
  // A probe found simulate, solve, report --draws and backtest --draws refused it only once the
  // work was done: a million draws is a quarter of an hour. Each is refused at once now.
  const example = (): { model: string; alias: string } => {
    const model = path.join(scratch, 'example');
    cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
    const alias = path.join(scratch, 'example-alias');
    symlinkSync(model, alias);
    return { model, alias };
  };

  it('solve: the answer is not searched for, nor printed', async () => {
    const { model, alias } = example();
    const solve =
      '--target cumulative-balance>=0@2030-31 --vary assumption:hnbGrowth --range 0,0.2';
    const result = await cli([
      'solve',
      model,
      ...solve.split(' '),
      '--out',
      path.join(alias, 'cohort.csv'),
    ]);
    expectUsage(result, /is one of this run's inputs \(.*cohort\.csv\); choose another file/);
    expect(result.stdout).toBe('');
  });

  it('simulate, report --draws and backtest --draws with the most draws: exit 2 at once', () => {
    const { model, alias } = example();
    const history = path.join(scratch, 'history');
    cpSync(path.join(ROOT, 'fixtures/history'), history, { recursive: true });
    const runs = [
      ['simulate', model, '--draws', '1000000', '--out', path.join(alias, 'cohort.csv')],
      ['report', model, '--draws', '100000', '--out', path.join(model, 'cohort.html')],
      [
        'backtest',
        ...['transitions', 'population', 'codes'].flatMap((f) => [
          `--${f}`,
          path.join(history, `${f}.csv`),
        ]),
        '--draws',
        '100000',
        '--out',
        path.join(scratch, 'codes-link.csv'),
      ],
    ];
    linkSync(path.join(model, 'cohort.csv'), path.join(model, 'cohort.html'));
    linkSync(path.join(history, 'codes.csv'), path.join(scratch, 'codes-link.csv'));
    for (const args of runs) {
      // Killed if still drawing after 20 s: before, each drew every draw, then refused.
      expectUsage(
        runCli(args, { timeoutMs: 20_000 }),
        /is one of this run's inputs \(.*(cohort|codes)\.csv\); choose another file/,
      );
    }
  }, 70_000);
});

describe('a file in /dev/shm is a file like any other', () => {
  it.runIf(existsSync('/dev/shm'))(
    'project --out over a longer earlier file there replaces it whole, leaving none of its end',
    async () => {
      const dir = mkdtempSync('/dev/shm/highneeds-out-');
      try {
        const out = path.join(dir, 'out.csv');
        writeFileSync(out, 'x'.repeat(100_000));
        const result = await cli(['project', VALID, '--out', out]);
        expect(result.code, result.stderr).toBe(0);
        expect(readFileSync(out, 'utf8')).toBe(await expected());
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('--out /dev/stdout when stdout is a file', () => {
  it('writes where the shell left the file (after what came before, as with >>), not over it from its start', () => {
    const file = path.join(scratch, 'log.csv');
    writeFileSync(file, 'HEADER\n');
    const fd = openSync(file, 'a');
    try {
      const run = spawnSync(process.execPath, [BIN, 'project', VALID, '--out', '/dev/stdout'], {
        stdio: ['ignore', fd, 'pipe'],
      });
      expect(run.status, String(run.stderr)).toBe(0);
    } finally {
      closeSync(fd);
    }
    return expected().then((csv) => expect(readFileSync(file, 'utf8')).toBe(`HEADER\n${csv}`));
  });
});

describe('--out /dev/stdout when stdout is a socket (Node spawning the CLI with pipes)', () => {
  it('writes the output there', async () => {
    const run = spawnSync(process.execPath, [BIN, 'project', VALID, '--out', '/dev/stdout'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(await expected());
  });
});

describe('--out /dev/fd/N naming a pipe this program reads', () => {
  // /dev/fd/N for an N the shell did not pass can name one of Node's own pipes (written into, the
  // output was lost or the process crashed with SIGSEGV); /dev/fd/0 on a pipe is the input's.
  it.runIf(existsSync('/proc/self/fdinfo'))('is refused, exit 2, not written into', () => {
    // A shell pipe (Node's own spawn gives a socket, not a pipe).
    const run = spawnSync(
      'sh',
      ['-c', 'echo | "$0" "$1" project "$2" --out /dev/fd/0', process.execPath, BIN, VALID],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('it names a pipe this program reads itself');
  });
});

describe('an output that is not a regular file is written to, never replaced', () => {
  it('project --out /dev/null writes into the device and leaves it a character device', async () => {
    const before = statSync('/dev/null');
    expect(before.isCharacterDevice()).toBe(true);
    const result = await cli(['project', VALID, '--out', '/dev/null']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = lstatSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(before.rdev);
    expect(readdirSync('/dev').filter((name) => name.startsWith('.null.tmp-'))).toEqual([]);
  });

  it('a device that fails among several outputs: the files are as they were, no temporary file left', async () => {
    const dir = path.join(scratch, 'export');
    const args = ['tariffs', 'export', 'example-borough-2025', '--csv', '--out-dir', dir];
    expect((await cli([...args, '--quiet'])).code).toBe(0);
    const others = ['bands.csv', 'references.csv', 'settings.csv', 'tariff.csv'];
    const texts = () => others.map((name) => readFileSync(path.join(dir, name), 'utf8'));
    const before = texts();
    rmSync(path.join(dir, 'rates.csv'));
    symlinkSync('/dev/full', path.join(dir, 'rates.csv'));
    expectUsage(
      await cli([...args, '--force', '--quiet']),
      /cannot write .*rates\.csv: no space left on the device/,
    );
    expect(readdirSync(dir).sort()).toEqual([...others, 'rates.csv'].sort());
    expect(texts()).toEqual(before);
  });

  it('project --out FIFO writes the output into the FIFO and leaves it a FIFO', async () => {
    const fifo = path.join(scratch, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Open the reading end first (without blocking), so the run can open the writing end.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const result = await cli(['project', VALID, '--out', fifo]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      const buffer = Buffer.alloc(65536);
      const read = readSync(reader, buffer, 0, buffer.length, null);
      expect(buffer.subarray(0, read).toString('utf8')).toBe(await expected());
    } finally {
      closeSync(reader);
    }
    expect(readdirSync(scratch)).toEqual(['pipe']);
  });

  it("project --out FIFO --manifest FILE replaces no file while the run waits for the FIFO's reader", async () => {
    const fifo = path.join(scratch, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const manifest = path.join(scratch, 'manifest.json');
    writeFileSync(manifest, 'yesterday\n');
    const run = cli(['project', VALID, '--out', fifo, '--manifest', manifest]);
    // No reader yet: the run waits at the FIFO, trying it every 50 ms. A signal now would end it
    // saying the earlier files are unchanged (src/cli/main.ts), so the manifest must still be.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(readFileSync(manifest, 'utf8')).toBe('yesterday\n');
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const result = await run;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const buffer = Buffer.alloc(65536);
      const read = readSync(reader, buffer, 0, buffer.length, null);
      expect(buffer.subarray(0, read).toString('utf8')).toBe(await expected());
    } finally {
      closeSync(reader);
    }
    expect(JSON.parse(readFileSync(manifest, 'utf8'))).toHaveProperty('tool', 'highneeds');
  });
});

describe('every mistake in an output path is a usage error (exit 2) naming the path and the reason', () => {
  it('--out that is a folder', async () => {
    const result = await cli(['project', VALID, '--out', scratch]);
    expectUsage(
      result,
      new RegExp(`${scratch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*is a folder`),
    );
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('--out under a file', async () => {
    const file = path.join(scratch, 'file');
    writeFileSync(file, 'x\n');
    const result = await cli(['project', VALID, '--out', path.join(file, 'x.csv')]);
    expectUsage(result, /file\/x\.csv.*is a file, not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('x\n');
  });

  it('--out in a folder that does not exist', async () => {
    const result = await cli(['project', VALID, '--out', path.join(scratch, 'no', 'x.csv')]);
    expectUsage(result, /no\/x\.csv.*does not exist/);
  });

  it("--out '' and --manifest ''", async () => {
    expectUsage(await cli(['project', VALID, '--out', '']), /--out is empty/);
    expectUsage(await cli(['project', VALID, '--manifest', '']), /--manifest is empty/);
    expectUsage(
      await cli([
        'nff',
        'fixtures/errors/_valid-nff/nff-factors.csv',
        '--year',
        '2025-26',
        '--params',
        'fixtures/errors/_valid-nff/nff-parameters',
        '--out',
        '',
      ]),
      /--out is empty/,
    );
    expectUsage(
      await cli(['tariffs', 'show', 'example-borough-2025', '--out', '']),
      /--out is empty/,
    );
  });

  it('nff --out that is a folder, and compare --out under a file', async () => {
    expectUsage(
      await cli([
        'nff',
        'fixtures/errors/_valid-nff/nff-factors.csv',
        '--year',
        '2025-26',
        '--params',
        'fixtures/errors/_valid-nff/nff-parameters',
        '--out',
        scratch,
      ]),
      /is a folder/,
    );
    writeFileSync(path.join(scratch, 'file'), 'x\n');
    expectUsage(
      await cli(['compare', 'fixtures/example', '--out', path.join(scratch, 'file', 'c.csv')]),
      /is a file, not a folder/,
    );
  });

  it('batch --out-dir under a file', async () => {
    writeFileSync(path.join(scratch, 'file'), 'x\n');
    const result = await cli([
      'batch',
      'fixtures/national',
      '--out-dir',
      path.join(scratch, 'file', 'out'),
      '--quiet',
      '--jobs',
      '1',
    ]);
    expectUsage(result, /file\/out.*is a file, not a folder/);
  });

  it('batch --out-dir that cannot be created (in /proc, where nothing can be made)', async () => {
    const result = await cli([
      'batch',
      'fixtures/national',
      '--out-dir',
      '/proc/highneeds-test/out',
      '--quiet',
      '--jobs',
      '1',
    ]);
    expectUsage(result, /\/proc\/highneeds-test\/out/);
  });

  it('tariffs export --csv --out-dir under a file', async () => {
    writeFileSync(path.join(scratch, 'file'), 'x\n');
    expectUsage(
      await cli([
        'tariffs',
        'export',
        'example-borough-2025',
        '--csv',
        '--out-dir',
        path.join(scratch, 'file', 'csv'),
        '--quiet',
      ]),
      /is a file, not a folder/,
    );
  });
});

describe('--jobs is bounded by the areas and the cores', () => {
  it('batch --jobs 1000 on a 4-area model is clamped, said once on stderr, and gives the same outputs', async () => {
    // As on one core (test/helpers/one-core.ts): clamped to 1, with no worker thread to start (some
    // 0.3 s of CPU; issue 18, item 5). The threads a clamped run starts on this machine's cores are
    // the next test's; outputs on one thread and two, test/cli/batch.test.ts's.
    const clamped = await onOneCore(() =>
      cli(['batch', 'fixtures/national', '--out-dir', path.join(scratch, 'a'), '--jobs', '1000']),
    );
    expect(clamped.code, clamped.stderr).toBe(0);
    expect(clamped.stderr).toBe(
      'highneeds: --jobs 1000 is more than needed; using 1 (4 areas, 1 core)\n',
    );
    const plain = await cli([
      'batch',
      'fixtures/national',
      '--out-dir',
      path.join(scratch, 'b'),
      '--jobs',
      '1',
      '--quiet',
    ]);
    expect(plain.stderr).toBe('');
    expect(readFileSync(path.join(scratch, 'a', 'summary.csv'), 'utf8')).toBe(
      readFileSync(path.join(scratch, 'b', 'summary.csv'), 'utf8'),
    );
  });

  it('runBatch({ jobs: 1000 }) starts no more threads than areas and cores', async () => {
    const result = await runBatch(path.join(ROOT, 'fixtures/national'), { jobs: 1000 });
    expect(result.jobs).toBe(Math.min(4, availableParallelism()));
    expect(result.areas).toHaveLength(4);
  });
});
