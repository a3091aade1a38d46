import {
  type AcademicYear,
  type FinancialYear,
  formatAcademicYear,
  formatFinancialYear,
  monthName,
  parseAcademicYear,
  parseFinancialYear,
} from './period.js';

type Kind = 'academic' | 'financial';

const FORMAT: Record<Kind, (year: number) => string> = {
  academic: formatAcademicYear,
  financial: formatFinancialYear,
};

/** The year a date falls in: an academic year starts on 1 September, a financial year on 1 April. */
const START_MONTH: Record<Kind, number> = { academic: 9, financial: 4 };

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
    const asOther = (kind === 'academic' ? parseFinancialYear : parseAcademicYear)(bare);
    return asOther !== undefined
      ? `write it ${write(start)}: ${why} (${bare} is how ${other} is written)`
      : `write it ${write(start)}`;
  }
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(bare);
  if (date) {
    const [day, month, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    const start: AcademicYear | FinancialYear = month >= START_MONTH[kind] ? year : year - 1;
    return `a date: ${day} ${monthName(month)} ${year} is in ${write(start)}`;
  }
  return undefined;
}
