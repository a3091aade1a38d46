import { spawnSync } from 'node:child_process';
import { BIN, ROOT } from './exec.js';

/** util-linux `script`, which gives a run a terminal: tests that need one skip without it. */
export const hasScript = spawnSync('script', ['--version']).status === 0;

/** What a terminal of 100 columns shows of `highneeds ARGS` (TERM=xterm unless `env` says), and the exit code. */
export function onTerminal(
  args: readonly string[],
  env: Record<string, string> = {},
): { code: number; shown: string } {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync(
    'script',
    ['-qfec', `stty cols 100 rows 30; exec ${quoted}`, '/dev/null'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', TERM: 'xterm', NO_COLOR: '1', ...env },
    },
  );
  return { code: result.status ?? -1, shown: result.stdout };
}
