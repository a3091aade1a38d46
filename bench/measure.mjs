// How every spawned figure of `npm run bench` is timed, so that two figures compared with each
// other were measured the same way: wall from spawn to exit, CPU time (user + sys, worker threads
// included since they share the process) and peak resident memory from /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TIME = '/usr/bin/time';
/** A tag the command itself would not print, so its own stderr cannot be mistaken for the figures. */
const TAG = 'bench-rusage';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One spawned `node <args>` run: wall ms, CPU ms (user + sys) and peak RSS MB, with its stdout.
 * CPU and RSS are undefined where /usr/bin/time is missing. Fails loudly on a non-zero exit.
 */
export function measured(args) {
  const withTime = existsSync(TIME);
  const command = withTime ? TIME : process.execPath;
  const argv = withTime ? ['-f', `${TAG} %U %S %M`, process.execPath, ...args] : args;
  const start = process.hrtime.bigint();
  const result = spawnSync(command, argv, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const usage = new RegExp(`${TAG} ([\\d.]+) ([\\d.]+) (\\d+)`).exec(result.stderr.toString());
  return {
    ms,
    cpuMs: usage ? (Number(usage[1]) + Number(usage[2])) * 1000 : undefined,
    rssMb: usage ? Number(usage[3]) / 1024 : undefined,
    stdout: result.stdout,
  };
}

/** Median and min of wall and of CPU, and the largest peak memory, of some runs. */
export function summary(runs) {
  const cpu = runs.map((r) => r.cpuMs).filter((x) => x !== undefined);
  const rss = runs.map((r) => r.rssMb).filter((x) => x !== undefined);
  return {
    median: median(runs.map((r) => r.ms)),
    min: Math.min(...runs.map((r) => r.ms)),
    cpuMedian: cpu.length ? median(cpu) : undefined,
    cpuMin: cpu.length ? Math.min(...cpu) : undefined,
    rssMb: rss.length ? Math.max(...rss) : undefined,
  };
}

/** One untimed warm-up (file cache, V8's compile cache), then n timed runs. */
export function repeated(args, n) {
  measured(args);
  return summary(Array.from({ length: n }, () => measured(args)));
}

/**
 * Several commands timed in turn, n rounds of one run each after an untimed round. A shared
 * virtual machine's speed can drift by a quarter within minutes; taking turns slows every
 * command alike, so an A/B ratio is not the luck of which ran in the slow minutes.
 */
export function alternated(commands, n) {
  for (const args of commands) measured(args);
  const runs = commands.map(() => []);
  for (let round = 0; round < n; round += 1)
    commands.forEach((args, i) => runs[i].push(measured(args)));
  return runs.map(summary);
}
