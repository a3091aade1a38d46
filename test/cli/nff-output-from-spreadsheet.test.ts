import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Found by a user trial of a monthly pipeline: an nff output opened in Excel, given the currency
 * format and saved again (BOM, CRLF, "£21,760,000.00") was refused by --hnb-from and
 * --baseline-from ("currency symbols are not accepted"), where every model CSV and the factors
 * file read such amounts. They are read as funding.csv's are, each column's change said once.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-saved-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The file as Excel saves it with its money columns formatted as currency. */
function savedByExcel(file: string, columns: readonly string[]): string {
  const [header, ...rows] = readFileSync(path.join(ROOT, file), 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  const money = (cell: string): string => {
    const [pounds, pence] = cell.replace('-', '').split('.');
    const grouped = pounds!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `"${cell.startsWith('-') ? '-' : ''}£${grouped}.${pence}"`;
  };
  const lines = rows.map((row) =>
    row
      .split(',')
      .map((cell, i) => (columns.includes(names[i]!) && cell !== '' ? money(cell) : cell))
      .join(','),
  );
  const saved = path.join(scratch, path.basename(file));
  writeFileSync(saved, `\uFEFF${[header, ...lines, ',,,'].join('\r\n')}\r\n`);
  return saved;
}

describe('an nff output saved by a spreadsheet', () => {
  it('--hnb-from: the same projection as from the file as written, with the changes said', async () => {
    const given = 'fixtures/nff/allocations-2026-27.csv';
    const saved = savedByExcel(given, ['allocation', 'place_deductions', 'import_export']);
    const asWritten = await cli(['project', 'fixtures/nff/model', '--hnb-from', given]);
    const result = await cli(['project', 'fixtures/nff/model', '--hnb-from', saved]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(asWritten.stdout);
    expect(result.stderr).toContain(
      `:2:8: warning NUMBER_NORMALISED: "allocation": removed £ or thousands separators in 1 cell ("£21,760,000.00" as 21760000.00, the first here)`,
    );
    expect(result.stderr).toContain('"place_deductions": removed £ or thousands separators');
  });

  it('--baseline-from: the same rollover as from the file as written', async () => {
    const written = path.join(scratch, 'nff-2025-26.csv');
    const nff = ['nff', 'fixtures/nff/nff-factors.csv'];
    expect((await cli([...nff, '--year', '2025-26', '--out', written])).code).toBe(0);
    const saved = savedByExcel(path.relative(ROOT, written), ['allocation', 'import_export']);
    const asWritten = await cli([...nff, '--year', '2026-27', '--baseline-from', written]);
    const result = await cli([...nff, '--year', '2026-27', '--baseline-from', saved]);
    expect(asWritten.code).toBe(0);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(asWritten.stdout);
    expect(result.stderr).toContain('warning NUMBER_NORMALISED: "allocation": removed £');
  });
});
