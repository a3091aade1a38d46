import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { JSON_MAX_DEPTH } from '../../src/io/json-source.js';
import { DEFAULT_LIMITS, DEFAULT_MAX_PROBLEMS, MAX_JSON_BYTES } from '../../src/io/limits.js';

/*
 * README, "Errors and exit codes", states the input limits and the length of the problem list: they
 * are src/io/limits.ts's and src/io/json-source.ts's, so a limit changed in the code fails here until
 * the README says the new figure (the same figures as docs/reliability.md's guards table).
 */
it("README's input limits are the code's", () => {
  const readme = readFileSync('README.md', 'utf8');
  const reliability = readFileSync('docs/reliability.md', 'utf8');
  const n = (x: number) => x.toLocaleString('en-GB');
  const mib = (bytes: number) => `${bytes / 2 ** 20} MiB`;
  for (const said of [
    `A file over ${mib(DEFAULT_LIMITS.maxFileBytes)}, a CSV over ${n(DEFAULT_LIMITS.maxRows)} rows or a cell over ${n(DEFAULT_LIMITS.maxFieldChars)} characters`,
    `past ${DEFAULT_MAX_PROBLEMS} problems`,
    `JSON inputs may not be over ${mib(MAX_JSON_BYTES)}`,
    `more than ${JSON_MAX_DEPTH} deep`,
  ])
    expect(readme).toContain(said);
  // The figures COUNT_TOO_LARGE's and HORIZON_TOO_FAR's messages give (test/cli/absurd-figures.test.ts):
  // added at a stop without a word here (found by a review).
  expect(readme).toContain('over 10,000,000 in one cell or lever (`COUNT_TOO_LARGE`');
  expect(readme).toContain('a horizon more than 50 years after its base year (`HORIZON_TOO_FAR`');
  expect(readFileSync('docs/errors.md', 'utf8')).toContain(
    `Past ${DEFAULT_MAX_PROBLEMS} lines of problems`,
  );
  expect(reliability).toContain(
    `${mib(DEFAULT_LIMITS.maxFileBytes)} a file, ${n(DEFAULT_LIMITS.maxRows)} rows a CSV, ${n(DEFAULT_LIMITS.maxFieldChars)} characters a cell`,
  );
});
