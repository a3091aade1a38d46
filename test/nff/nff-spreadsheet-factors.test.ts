import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-nff-spreadsheet-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FACTORS = path.join(ROOT, 'fixtures/nff/nff-factors.csv');

/** The factors as a spreadsheet saves them: BOM, CRLF, £ and separators on amounts, separators on counts. */
function asSaved(text: string): string {
  const [header, ...rows] = text.trimEnd().split('\n');
  const columns = header!.split(',');
  const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const saved = rows.map((row) =>
    row
      .split(',')
      .map((cell, i) => {
        const column = columns[i]!;
        if (['historic_spend', 'baseline_allocation', 'academy_place_deduction'].includes(column)) {
          const [whole, pence] = cell.split('.');
          return `"£${grouped(whole!)}.${pence}"`;
        }
        if (['population_2_18', 'baseline_population_2_18', 'fsm'].includes(column))
          return `"${grouped(cell)}"`;
        return cell;
      })
      .join(','),
  );
  return `\uFEFF${[header, ...saved].join('\r\n')}\r\n`;
}

// Found by a user trial (a funding analyst assembling nff-factors.csv in a spreadsheet from DfE's
// tables): every £ and thousands separator was refused as INVALID_NUMBER, though docs/nff.md said
// numbers were read "as everywhere" and a model's funding.csv takes the same cells.
describe('nff factors saved from a spreadsheet', () => {
  it('are read as the plain file is, the same bytes out, with one NUMBER_NORMALISED warning a column', async () => {
    const saved = path.join(scratch, 'nff-factors.csv');
    writeFileSync(saved, asSaved(readFileSync(FACTORS, 'utf8')));
    const args = ['--year', '2025-26', '--format', 'csv'];
    const plain = await cli(['nff', FACTORS, ...args]);
    const result = await cli(['nff', saved, ...args]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(plain.stdout);
    expect(result.stderr).toContain(
      'nff-factors.csv:2:11: warning NUMBER_NORMALISED: "historic_spend": removed £ or thousands separators in 3 cells ("£16,000,000.00" as 16000000.00, the first here)',
    );
    expect(result.stderr).toContain(
      'nff-factors.csv:2:3: warning NUMBER_NORMALISED: "population_2_18": removed £ or thousands separators in 3 cells ("22,500" as 22500, the first here)',
    );
    expect(result.stderr.match(/NUMBER_NORMALISED/g)).toHaveLength(6);
  });

  it('a £ on a count, or what could be read two ways, is still refused at its cell', async () => {
    const bad = path.join(scratch, 'bad-factors.csv');
    const [header, first, ...rest] = readFileSync(FACTORS, 'utf8').split('\n');
    writeFileSync(
      bad,
      [
        header,
        first!.replace(',22500,', ',£22500,').replace(',21150000.00,', ',"21.150.000,00",'),
        ...rest,
      ].join('\n'),
    );
    const result = await cli(['nff', bad, '--year', '2025-26', '--format', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'bad-factors.csv:2:3: error INVALID_NUMBER: "population_2_18" is "£22500": a £ sign is accepted only on an amount, not on a count',
    );
    expect(result.stderr).toContain(
      'bad-factors.csv:2:15: error INVALID_NUMBER: "baseline_allocation" is "21.150.000,00"',
    );
  });
});
