import { expect } from 'vitest';

/** The rows of the first table in `html` whose caption starts with `caption`, as their cells' texts. */
export function htmlTable(html: string, caption: string): string[][] {
  const start = html.search(
    new RegExp(`<caption[^>]*>${caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  expect(start, caption).toBeGreaterThan(-1);
  const body = html.slice(start, html.indexOf('</table>', start));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.trim()),
  );
}
