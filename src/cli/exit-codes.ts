/**
 * Exit codes (docs/errors.md, "Exit codes"). main.ts alone sets process.exitCode from what
 * main() returns. `closedPipe` is what a shell shows for a Unix tool ended by SIGPIPE (128 + 13):
 * stdout's reader went away (`highneeds project | head -1`), so the run ends quietly.
 */
export const EXIT = {
  ok: 0,
  input: 1,
  usage: 2,
  internal: 3,
  noAnswer: 4,
  closedPipe: 141,
} as const;
