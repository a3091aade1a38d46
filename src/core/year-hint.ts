import {
  type AcademicYear,
  type FinancialYear,
  formatAcademicYear,
  formatFinancialYear,
  isValidDate,
  parseAcademicYear,
  parseFinancialYear,
} from './period.js';
import { dateInWords, datePartsOf, serialDate } from './spreadsheet-date.js';

type Kind = 'academic' | 'financial';

const FORMAT: Record<Kind, (year: number) => string> = {
  academic: formatAcademicYear,
  financial: formatFinancialYear,
};

/** The year a date falls in: an academic year starts on 1 September, a financial year on 1 April. */
const START_MONTH: Record<Kind, number> = { academic: 9, financial: 4 };

/**
 * The year a cell means when it is written as the column's own kind of year another way, which a
 * spreadsheet or a finance system writes: the end year in full (2026/2027 for an academic year,
 * 2026-2027 for a financial one), the kind's label before it (AY 2026/27, FY2026-27), or a
 * financial year's hyphen as a dash (2026–27, Word's and Excel's autocorrect). Each says the year
 * as plainly as 2026/27 does (found by a user trial). The other kind's separator (2026-27 in an
 * academic year) is not read: a financial year and an academic year are different periods.
 */
export function yearWrittenOtherwise(text: string, kind: Kind): number | undefined {
  const label = kind === 'academic' ? /^(?:ay|academic year)\s*/i : /^(?:fy|financial year)\s*/i;
  const bare = text.replace(label, '');
  const separator = kind === 'academic' ? '\\/' : '[-\u2013\u2014]';
  const span = new RegExp(`^(\\d{4})\\s*${separator}\\s*(\\d{2}|\\d{4})$`).exec(bare);
  if (!span) return undefined;
  const start = Number(span[1]);
  const end = Number(span[2]);
  const consecutive = span[2]!.length === 4 ? end === start + 1 : end === (start + 1) % 100;
  return consecutive ? start : undefined;
}

/**
 * A hint for a year cell that is not written as the column expects, when what was meant is
 * plain: the other kind's separator (2025/26 in a financial year, 2026-27 in an academic year),
 * the end year in full (2027/2028), a label before it (FY2027-28, AY 2026/27), or a UK date
 * (01/09/2026: the year it falls in). Found by a user trial, pasting from a spreadsheet.
 */
export function yearHint(text: string, kind: Kind): string | undefined {
  const write = FORMAT[kind];
  const bare = text.replace(/^(?:fy|ay)\s*/i, '').trim();
  const span = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/.exec(bare);
  if (span) {
    const start = Number(span[1]);
    const end = Number(span[2]!.length === 4 ? span[2] : span[2]!.padStart(2, '0'));
    if (end % 100 !== (start + 1) % 100 || (span[2]!.length === 4 && end !== start + 1))
      return undefined;
    const other = kind === 'academic' ? 'a financial year' : 'an academic year';
    const why =
      kind === 'academic' ? 'academic years take a slash' : 'financial years take a hyphen';
    const otherKind = kind === 'academic' ? 'financial' : 'academic';
    // 2026/2027 in a financial year is the other kind's spelling too, as it reads it.
    const asOther =
      (kind === 'academic' ? parseFinancialYear : parseAcademicYear)(bare) ??
      yearWrittenOtherwise(bare, otherKind);
    return asOther !== undefined
      ? `write it ${write(start)}: ${why} (${bare} is how ${other} is written)`
      : `write it ${write(start)}`;
  }
  // Any date a spreadsheet writes, and its serial number (46266), hinted alike: only dd/mm/yyyy
  // was, 2026-09-01 and 1-Sep-26 were refused with nothing said (found by a user trial).
  const parts = datePartsOf(bare);
  const date = parts && isValidDate(parts.iso) ? parts.iso : undefined;
  const serial = serialDate(bare);
  const iso = date ?? serial;
  if (iso === undefined) return undefined;
  const [year, month] = iso.split('-').map(Number) as [number, number];
  const start: AcademicYear | FinancialYear = month >= START_MONTH[kind] ? year : year - 1;
  return serial !== undefined
    ? `${bare} is how a spreadsheet stores the date ${dateInWords(iso)}, which is in ${write(start)}: write the year`
    : `a date: ${dateInWords(iso)} is in ${write(start)}`;
}
