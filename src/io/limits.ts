import { readWhole } from '../core/whole-number.js';

/**
 * Input limits: past these a file is refused with a clear error rather than exhausting
 * memory. Sized for the national SEN2 return with room to spare (about 640,000 pupil rows,
 * ~15 MB); each can be raised for one run with the environment variable beside it.
 */
export interface Limits {
  /** HIGHNEEDS_MAX_FILE_BYTES */
  readonly maxFileBytes: number;
  /** HIGHNEEDS_MAX_ROWS: data rows per CSV file. */
  readonly maxRows: number;
  /** HIGHNEEDS_MAX_FIELD_CHARS: characters in one CSV cell. */
  readonly maxFieldChars: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 128 * 1024 * 1024,
  maxRows: 5_000_000,
  maxFieldChars: 4096,
};

/** The largest JSON input read (src/io/read-json.ts): 16 MiB, about 500 times the largest shipped table. */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * How many problems a terminal's list shows before a count of the rest (src/cli/print-issues.ts):
 * 200, or HIGHNEEDS_MAX_PROBLEMS for one run (found by an officer's trial: 241 errors of one kind
 * hid the warnings after them, and validate, which has no --format json, had no way to show them).
 */
export const DEFAULT_MAX_PROBLEMS = 200;

/** The variables that raise a limit for one run (README, "Errors and exit codes"; docs/errors.md), with their defaults. */
const LIMIT_DEFAULTS = {
  HIGHNEEDS_MAX_FILE_BYTES: DEFAULT_LIMITS.maxFileBytes,
  HIGHNEEDS_MAX_ROWS: DEFAULT_LIMITS.maxRows,
  HIGHNEEDS_MAX_FIELD_CHARS: DEFAULT_LIMITS.maxFieldChars,
  HIGHNEEDS_MAX_PROBLEMS: DEFAULT_MAX_PROBLEMS,
} as const;
type LimitVariable = keyof typeof LIMIT_DEFAULTS;

/** A positive whole number, in digits or with thousands commas (10,000,000), as whole options take one. */
function wholeAbove0(text: string): number | undefined {
  const value = readWhole(text);
  return value !== undefined && value > 0 ? value : undefined;
}

/** A limit variable's positive whole number, or its default when it is not set (or set empty). */
function limitOf(env: Environment, name: LimitVariable): number {
  const text = env[name];
  return (text && wholeAbove0(text)) || LIMIT_DEFAULTS[name];
}

/**
 * The limit variables set to something other than a positive whole number: the CLI refuses them
 * (exit 2) before a command runs, rather than run with the limit the user meant to raise left as
 * it was (HIGHNEEDS_MAX_ROWS=10m was ignored without a word).
 */
export function unreadLimitVariables(env: Environment): { name: LimitVariable; text: string }[] {
  return (Object.keys(LIMIT_DEFAULTS) as LimitVariable[])
    .filter((name) => env[name] && wholeAbove0(env[name]) === undefined)
    .map((name) => ({ name, text: env[name]! }));
}

/** A value to show for a limit variable: twice its default, as a user raising it might give. */
export const raisedLimit = (name: LimitVariable): number => 2 * LIMIT_DEFAULTS[name];

/** Reads overrides from the environment (unreadLimitVariables says which cannot be read). */
export function limitsFromEnvironment(env: Environment): Limits {
  return {
    maxFileBytes: limitOf(env, 'HIGHNEEDS_MAX_FILE_BYTES'),
    maxRows: limitOf(env, 'HIGHNEEDS_MAX_ROWS'),
    maxFieldChars: limitOf(env, 'HIGHNEEDS_MAX_FIELD_CHARS'),
  };
}

export const maxProblemsFromEnvironment = (env: Environment): number =>
  limitOf(env, 'HIGHNEEDS_MAX_PROBLEMS');
