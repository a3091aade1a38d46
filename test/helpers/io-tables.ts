import { Dec } from '../../src/core/decimal.js';
import type { Issue } from '../../src/core/issue.js';
import type { Tariff } from '../../src/core/tariff.js';
import { type ColumnSpec, type CsvTable, readCsvTable } from '../../src/io/csv-table.js';
import { TariffCheck } from '../../src/io/tariff-check.js';

/** Small in-process inputs for the reader tests: a CSV table from lines, and a tariff check. */

export function csv(file: string, spec: ColumnSpec, ...lines: string[]): CsvTable {
  const table = readCsvTable(`${lines.join('\n')}\n`, file, spec);
  if (table.issues.length)
    throw new Error(`test table ${file}: ${table.issues.map((i) => i.message).join('; ')}`);
  return table;
}

const TARIFF: Tariff = {
  id: 't',
  title: 'test',
  currency: 'GBP',
  references: [{ title: 'test', url: 'https://example.invalid' }],
  settings: ['mainstream', 'special', 'independent'].map((id) => ({
    id,
    label: id,
    placeValue: new Dec(id === 'mainstream' ? '0' : '10000'),
  })),
  rates: [
    {
      setting: 'mainstream',
      band: '1',
      need: '*',
      topUp: new Dec('1200'),
      effectiveFrom: '2025-04-01',
    },
    {
      setting: 'special',
      band: 'A',
      need: '*',
      topUp: new Dec('20000'),
      effectiveFrom: '2025-04-01',
    },
    {
      setting: 'independent',
      band: 'X',
      need: '*',
      topUp: new Dec('50000'),
      effectiveFrom: '2025-04-01',
    },
  ],
  uplift: { method: 'none' },
};

export const check = new TariffCheck(TARIFF);

/** `code file:line:column: message` of each issue, for readable expectations. */
export const described = (issues: readonly Issue[]): string[] =>
  issues.map(
    (i) =>
      `${i.severity} ${i.code} ${i.location?.file}:${i.location?.line ?? ''}:${i.location?.column ?? ''}: ${i.message}`,
  );
