import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { importArgs } from '../helpers/tariff-import-args.js';

// Found in an officer's trial: example-borough-2025 exported, a band added to rates.csv in the
// spreadsheet, and imported back with the line export prints kept the library's id and title, so
// every output named the authority's table as the library's illustrative one. Import now warns.
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-tariff-id-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('an edited library table imported under its id is warned of; unchanged, or given its own id, not', async () => {
  const dir = path.join(scratch, 'mine');
  const exported = await cli([
    'tariffs',
    'export',
    'example-borough-2025',
    '--csv',
    '--out-dir',
    dir,
  ]);
  expect(exported.code, exported.stderr).toBe(0);
  const unchanged = await cli(importArgs(dir));
  expect(unchanged.code, unchanged.stderr).toBe(0);
  expect(unchanged.stderr).toBe('');
  const rates = path.join(dir, 'rates.csv');
  writeFileSync(
    rates,
    `${readFileSync(rates, 'utf8')}2025-04-01,,mainstream,6,*,13000.00,annual per pupil,assumption,devon-2023-24,our band 6\r\n`,
  );
  const edited = await cli(importArgs(dir));
  expect(edited.code, edited.stderr).toBe(0);
  expect(edited.stderr).toContain(
    `${path.join(dir, 'tariff.csv')}:2:2: warning TARIFF_ID_TAKEN: the table's id "example-borough-2025" is a library table's, but this table differs from it`,
  );
  expect(edited.stderr).toContain('hint: give it an id and title of its own');
  const own = await cli(importArgs(dir, '--id', 'lakeshire-2026', '--title', 'Lakeshire bands'));
  expect(own.code, own.stderr).toBe(0);
  expect(own.stderr).not.toContain('TARIFF_ID_TAKEN');
  expect(JSON.parse(own.stdout)).toMatchObject({ id: 'lakeshire-2026', title: 'Lakeshire bands' });
});
