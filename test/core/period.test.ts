import { describe, expect, it } from 'vitest';
import {
  academicYearOfMonth,
  anniversariesBetween,
  financialYearOfMonth,
  firstOfMonth,
  firstProjectedFinancialYear,
  formatAcademicYear,
  formatFinancialYear,
  isValidDate,
  isValidMonthDay,
  monthIndex,
  parseAcademicYear,
  parseFinancialYear,
} from '../../src/core/period.js';

describe('calendars', () => {
  it('parses and formats academic years with a slash and financial years with a hyphen', () => {
    expect(parseAcademicYear('2025/26')).toBe(2025);
    expect(parseAcademicYear('1999/00')).toBe(1999);
    expect(parseAcademicYear('2025-26')).toBeUndefined();
    expect(parseAcademicYear('2025/27')).toBeUndefined();
    expect(parseFinancialYear('2026-27')).toBe(2026);
    expect(parseFinancialYear('2026/27')).toBeUndefined();
    expect(formatAcademicYear(2099)).toBe('2099/00');
    expect(formatFinancialYear(2030)).toBe('2030-31');
  });

  it('the January 2026 census (AY 2025/26) opens FY 2026-27', () => {
    expect(firstProjectedFinancialYear(2025)).toBe(2026);
  });

  it('April–August belong to the AY that started the September before; April starts the FY', () => {
    expect(academicYearOfMonth(monthIndex(2026, 8))).toBe(2025);
    expect(academicYearOfMonth(monthIndex(2026, 9))).toBe(2026);
    expect(financialYearOfMonth(monthIndex(2027, 3))).toBe(2026);
    expect(financialYearOfMonth(monthIndex(2027, 4))).toBe(2027);
    expect(firstOfMonth(monthIndex(2026, 9))).toBe('2026-09-01');
  });

  it('validates real dates only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-4-01')).toBe(false);
    expect(isValidDate('01/04/2025')).toBe(false);
    expect(isValidMonthDay('04-01')).toBe(true);
    expect(isValidMonthDay('02-29')).toBe(false);
  });

  it('counts anniversaries strictly after the start and on or before the date', () => {
    expect(anniversariesBetween('04-01', '2025-04-01', '2025-04-01')).toBe(0);
    expect(anniversariesBetween('04-01', '2025-04-01', '2026-03-01')).toBe(0);
    expect(anniversariesBetween('04-01', '2025-04-01', '2026-04-01')).toBe(1);
    expect(anniversariesBetween('04-01', '2025-09-01', '2026-04-01')).toBe(1);
    expect(anniversariesBetween('04-01', '2025-03-31', '2025-04-01')).toBe(1);
    expect(anniversariesBetween('09-01', '2025-04-01', '2030-08-01')).toBe(5);
  });
});
