import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlTable } from './html-table.js';
import { inProcess } from './in-process.js';

// Found by a Forum reading: the report showed a deficit write-off grant of £1,080,000.00 and
// nowhere how it was worked out (0.9 × the £1.2m deficit at the end of 2025-26), which
// `project`'s table prints.
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-write-off-basis-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the report's write-off grant under Assumptions", () => {
  it('N01: 90% of the £1,200,000.00 deficit at the end of 2025-26, paid in 2026-27', async () => {
    const out = path.join(scratch, 'n01.html');
    const run = await inProcess([
      'report',
      'fixtures/national',
      '--area',
      'N01',
      '--scenarios',
      'unmitigated',
      '--out',
      out,
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [head, row, more] = htmlTable(
      readFileSync(out, 'utf8'),
      'The deficit write-off grant (High Needs Stability Grant)',
    );
    expect(head).toEqual([
      'Scenario',
      'Paid in',
      'Share of the deficit',
      'Deficit at the end of',
      'Deficit, £',
      'Deficit from',
      'Grant, £',
    ]);
    expect(row!.slice(1)).toEqual([
      '2026-27',
      '90.00%',
      '2025-26',
      '£1,200,000.00',
      'funding.csv&#39;s opening_balance',
      '£1,080,000.00',
    ]);
    expect(more).toBeUndefined();
  });
});
