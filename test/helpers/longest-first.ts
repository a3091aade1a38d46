import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The two files that take longest (each runs every command the docs or the --help show: some 6-7 s
 * of CPU each, more than any other file) start first, one on each worker; the rest
 * in vitest's own order: by the time each file took last run, or by size when vitest has no
 * timings (a fresh clone, CI). Without timings these two would start by their size, mid-run, and
 * the run would end with one worker busy for some 15 s while the other idles (issue 18, item 5).
 */
const FIRST = ['test/docs/readme-blocks.test.ts', 'test/cli/help.test.ts'];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = FIRST.findIndex((name) => file.moduleId.endsWith(`/${name}`));
      return at < 0 ? FIRST.length : at;
    };
    // Array.prototype.sort is stable: the others keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
