import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTING_FLOW_COLUMNS } from '../../src/report/flows.js';
import { INTERVAL_COLUMNS } from '../../src/report/intervals.js';
import { DETAIL_COLUMNS, SUMMARY_COLUMNS } from '../../src/report/rows.js';
import { TARIFF_CSV_COLUMNS } from '../../src/report/tariff-csv.js';

/*
 * Where the docs list a CSV's columns, they are the columns its writer writes, in its order: the
 * summary and --detail (README, "Output"), intervals.csv (docs/simulate.md, "Output") and the
 * spreadsheet form of a tariff (README, "Tariffs"). A script reads these columns by name or by
 * position, so a column added or moved in the code must be added or moved here too.
 */
const readme = readFileSync('README.md', 'utf8');
const codes = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const after = (text: string, marker: string): string => {
  const at = text.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  return text.slice(at + marker.length);
};

describe('the output columns the docs list', () => {
  it("README's summary columns, in order", () => {
    const list = codes(after(readme, 'in this column order:'))[0]!;
    expect(list.split(', ')).toEqual([...SUMMARY_COLUMNS]);
  });

  it("README's --detail columns: its list, the flows table's, then the money lines", () => {
    const text = after(readme, 'With `--detail`: ');
    const [first = '', ...rest] = codes(text.slice(0, text.indexOf('\n')));
    const lines = rest
      .slice(0, rest.indexOf('spend_other') + 1)
      .filter((c) => /^[a-z_0-9]+$/.test(c));
    const table = after(readme, '| `--detail` column, and JSON `settings` field |');
    const flows = table
      .slice(0, table.indexOf('\n\n'))
      .split('\n')
      .slice(2)
      .flatMap((row) => codes(row.split('|')[1] ?? ''))
      .filter((column) => column !== 'pupils_january');
    expect(flows).toEqual([...SETTING_FLOW_COLUMNS]);
    expect([...first.split(', '), ...flows, ...lines]).toEqual([...DETAIL_COLUMNS]);
  });

  it("docs/simulate.md's intervals.csv columns, in order", () => {
    const doc = readFileSync('docs/simulate.md', 'utf8');
    const table = after(after(doc, '## Output'), '| column | meaning |\n|---|---|\n');
    const columns = table
      .slice(0, table.indexOf('\n\n'))
      .split('\n')
      .flatMap((row) => codes(row.split('|')[1] ?? ''));
    const quantiles = INTERVAL_COLUMNS.filter((c) => /^p\d/.test(c));
    const shown = INTERVAL_COLUMNS.filter(
      (c) => !/^p\d/.test(c) || c === quantiles[0] || c === quantiles.at(-1),
    );
    expect(columns).toEqual([...shown, 'p_below_<pounds>']);
  });

  it("README's rates.csv and settings.csv columns of tariffs export", () => {
    const text = after(readme, 'edit `mine/rates.csv` (columns ');
    expect(codes(text)[0]!.split(',')).toEqual([...TARIFF_CSV_COLUMNS['rates.csv']]);
    const settings = codes(after(text, '`mine/settings.csv` ('))[0]!.split(',');
    expect(settings.at(-1)).toBe('…');
    expect(settings.slice(0, -1)).toEqual(
      TARIFF_CSV_COLUMNS['settings.csv'].slice(0, settings.length - 1),
    );
  });
});
