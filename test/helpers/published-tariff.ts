import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from './exec.js';

/**
 * A copy of fixtures/worked-example/tariff.json with every rate marked published and citing its
 * first reference, `src` (the fixture states no standing): special band B is £13,200 from
 * September 2026, uplifted 5% to £13,860 on 1 April 2027. The path of the copy, in a new folder.
 */
export function publishedWorkedExampleTariff(): string {
  const table = JSON.parse(
    readFileSync(path.join(ROOT, 'fixtures/worked-example/tariff.json'), 'utf8'),
  ) as { references: { id?: string }[]; rates: Record<string, string>[] };
  table.references[0]!.id = 'src';
  for (const rate of table.rates) Object.assign(rate, { status: 'published', reference: 'src' });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'highneeds-status-')), 'tariff.json');
  writeFileSync(file, JSON.stringify(table));
  return file;
}
