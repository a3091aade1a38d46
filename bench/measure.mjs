// How every spawned figure of `npm run bench` is timed, so that two figures compared with each
// other were measured the same way: wall from spawn to exit, CPU time (user + sys, worker threads
// included since they share the process) and peak resident memory from /usr/bin/time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
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

/**
 * One spawned `node <args>` run's CPU by thread (Linux: /proc/PID/task/TID/stat, polled every
 * 20 ms, so a thread that ends between polls loses at most that): the main thread's ms, and the
 * other threads' together (worker threads, and V8's background threads that compile optimised
 * code and collect garbage). Undefined where /proc is not there.
 */
export function threadCpu(args) {
  if (!existsSync('/proc/self/task')) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' });
    const last = new Map();
    const tasks = () => {
      try {
        return readdirSync(`/proc/${child.pid}/task`);
      } catch {
        return []; // the process has ended
      }
    };
    const poll = () => {
      for (const tid of tasks())
        try {
          const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
          // Fields after the command name in brackets: utime and stime are the 12th and 13th, in ticks of 10 ms.
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          last.set(tid, (Number(fields[11]) + Number(fields[12])) * 10);
        } catch {
          // The thread ended between the listing and the read.
        }
    };
    const timer = setInterval(poll, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited ${code}`));
      const main = last.get(String(child.pid)) ?? 0;
      let others = 0;
      for (const [tid, ms] of last) if (tid !== String(child.pid)) others += ms;
      resolve({ main, others });
    });
  });
}
