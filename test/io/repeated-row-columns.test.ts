import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-repeated-row-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/example with funding.csv given a column of its own and `extra` rows after its own. */
function exampleWith(name: string, extra: readonly string[]): string {
  const dir = path.join(scratch, name);
  cpSync('fixtures/example', dir, { recursive: true });
  const file = path.join(dir, 'funding.csv');
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const lines = [`${header},ledger_ref`, ...rows.map((row, i) => `${row},R${i}`), ...extra];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return dir;
}

describe('ROW_REPEATED', () => {
  // A funding.csv with a column of the user's own (a ledger reference) told two payments of the
  // same amount apart by it, and was warned that the rows repeated each other 'cell for cell'.
  it('is not said of rows a column of the file tells apart, though the model ignores it', async () => {
    const dir = exampleWith('told-apart', [
      '2026-27,la_contribution,500000.00,general fund contribution,R99',
    ]);
    const run = await cli(['validate', dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('ROW_REPEATED');
  });

  it('is said of a row that repeats another in every cell, its own columns too', async () => {
    const dir = exampleWith('pasted-twice', [
      '2026-27,la_contribution,500000.00,general fund contribution,R5',
    ]);
    const run = await cli(['validate', dir]);
    expect(run.stderr).toContain('ROW_REPEATED: this row repeats line 7 cell for cell');
  });
});
