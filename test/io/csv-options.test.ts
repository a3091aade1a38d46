import { expect, it } from 'vitest';
import { csvOptions } from '../../src/io/csv-table.js';
// @ts-expect-error: a plain script of the benchmarks, without types.
import { parseOptions } from '../../bench/parse-only.mjs';

// Issue 18's ratio divides the national batch by csv-parse alone reading its cohort: the two must
// parse alike (the benchmark's options were left behind once when every line ending was read).
it("the benchmark's csv-parse alone parses as the inputs are parsed", () => {
  for (const text of ['a,b\n1,2\n', 'a,b\r\n1,2\n', 'a,b\r1,2\r'])
    expect(parseOptions(text)).toEqual(csvOptions(text));
});
