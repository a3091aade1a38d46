import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/io/csv-table.js';
import { HNB_FROM_COLUMNS } from '../../src/io/read-hnb-from.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Found by a user trial scripting nff into project: `nff --format json` given to --hnb-from was
 * refused for a cell that "holds a quote but does not start with one", which did not say why.
 */
describe('a JSON file where a CSV table is read', () => {
  it('is refused as JSON, at its first line', () => {
    const { rows, issues } = readCsvTable(
      '{\n  "financial_year": "2026-27",\n  "areas": []\n}\n',
      'nff.json',
      HNB_FROM_COLUMNS,
    );
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'CSV_MALFORMED',
        message: 'cannot read CSV: the file is JSON',
        location: { file: 'nff.json', line: 1 },
        hint: 'give the table as CSV (a highneeds output as its --format csv)',
      },
    ]);
  });

  it('a CSV whose cells hold brackets is read as before', () => {
    const table = readCsvTable(
      'area_code,financial_year,allocation\n[1],2026-27,1\n',
      'a.csv',
      HNB_FROM_COLUMNS,
    );
    expect(table.issues).toEqual([]);
    expect(table.rows).toHaveLength(1);
  });

  it('project --hnb-from with nff --format json: exit 1, saying so', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-json-for-csv-'));
    try {
      const file = path.join(scratch, 'nff.json');
      const nff = ['nff', 'fixtures/nff/nff-factors.csv', '--year', '2026-27'];
      expect((await cli([...nff, '--out', file])).code).toBe(0);
      const result = await cli(['project', 'fixtures/nff/model', '--hnb-from', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'nff.json:1: error CSV_MALFORMED: cannot read CSV: the file is JSON',
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
