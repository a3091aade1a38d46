/**
 * Long work written as a generator that yields between its steps (an origin of a backtest, a
 * chunk of draws), so that one body serves two callers: the library runs it to its end at once
 * (`finish`), and the command line gives the event loop a turn at each yield, where a Ctrl-C is
 * heard (src/cli/interrupt.ts, `finishWithTurns`).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to its end and returns what it returns. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
