import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CHANGE_KINDS } from '../../src/io/normalise.js';

/*
 * README, "Library": an Issue's `cells.kind` is one of the kinds it lists, and it lists every one
 * (src/io/normalise.ts's CHANGES). Found by a docs audit: the list lacked zeroFraction,
 * academicYear, otherDate and yearForm, so a caller switching on the kinds missed four.
 */
it("README lists every kind of an Issue's cells", () => {
  const readme = readFileSync('README.md', 'utf8');
  const list = /`kind` the rule applied \(([^)]*)\)/.exec(readme)?.[1] ?? '';
  const listed = [...list.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]!);
  expect([...listed].sort()).toEqual([...CHANGE_KINDS].sort());
});
