import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { torbayInit } from '../helpers/torbay-init.js';

/**
 * TEMPLATE_ROWS beyond a table byte for byte as init wrote it (an officer's trial): the officer
 * pastes their rows below init's example, which is then read with them (12 pupils more), and a
 * table opened and saved again from Excel, examples and all (a byte order mark, CRLF), is still
 * init's. A table of the officer's own rows alone is not warned of.
 */
const fresh = torbayInit('highneeds-init-kept-');
const templateLines = (stderr: string): string[] =>
  stderr.split('\n').filter((line) => line.includes('TEMPLATE_ROWS'));

describe('init example rows kept', () => {
  it('is said of a table whose own rows were pasted below the example', async () => {
    const dir = await fresh('pasted');
    appendFileSync(path.join(dir, 'cohort.csv'), '9,SEMH,mainstream,2,30,,0\r\n');
    appendFileSync(path.join(dir, 'funding.csv'), '2027-28,hnb_allocation,650000.00,,,\n');
    const run = await cli(['validate', dir]);
    expect(run.code).toBe(0);
    expect(templateLines(run.stderr)).toEqual([
      `${dir}/cohort.csv:2: warning TEMPLATE_ROWS: cohort.csv still begins with the example row highneeds init wrote (line 2), above your own: it is read as figures with them`,
      `${dir}/funding.csv:2: warning TEMPLATE_ROWS: funding.csv still begins with the example rows highneeds init wrote (lines 2 to 4), above your own: they are read as figures with them`,
      `${dir}/new-plans.csv:2: warning TEMPLATE_ROWS: new-plans.csv, ceasing.csv, transitions.csv, places.csv and spend.csv are as highneeds init wrote them: the example rows are not your figures`,
    ]);
  });

  it('counts a table saved again by a spreadsheet, examples and all, as init wrote it', async () => {
    const dir = await fresh('resaved');
    const file = path.join(dir, 'places.csv');
    writeFileSync(file, '\uFEFF' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const run = await cli(['validate', dir]);
    expect(templateLines(run.stderr)[0]).toContain(
      'cohort.csv, new-plans.csv, ceasing.csv, transitions.csv, places.csv, spend.csv and funding.csv are as highneeds init wrote them',
    );
  });

  it('is not said of a table of your own rows alone', async () => {
    const dir = await fresh('own');
    writeFileSync(
      path.join(dir, 'cohort.csv'),
      'ncy,need,setting,band,count,annual_cost,out_of_area\n9,SEMH,mainstream,2,30,,0\n',
    );
    const run = await cli(['validate', dir]);
    expect(templateLines(run.stderr)).toEqual([
      `${dir}/new-plans.csv:2: warning TEMPLATE_ROWS: new-plans.csv, ceasing.csv, transitions.csv, places.csv, spend.csv and funding.csv are as highneeds init wrote them: the example rows are not your figures`,
    ]);
  });
});
