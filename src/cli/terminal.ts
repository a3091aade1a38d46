import { cliIo, everyIssue, type OutputStream } from './cli-io.js';
import type { IssuePaint } from './print-issues.js';
import { maxProblemsFromEnvironment } from '../io/limits.js';
import type { Paint } from '../report/table.js';
import type { Ora } from 'ora';

/**
 * chalk and ora are loaded only when a person is watching a terminal: a script piping CSV
 * (the common case, and the one benchmarks time) never pays for them.
 * chalk ignores NO_COLOR, so colour is decided here, for stdout and stderr separately. A terminal
 * that says it is dumb (TERM=dumb: Emacs's shell, some CI logs) shows escape codes as text, as
 * chalk's own check (supports-color) knows; the tables and problems were coloured there all the same.
 */
function colourOn(stream: OutputStream): boolean {
  const { env } = cliIo();
  // 0 or false is no colour, as in Node and chalk; any other value, even empty, colour, as README.md says.
  const forced = env['FORCE_COLOR'];
  if (forced !== undefined) return forced !== '0' && forced !== 'false';
  return !env['NO_COLOR'] && env['TERM'] !== 'dumb' && stream.isTTY;
}

const plain = (text: string): string => text;

export async function tablePaint(): Promise<Paint> {
  if (!colourOn(cliIo().stdout)) return { negative: plain, heading: plain, dim: plain };
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { negative: (t) => chalk.red(t), heading: (t) => chalk.bold(t), dim: (t) => chalk.dim(t) };
}

/**
 * The width terminal tables are fitted to: COLUMNS when set to a whole number, else the
 * terminal's own when stdout is one and the table goes there. Otherwise none: piped or
 * written to a file, a table keeps one line per row, as wide as it needs, so its bytes
 * never depend on a window.
 */
export function tableWidth(toFile = false): number | undefined {
  const { env, stdout } = cliIo();
  const columns = env['COLUMNS']?.trim();
  if (columns && /^\d+$/.test(columns) && Number(columns) > 0) return Number(columns);
  if (!toFile && stdout.isTTY && (stdout.columns ?? 0) > 0) return stdout.columns;
  return undefined;
}

/**
 * The width a message in words on stderr (init's and calibrate's next steps) wraps to: the
 * terminal's, when stderr is one; none off a terminal, so a log keeps each message on its line.
 * Unwrapped, the terminal broke init's at 80 columns mid-word, "the Janua" over "ry 2026 census"
 * (found by a user trial).
 */
export function messageWidth(): number | undefined {
  const { stderr } = cliIo();
  return stderr.isTTY && (stderr.columns ?? 0) > 0 ? stderr.columns : undefined;
}

export async function issuePaint(): Promise<IssuePaint> {
  // JSON output lists every problem, one a line, as it always has (README, docs/errors.md).
  const every = everyIssue();
  const most = every ? Infinity : maxProblemsFromEnvironment(cliIo().env);
  const fold = !every;
  if (!colourOn(cliIo().stderr)) return { error: plain, warning: plain, dim: plain, most, fold };
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    error: (t) => chalk.red.bold(t),
    warning: (t) => chalk.yellow(t),
    dim: (t) => chalk.dim(t),
    most,
    fold,
  };
}

export interface Progress {
  start(): Progress;
  /**
   * New text, drawn now (at most once a frame): for a run that keeps this thread busy, whose
   * spinner ora's timer never gets to turn (found by a user trial: simulate's stood still).
   */
  update(text: string): void;
  stop(): void;
}

/** A spinner as ora draws it: what clearing it takes. */
interface Drawn {
  stop(): unknown;
}

/** The spinners on the terminal now: an interrupt clears them before it says so (src/cli/main.ts). */
const onScreen = new Set<Drawn>();

/** Notes a spinner drawn, and returns its stop, which also forgets it. */
export function drawn(spinner: Drawn): () => void {
  onScreen.add(spinner);
  return () => {
    onScreen.delete(spinner);
    spinner.stop();
  };
}

/**
 * Clears every spinner on the terminal, so a message written next starts its own line: an
 * interrupt's was written after the spinner's text ("about 13.2 s lefthighneeds: interrupted",
 * found by a user trial).
 */
export function clearSpinners(): void {
  for (const spinner of [...onScreen]) {
    onScreen.delete(spinner);
    spinner.stop();
  }
}

/**
 * Progress only for a person watching a terminal that can redraw a line: never in CI, on
 * TERM=dumb, under --quiet, or with JSON output.
 * Spinners leave the terminal's input alone (ora's `discardStdin: false`): ora's default reads it
 * raw, so Ctrl-C was a byte that a run busy drawing never read, not SIGINT, and `simulate` ran on
 * and wrote its output (found by a user trial). Typed keys may show through the spinner instead.
 */
export async function spinner(
  text: string,
  options: { quiet: boolean; json: boolean },
): Promise<Progress> {
  const running = await oraOnStderr(text, options);
  if (!running) {
    const silent: Progress = {
      start: () => silent,
      update: () => undefined,
      stop: () => undefined,
    };
    return silent;
  }
  let renderedAt = 0;
  let stop = (): void => undefined;
  const progress: Progress = {
    start: () => {
      stop = drawn(running.start());
      renderedAt = performance.now();
      return progress;
    },
    update: (next) => {
      running.text = next;
      if (performance.now() - renderedAt < running.interval) return;
      running.render();
      renderedAt = performance.now();
    },
    stop: () => {
      stop();
    },
  };
  return progress;
}

/**
 * An ora spinner on stderr, not yet started, for `spinner` and the batch's progress alike; none
 * where progress is not shown (spinner's rules). A terminal that cannot move its cursor
 * (TERM=dumb) got every frame after the last: ora declines to clear there, but update() drew all
 * the same; and NO_COLOR leaves the spinner plain, where ora coloured its frame cyan whatever
 * (both found by a user trial, in simulate and then in batch).
 */
export async function oraOnStderr(
  text: string,
  options: { readonly quiet: boolean; readonly json?: boolean },
): Promise<Ora | undefined> {
  const { stderr, env } = cliIo();
  const shown =
    spinnerFits(stderr) && !env['CI'] && env['TERM'] !== 'dumb' && !options.quiet && !options.json;
  if (!shown || !stderr.stream) return undefined;
  const { default: ora } = await import('ora');
  return ora({
    text,
    stream: stderr.stream,
    discardStdin: false,
    color: colourOn(stderr) ? 'cyan' : false,
  });
}

/**
 * Whether a spinner can be drawn on this stream: a terminal that says how wide it is. One that
 * reports 0 columns (`script`, some CI and container terminals) made ora divide by 0 and redraw
 * for ever; there, as off a terminal, the run shows no spinner.
 */
export const spinnerFits = (stream: {
  readonly isTTY: boolean;
  readonly columns?: number;
}): boolean => stream.isTTY && (stream.columns ?? 0) > 0;
