import { describe, expect, it } from 'vitest';
import { importExportGaps } from '../../src/core/import-export.js';
import type { FundingRow } from '../../src/core/model.js';
import { d } from './builders.js';

const row = (financialYear: number, amount: string, line = 11): FundingRow => ({
  financialYear,
  line: 'import_export',
  amount: d(amount),
  origin: { file: 'funding.csv', line },
});
const years = [2026, 2027, 2028, 2029];

// The import/export adjustment is never carried into a year it is not given for, while the HNB and
// its deductions are (docs/methodology.md): a year left without one is named, once per model.
describe('importExportGaps', () => {
  it('names the projected years without a row after a non-zero one, at that row', () => {
    const issue = importExportGaps([row(2026, '-12000'), row(2028, '6000', 12)], years);
    expect(issue?.code).toBe('IMPORT_EXPORT_NOT_CARRIED');
    expect(issue?.location).toEqual({ file: 'funding.csv', line: 11 });
    expect(issue?.message).toBe(
      'import_export is -£12,000.00 for 2026-27 but not given for 2027-28, 2029-30: those years have no import/export adjustment, while the HNB and its deductions are carried into them',
    );
  });

  it('counts a row before the projection, and a year given as 0 ends the adjustment', () => {
    expect(importExportGaps([row(2025, '3000')], years)?.message).toContain(
      'for 2025-26 but not given for 2026-27, 2027-28, 2028-29, 2029-30',
    );
    expect(importExportGaps([row(2026, '3000'), row(2027, '0')], years)).toBeUndefined();
    expect(importExportGaps([row(2026, '1000'), row(2026, '-1000')], years)).toBeUndefined();
  });

  it('says nothing when every year has one, or none is given', () => {
    expect(
      importExportGaps(
        years.map((y) => row(y, '500')),
        years,
      ),
    ).toBeUndefined();
    expect(importExportGaps([], years)).toBeUndefined();
  });
});
