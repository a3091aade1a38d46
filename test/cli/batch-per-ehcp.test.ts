import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

// Found by a Forum reading: batch's ranking printed Westham's 45.86 EHCPs as 46 beside a deficit
// per EHCP worked out over 45.86, so the row's own figures did not give its per_ehcp.
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-batch-per-ehcp-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("batch's largest cumulative deficit per EHCP", () => {
  it("each row's cumulative_balance over its ehcps gives its per_ehcp, to the penny", async () => {
    const run = await cli(['batch', 'fixtures/national', '--out-dir', scratch]);
    expect(run.code, run.stderr).toBe(0);
    const rows = [...run.stdout.matchAll(/^N\d\d\s+\S+\s+\d{4}-\d\d\s+(\S+)\s+(\S+)\s+(\S+)$/gm)];
    expect(rows.length).toBeGreaterThan(0);
    for (const [line, balance, ehcps, perEhcp] of rows) {
      const figure = (text: string) => Number(text.replace(/,/g, ''));
      expect(ehcps, line).toMatch(/\.\d\d$/);
      expect(Math.abs(figure(balance!) / figure(ehcps!) - figure(perEhcp!)), line).toBeLessThan(
        0.006,
      );
    }
  });
});
