import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlTable } from './html-table.js';
import { exampleReport } from '../helpers/example-report.js';
import { inProcess } from './in-process.js';

// Found by a domain audit: the run checks block transfers against the Schools Forum's 0.5% of the
// schools block (policy data, published), and the report used it without saying it or its source.
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-transfer-limit-cited-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const caption = 'The Schools Forum&#39;s limit';

describe("the Schools Forum's transfer limit in the report", () => {
  it('a model that moves money from the schools block: 0.5%, published, cited', async () => {
    const { html } = await exampleReport();
    const [head, row] = htmlTable(html, caption);
    expect(head).toEqual(['Share of the schools block', 'Status', 'From', 'Source', 'Address']);
    expect(row!.slice(0, 3)).toEqual([
      '0.5%',
      'published',
      'policy/schools-forum-transfer-limit.json',
    ]);
    expect(row![3]).toMatch(/^Torbay Council, Schools Forum/);
    expect(row![4]).toContain('https://www.torbay.gov.uk/DemocraticServices/mgAi.aspx?ID=109099');
  });

  it('a model that moves none, in no scenario, has no such table', async () => {
    const dir = path.join(scratch, 'no-transfers');
    cpSync('fixtures/example', dir, { recursive: true });
    const funding = readFileSync(path.join(dir, 'funding.csv'), 'utf8');
    writeFileSync(
      path.join(dir, 'funding.csv'),
      funding
        .split('\n')
        .filter((line) => !line.includes('block_transfer'))
        .join('\n'),
    );
    writeFileSync(path.join(dir, 'scenarios.json'), JSON.stringify({ scenarios: [] }));
    const out = path.join(scratch, 'no-transfers.html');
    const run = await inProcess(['report', dir, '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('The statutory override: the last financial year');
    expect(html).not.toContain(caption);
  });
});
