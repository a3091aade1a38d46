import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-percent-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** fixtures/worked-example with model.json's area, years and tariff, and `fields` beside them. */
function workedWith(name: string, fields: object): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, 'fixtures/worked-example'), dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'model.json'),
    JSON.stringify({
      area: { code: 'W01', name: 'Worked Example' },
      baseYear: '2025/26',
      horizon: '2027-28',
      tariff: 'tariff.json',
      ...fields,
    }),
  );
  return dir;
}

describe('a percentage where model.json takes a decimal string', () => {
  it('is refused with the share its own figure stands for', async () => {
    // Found by a user trial: "6%" was told to "write 5% as 0.05".
    const dir = workedWith('model', {
      assumptions: { newPlansGrowth: '6%', hnbGrowth: '-2.5%', tariffUplift: '0' },
    });
    const result = await cli(['validate', dir], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '$.assumptions.newPlansGrowth is "6%": percent signs are not accepted; write 6% as 0.06\n',
    );
    expect(result.stderr).toContain(
      '$.assumptions.hnbGrowth is "-2.5%": percent signs are not accepted; write -2.5% as -0.025\n',
    );
  });

  it("is shown a share's example, not an amount's", async () => {
    // Found by an officer's trial: writeOff.share "90%" was told 'e.g. "14500.00"'.
    const dir = workedWith('write-off', {
      writeOff: { share: '90%', balanceYear: '2025-26', paidIn: '2026-27' },
    });
    const result = await cli(['validate', dir], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '$.writeOff.share is "90%": percent signs are not accepted; write 90% as 0.9\n  hint: JSON inputs take plain decimals: a share or rate as a decimal ("0.9" is 90%), an amount as digits ("14500.00")\n',
    );
  });
});
