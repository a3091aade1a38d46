import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';

/*
 * tariffs/README.md's "Files" table says of each shipped table whether it is published, derived,
 * an assumption or illustrative. Found by the docs audit: the place-value tables were called
 * published throughout, while their resourced-provision setting is an assumption (its £10,000 for
 * an empty place is unconfirmed). Every status a file's settings and rates carry must be named in
 * its row's last column, or, where that says "mixed", in the row.
 */
const STATUSES = ['published', 'derived', 'assumption', 'illustrative'];

function statusesOf(value: unknown, found = new Set<string>()): Set<string> {
  if (value && typeof value === 'object') {
    const status = (value as { status?: unknown }).status;
    if (typeof status === 'string') found.add(status);
    for (const inner of Object.values(value)) statusesOf(inner, found);
  }
  return found;
}

it("tariffs/README.md names every status of each shipped table's values", () => {
  const rows = readFileSync('tariffs/README.md', 'utf8')
    .split('\n')
    .filter((line) => /^\| `[^`]+\.json` \|/.test(line));
  expect(rows.length).toBeGreaterThanOrEqual(6);
  const unsaid = rows.flatMap((row) => {
    const file = /`([^`]+)`/.exec(row)![1]!;
    const said = row.split(' | ').at(-1)!.toLowerCase();
    const where = said.startsWith('mixed') ? row.toLowerCase() : said;
    const statuses = statusesOf(JSON.parse(readFileSync(path.join('tariffs', file), 'utf8')));
    for (const status of statuses) expect(STATUSES, file).toContain(status);
    return [...statuses].filter((s) => !where.includes(s)).map((s) => `${file}: ${s}`);
  });
  expect(unsaid).toEqual([]);
});
