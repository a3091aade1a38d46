import type { Steps } from '../core/steps.js';

/**
 * Node runs signal handlers only between turns of the event loop, never in the middle of
 * synchronous work, and a signal that arrived during that work is read from libuv's signal
 * pipe in one turn and handed to JavaScript in the next. Awaiting this gives a pending
 * SIGINT/SIGTERM its turn (three turns, to be safe; each costs microseconds).
 */
export async function yieldToSignals(): Promise<void> {
  for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Runs `steps` to its end with the event loop's turns (yieldToSignals) at each of its yields: a Ctrl-C is heard between steps. */
export async function finishWithTurns<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToSignals();
  }
}
