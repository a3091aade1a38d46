import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

// A model folder's table with a title line above its column names is one error naming the line
// that holds them (src/io/header-below.ts); a national model's tables, read as a stream by
// src/io/batch/rows-by-area.ts, still gave a "required column is missing" for every column (left
// by the scripter's trial).
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-national-title-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('a national cohort.csv with a title above its column names: one error naming the line that holds them', async () => {
  const model = path.join(scratch, 'national');
  cpSync('fixtures/national', model, { recursive: true });
  const cohort = path.join(model, 'cohort.csv');
  writeFileSync(cohort, `National EHCP cohort January 2026,,,\r\n${readFileSync(cohort, 'utf8')}`);
  const run = await cli(['validate', model]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `${cohort}:1: error MISSING_COLUMN: the column names are on line 2, not line 1 (which holds "National EHCP cohort January 2026")\n` +
      "  hint: delete the line above the column names, so that they are the file's first line\n" +
      '1 error\n',
  );
});
