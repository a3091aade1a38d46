import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { htmlTable } from './html-table.js';
import { inProcess } from './in-process.js';

// A model with spend.csv lines (hospital education, SEN support services): the report's spend
// tables give them a line of their own, so each "Total spend" row is spend_total, not top-ups
// and place funding alone.
it('the spend tables of a model with spend.csv lines total spend_total, with a line for them', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'highneeds-other-spend-')), 'r.html');
  expect(
    (await inProcess(['report', 'fixtures/money-explain', '--out', file, '--quiet'])).code,
  ).toBe(0);
  const html = readFileSync(file, 'utf8');
  const projected = await inProcess(['project', 'fixtures/money-explain', '--format', 'csv']);
  const summary = parse(projected.stdout, { columns: true }) as Record<string, string>[];
  expect(summary.some((y) => Number(y['spend_other']) > 0)).toBe(true);
  for (const caption of ['Spend by setting', 'Spend by age group', 'Spend by primary need']) {
    const [head, ...rows] = htmlTable(html, caption).map((row) =>
      row.map((cell) => cell.replace(/[£,]/g, '')),
    );
    const other = rows.find((r) => r[0] === 'Other high-needs spend (spend.csv lines)');
    const total = rows.find((r) => r[0] === 'Total spend')!;
    head!.slice(1).forEach((year, i) => {
      const y = summary.find((s) => s['financial_year'] === year)!;
      expect(other?.[i + 1], `${caption} ${year}`).toBe(y['spend_other']);
      expect(total[i + 1], `${caption} ${year}`).toBe(y['spend_total']);
    });
  }
});
