import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlTable } from './html-table.js';
import { exampleReport } from '../helpers/example-report.js';
import { inProcess } from './in-process.js';

// Found in an officer's trial: the headline dated a deficit "at the end of 2027-28, when the
// statutory override ends", a published policy date, with no source or status anywhere in the
// report (only the policy file's SHA-256 among the inputs). The Assumptions now cite it as the
// tariff's values are cited, and say when the date is model.json's own.
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-override-cited-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const caption = 'The statutory override: the last financial year';

describe("the statutory override's end in the report", () => {
  it('the shipped policy: 2027-28, published, cited with its title and address', async () => {
    const { html } = await exampleReport();
    const [head, row] = htmlTable(html, caption);
    expect(head).toEqual(['Last financial year', 'Status', 'From', 'Source', 'Address']);
    expect(row!.slice(0, 3)).toEqual(['2027-28', 'published', 'policy/statutory-override.json']);
    expect(row![3]).toMatch(/^Written question 64037/);
    expect(row![4]).toContain('https://www.parallelparliament.co.uk/question/64037');
    expect(html).toContain(
      'The statutory override&#39;s end, 2027-28, and its source: Assumptions.',
    );
  });

  it("model.json's own overrideEnd is said to be the model's date, not a published one", async () => {
    const dir = path.join(scratch, 'own-end');
    cpSync('fixtures/example', dir, { recursive: true });
    const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as object;
    writeFileSync(
      path.join(dir, 'model.json'),
      JSON.stringify({ ...json, overrideEnd: '2029-30' }),
    );
    const out = path.join(scratch, 'own-end.html');
    const run = await inProcess(['report', dir, '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const [, row] = htmlTable(readFileSync(out, 'utf8'), caption);
    expect(row).toEqual(['2029-30', 'the model&#39;s own date', 'model.json overrideEnd', '', '']);
  });
});
