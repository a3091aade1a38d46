import { describe, expect, it } from 'vitest';
import {
  readSpreadsheetDate,
  serialDate,
  whyNotSpreadsheetDate,
} from '../../src/core/spreadsheet-date.js';

describe('a spreadsheet date serial, for hints', () => {
  it('is days after 30 December 1899, from 2000 to 2099, leap days included', () => {
    expect(serialDate('46266')).toBe('2026-09-01');
    expect(serialDate('36526')).toBe('2000-01-01');
    expect(serialDate('73050')).toBe('2099-12-31');
    // 29 February 2028, and the day after it.
    expect(serialDate('46812')).toBe('2028-02-29');
    expect(serialDate('46813')).toBe('2028-03-01');
    for (const text of ['36525', '73051', '4626', '46266.5', '2026'])
      expect(serialDate(text)).toBeUndefined();
  });

  it('every form read gives the same day', () => {
    for (const text of [
      '2026-09-01',
      '01/09/2026',
      '1/9/2026',
      '2026/09/01',
      '1-Sep-2026',
      '1 September 2026',
      '01/09/2026 00:00',
    ])
      expect(readSpreadsheetDate(text)?.iso, text).toBe('2026-09-01');
    expect(readSpreadsheetDate('1-Sep-26')).toBeUndefined();
    expect(readSpreadsheetDate('31/02/2026')).toBeUndefined();
  });

  // A date-and-time cell saved dd/mm/yyyy is read day first as the date alone is, and said so
  // (ukDate's note says "day first"): it was noted as "a date written with its month's name, year
  // first or with a midnight time", and a US-order one (12/25/2026 00:00) told only that it is not
  // in the calendar (found by a review).
  it('reads dd/mm/yyyy with a midnight time as day first, and says so when that reading fails', () => {
    expect(readSpreadsheetDate('04/01/2026 00:00')).toEqual({ iso: '2026-01-04', form: 'uk' });
    expect(readSpreadsheetDate('4/1/2026 0:00')).toEqual({ iso: '2026-01-04', form: 'uk' });
    expect(whyNotSpreadsheetDate('12/25/2026 00:00')).toBe(
      'which is no date read as dd/mm/yyyy, day first (day 12, month 25)',
    );
    expect(readSpreadsheetDate('2026-09-01 00:00')?.form).toBe('other');
  });
});
