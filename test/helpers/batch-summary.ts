import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cli, type RunResult } from './run-cli.js';

/**
 * `highneeds batch DIR --out-dir OUT --scenarios unmitigated --jobs 1 --quiet ARGS` in process
 * (one thread: a worker costs some 0.3 s to start), and summary.csv's rows by column name.
 */
export async function batchSummary(
  dir: string,
  outDir: string,
  ...args: string[]
): Promise<RunResult & { rows: Record<string, string>[] }> {
  const run = ['--scenarios', 'unmitigated', '--jobs', '1', '--quiet'];
  const result = await cli(['batch', dir, '--out-dir', outDir, ...run, ...args]);
  const file = path.join(outDir, 'summary.csv');
  if (!existsSync(file)) return { ...result, rows: [] };
  const [header = [], ...lines] = readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
  const rows = lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]!])));
  return { ...result, rows };
}
