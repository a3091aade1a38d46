import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { batchSummary } from '../helpers/batch-summary.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-national-write-off-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a national model\'s write-off is each area\'s own (README, "National batch")', () => {
  it("writes off each area's share of its own opening deficit, nothing for one in surplus", async () => {
    const result = await batchSummary('fixtures/national', path.join(scratch, 'own'));
    expect(result.stderr).toBe('');
    const paid = result.rows
      .filter((row) => row['financial_year'] === '2026-27')
      .map((row) => [row['area_code'], row['income_write_off']]);
    // 0.9 × the opening deficits of funding.csv: N01 £1.2m, N02 £300,000, N03 a surplus, N04 £800,000.
    expect(paid).toEqual([
      ['N01', '1080000.00'],
      ['N02', '270000.00'],
      ['N03', '0.00'],
      ['N04', '720000.00'],
    ]);
  });

  it("refuses an eligibleDeficit, which would be every area's deficit: at the key, before any area runs", async () => {
    const national = path.join(scratch, 'figure');
    cpSync(path.join(ROOT, 'fixtures/national'), national, { recursive: true });
    const manifest = path.join(national, 'model.json');
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as {
      writeOff: Record<string, unknown>;
    };
    json.writeOff['eligibleDeficit'] = [{ source: 's251 outturn', deficit: '1000000.00' }];
    writeFileSync(manifest, JSON.stringify(json, null, 2));
    const outDir = path.join(scratch, 'refused');
    const result = await batchSummary(national, outDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /model\.json:\d+:\d+: error WRITE_OFF_NATIONAL_FIGURE: \$\.writeOff\.eligibleDeficit gives reported deficits in a national model/,
    );
    expect(existsSync(outDir)).toBe(false);
  });
});
