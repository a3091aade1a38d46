import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { project } from '../../src/core/project.js';
import { toPence } from '../../src/core/rounding.js';
import { loadModel } from '../../src/io/model-folder.js';
import { ROOT } from '../helpers/exec.js';
import { batchSummary } from '../helpers/batch-summary.js';
import { cli } from '../helpers/run-cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-hnb-from-ie-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An `highneeds nff` rollover output (the columns of fixtures/nff/allocations-2026-27.csv). */
function allocations(name: string, ...rows: string[]): string {
  const file = path.join(scratch, name);
  const header =
    'area_code,area_name,financial_year,baseline_allocation,uplift,import_export,allocation,place_deductions,block_after_deductions';
  writeFileSync(file, [header, ...rows, ''].join('\n'));
  return file;
}

/** Torbay's row of fixtures/nff/allocations-2026-27.csv with an import/export adjustment of −£84,000. */
const allocationsWithImportExport = (): string =>
  allocations(
    'alloc-ie.csv',
    '880,Torbay (illustrative),2026-27,21760000.00,0.00,-84000.00,21676000.00,2160000.00,19516000.00',
  );

/** fixtures/nff/model with funding.csv's own `import_export` row for 2026-27. */
function modelWithImportExport(amount: string): string {
  const dir = path.join(scratch, `model${amount}`);
  cpSync(path.join(ROOT, 'fixtures/nff/model'), dir, { recursive: true });
  const funding = path.join(dir, 'funding.csv');
  writeFileSync(
    funding,
    `${readFileSync(funding, 'utf8').trimEnd()}\n2026-27,import_export,${amount},,,published\n`,
  );
  return dir;
}

const income = (dir: string, hnbFrom: string) => {
  const loaded = loadModel(dir, { hnbFrom: [hnbFrom] });
  const outcome = project(loaded.model!);
  return {
    issues: [...loaded.issues, ...outcome.issues],
    years: outcome.projection!.years.map((y) => ({
      hnb: toPence(y.income.hnb),
      importExport: toPence(y.income.importExport),
      // Less the write-off, the model's other income line in 2026-27.
      total: toPence(y.income.total.minus(y.income.writeOff)),
    })),
  };
};

describe("--hnb-from and the NFF's import/export adjustment (docs/nff.md, steps 7–9)", () => {
  it('takes the allocation before import/export as hnb_allocation, the adjustment as its own line, counted once', () => {
    const got = income(modelWithImportExport('-84000.00'), allocationsWithImportExport());
    // The adjustment is the file's year's only, and the run says the later years have none.
    expect(got.issues.map((i) => [i.code, i.location?.line, i.message])).toEqual([
      [
        'IMPORT_EXPORT_NOT_CARRIED',
        2,
        'import_export is -£84,000.00 for 2026-27 but not given for 2027-28, 2028-29: those years have no import/export adjustment, while the HNB and its deductions are carried into them',
      ],
    ]);
    // The elements: £21,676,000 − (−£84,000); later years grow them by hnbGrowth 3%, not the adjustment.
    expect(got.years.map((y) => y.hnb)).toEqual(['21760000.00', '22412800.00', '23085184.00']);
    expect(got.years.map((y) => y.importExport)).toEqual(['-84000.00', '0.00', '0.00']);
    // The year's income is the NFF's allocation less its place deductions: £21,676,000 − £2,160,000.
    expect(got.years[0]!.total).toBe('19516000.00');
  });

  it("the file's import_export replaces funding.csv's for its year, as place_deductions replace hnb_deductions", () => {
    const got = income(modelWithImportExport('-50000.00'), allocationsWithImportExport());
    expect(got.years[0]).toMatchObject({ hnb: '21760000.00', importExport: '-84000.00' });
    const zero = income(
      modelWithImportExport('-50000.00'),
      path.join(ROOT, 'fixtures/nff/allocations-2026-27.csv'),
    );
    expect(zero.years[0]).toMatchObject({ hnb: '21760000.00', importExport: '0.00' });
  });

  it('batch --hnb-from reads it the same way', async () => {
    const national = path.join(scratch, 'national');
    cpSync(path.join(ROOT, 'fixtures/national'), national, { recursive: true });
    const alloc = allocations(
      'alloc-national.csv',
      'N01,Northshire,2026-27,1600000.00,0.00,-30000.00,1570000.00,0.00,1570000.00',
      'N02,Southbury,2026-27,1250000.00,0.00,0.00,1250000.00,0.00,1250000.00',
      'N03,Eastford,2026-27,1100000.00,0.00,0.00,1100000.00,0.00,1100000.00',
      'N04,Westham,2026-27,740000.00,0.00,0.00,740000.00,0.00,740000.00',
    );
    const result = await batchSummary(national, path.join(scratch, 'out'), '--hnb-from', alloc);
    expect(result.stderr.split('\n').filter((line) => line.includes(': warning '))).toEqual([
      `${alloc}:2:6: warning IMPORT_EXPORT_NOT_CARRIED: import_export is -£30,000.00 for 2026-27 but not given for 2027-28, 2028-29, 2029-30: those years have no import/export adjustment, while the HNB and its deductions are carried into them (area N01)`,
    ]);
    const n01 = result.rows.filter((row) => row['area_code'] === 'N01').slice(0, 2);
    expect(n01.map((row) => row['income_hnb'])).toEqual(['1600000.00', '1648000.00']);
    expect(n01.map((row) => row['income_import_export'])).toEqual(['-30000.00', '0.00']);
  });
});

// explain cites the allocation's cell for a figure that is not that cell's value as written.
describe('explain income_hnb with --hnb-from', () => {
  it('says the allocation was taken less its import_export, with both figures', async () => {
    const file = allocationsWithImportExport();
    const result = await cli([
      'explain',
      modelWithImportExport('-1000.00'),
      '--hnb-from',
      file,
      '--year',
      '2026-27',
      '--figure',
      'income_hnb',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `income_hnb 2026-27: £21,760,000.00 given for 2026-27 (${file}:2:7: the allocation there, £21,676,000.00, less its import_export, -£84,000.00)`,
    );
  });
});
