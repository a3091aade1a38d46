import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { inProcess } from '../report/in-process.js';

/*
 * docs/reports.md, "What the HTML holds", lists the report's sections "In order". Found by the docs
 * audit: it put "Spend, income and balance" second and the range of outcomes before the balance
 * charts, where the report has them eighth and fourth. Each bold name of the list that is a
 * section's title (or the start of one) must come in the report's order.
 */
let titles: string[];

beforeAll(async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'highneeds-order-')), 'report.html');
  const run = await inProcess(['report', 'fixtures/example', '--draws', '20', '--out', file]);
  expect(run.code).toBe(0);
  const html = readFileSync(file, 'utf8');
  titles = [...html.matchAll(/<section id="[^"]+"><h2>([^<]+)<\/h2>/g)].map((m) =>
    m[1]!.toLowerCase(),
  );
}, 60_000);

it("docs/reports.md lists the HTML report's sections in the report's order", () => {
  const doc = readFileSync('docs/reports.md', 'utf8');
  const start = doc.indexOf('## What the HTML holds');
  const list = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const named = [...list.matchAll(/^- .*(?:\n {2}.*)*/gm)].flatMap((item) =>
    [...item[0].matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.toLowerCase()),
  );
  const placed = named
    .map((name) => ({ name, at: titles.findIndex((title) => title.startsWith(name)) }))
    .filter(({ at }) => at >= 0);
  expect(placed.length, 'names matched to sections').toBeGreaterThanOrEqual(10);
  const order = placed.map(({ at }) => at);
  expect(order, placed.map(({ name }) => name).join(', ')).toEqual(
    [...order].sort((a, b) => a - b),
  );
});
