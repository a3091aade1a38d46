import { drawn, oraOnStderr } from './terminal.js';

/**
 * Batch progress on stderr: areas done of the total, time elapsed and an estimate of the time
 * left. Only for a person watching a terminal, as every spinner (src/cli/terminal.ts, oraOnStderr).
 */
export interface BatchProgress {
  /** `workDone`: the share of the work done, 0 to 1, for the estimate of the time left. */
  update(done: number, total: number, workDone: number): void;
  stop(): void;
}

export async function batchProgress(options: { quiet: boolean }): Promise<BatchProgress> {
  const running = await oraOnStderr('Reading the national model', options);
  if (!running) return { update: () => undefined, stop: () => undefined };
  const started = performance.now();
  const spinner = running.start();
  const stop = drawn(spinner);
  let first: { at: number; workDone: number } | undefined;
  return {
    update(done, total, workDone) {
      const elapsed = (performance.now() - started) / 1000;
      first ??= { at: elapsed, workDone };
      const seconds = done < total ? secondsLeft(first, elapsed, workDone) : undefined;
      const left = seconds === undefined ? '' : `, about ${formatSeconds(seconds)} left`;
      spinner.text = `Areas ${done}/${total}, ${formatSeconds(elapsed)} elapsed${left}`;
    },
    stop,
  };
}

/**
 * The time left at the pace since the first report (`first`: when, and the share of the work then
 * done), or undefined until some work has been done since. Areas modelled while the cohort was
 * still read are reported at once when it ends, so they say nothing of the pace.
 */
export function secondsLeft(
  first: { readonly at: number; readonly workDone: number },
  elapsed: number,
  workDone: number,
): number | undefined {
  if (workDone <= first.workDone) return undefined;
  return ((elapsed - first.at) / (workDone - first.workDone)) * (1 - workDone);
}

function formatSeconds(seconds: number): string {
  return seconds < 60
    ? `${seconds.toFixed(1)} s`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
