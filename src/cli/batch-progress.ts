import { cliIo } from './cli-io.js';

/**
 * Batch progress on stderr: areas done of the total, time elapsed and an estimate of the time
 * left. Only for a person watching a terminal: never in CI, under --quiet, or when stderr is
 * not a TTY (src/cli/terminal.ts decides the same for the other commands).
 */
export interface BatchProgress {
  /** `workDone`: the share of the work done, 0 to 1, for the estimate of the time left. */
  update(done: number, total: number, workDone: number): void;
  stop(): void;
}

export async function batchProgress(options: { quiet: boolean }): Promise<BatchProgress> {
  const { stderr, env } = cliIo();
  const enabled = stderr.isTTY && stderr.stream !== undefined && !env['CI'] && !options.quiet;
  if (!enabled || !stderr.stream) return { update: () => undefined, stop: () => undefined };
  const { default: ora } = await import('ora');
  const started = performance.now();
  const spinner = ora({ text: 'Reading the national model', stream: stderr.stream }).start();
  let computing: number | undefined;
  return {
    update(done, total, workDone) {
      const elapsed = (performance.now() - started) / 1000;
      // Time since the first area was handed out, scaled by the work left (reading is not repeated).
      computing ??= elapsed;
      const left =
        workDone > 0 && done < total
          ? `, about ${formatSeconds(((elapsed - computing) / workDone) * (1 - workDone))} left`
          : '';
      spinner.text = `Areas ${done}/${total}, ${formatSeconds(elapsed)} elapsed${left}`;
    },
    stop: () => {
      spinner.stop();
    },
  };
}

function formatSeconds(seconds: number): string {
  return seconds < 60
    ? `${seconds.toFixed(1)} s`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
