import type { Decimal } from 'decimal.js';
import { Dec, parseDecimal } from '../core/decimal.js';
import { growthIssue } from '../core/growth.js';
import { error, type Issue, type Location } from '../core/issue.js';
import { NCY_MAX, NCY_MIN, type Need, needFromLongName, parseNeed } from '../core/need.js';
import {
  type AcademicYear,
  type FinancialYear,
  formatAcademicYear,
  formatFinancialYear,
  parseAcademicYear,
  parseFinancialYear,
} from '../core/period.js';
import type { CsvRow } from './csv-table.js';
import {
  normalisations,
  type NumberKind,
  numberHint,
  spreadsheetNumber,
  whyNotNumber,
} from './normalise.js';
import { unknownNeedHint } from './unknown-need-hint.js';
import { spreadsheetErrorValue, whyNotDecimal } from './why-not-decimal.js';
import { yearHint, yearWrittenOtherwise } from '../core/year-hint.js';

/** Cell parsers: each returns the value or undefined, pushing a located issue when the cell is wrong. */

export function requiredText(row: CsvRow, column: string, issues: Issue[]): string | undefined {
  const text = row.get(column);
  if (text === '')
    issues.push(error('MISSING_VALUE', `"${row.label(column)}" is empty`, row.at(column)));
  return text === '' ? undefined : text;
}

/** Each NCY's text as written ("-3" … "20"), to its number: the check below, without a regular expression per row. */
const NCY_TEXTS = new Map<string, number>(
  Array.from({ length: NCY_MAX - NCY_MIN + 1 }, (_, i) => [String(NCY_MIN + i), NCY_MIN + i]),
);

export function ncyCell(row: CsvRow, column: string, issues: Issue[]): number | undefined {
  const text = requiredText(row, column, issues);
  if (text === undefined) return undefined;
  const known = NCY_TEXTS.get(text);
  if (known !== undefined) return known;
  const named = ncyFromName(text);
  if (named !== undefined) {
    normalisations(issues).note('ncy', row.at(column), row.label(column), text, String(named));
    return named;
  }
  // 7.0, as a column formatted with decimal places saves a whole number: it was told it "is not a
  // whole number" (found by a user trial).
  const whole = /^(-?\d+)\.0+$/.exec(text)?.[1];
  const wholeNcy = whole === undefined ? undefined : NCY_TEXTS.get(String(Number(whole)));
  if (wholeNcy !== undefined) {
    normalisations(issues).note(
      'zeroFraction',
      row.at(column),
      row.label(column),
      text,
      String(wholeNcy),
    );
    return wholeNcy;
  }
  if (
    !/^-?\d+$/.test(text) ||
    Number.parseInt(text, 10) < NCY_MIN ||
    Number.parseInt(text, 10) > NCY_MAX
  ) {
    issues.push(
      error(
        'NCY_OUT_OF_RANGE',
        `NCY "${text}" is not a whole number from ${NCY_MIN} to ${NCY_MAX}`,
        row.at(column),
        spreadsheetErrorValue(text, 'a code') ??
          'NCY = age at 31 August − 4: Reception is 0, Year 14 is 14, post-19 runs to 20',
      ),
    );
    return undefined;
  }
  return Number.parseInt(text, 10);
}

/** NCY as case systems write the year: R, YR, Rec, Reception or Reception Year → 0, Year 9, Yr 9 or Y9 → 9, N1 → -2, N2 → -1 (any case). */
function ncyFromName(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (/^(?:r|yr|rec|reception(?:\s*year)?|(?:year|yr)\s*r)$/.test(lower)) return 0;
  const nursery = /^(?:n|nursery\s*)([12])$/.exec(lower);
  if (nursery) return nursery[1] === '1' ? -2 : -1;
  const year = /^(?:year|yr|y)\s*(\d{1,2})$/.exec(lower);
  if (!year) return undefined;
  const ncy = Number.parseInt(year[1]!, 10);
  return ncy >= 1 && ncy <= NCY_MAX ? ncy : undefined;
}

export function needCell(
  row: CsvRow,
  column: string,
  issues: Issue[],
  optional = false,
): Need | undefined {
  const text = row.get(column);
  if (text === '') {
    if (!optional)
      issues.push(error('MISSING_VALUE', `"${row.label(column)}" is empty`, row.at(column)));
    return undefined;
  }
  const need = parseNeed(text) ?? longName(row, column, text, issues);
  if (!need)
    issues.push(
      error(
        'UNKNOWN_NEED',
        `need "${text}" is not a SEN2 primary-need code`,
        row.at(column),
        spreadsheetErrorValue(text, 'a code') ?? unknownNeedHint(text),
      ),
    );
  return need;
}

/** A SEN2 long name read as its code, and noted. */
function longName(row: CsvRow, column: string, text: string, issues: Issue[]): Need | undefined {
  const need = needFromLongName(text);
  if (need) normalisations(issues).note('need', row.at(column), row.label(column), text, need);
  return need;
}

interface DecimalRules {
  /**
   * What the column holds, for reading it as a spreadsheet writes it (src/io/normalise.ts): £ and
   * thousands separators on an amount, separators on a count, % on a rate. Without it, plain decimals only.
   */
  readonly kind?: NumberKind;
  readonly allowNegative?: boolean;
  readonly atMostOne?: boolean;
  /** A yearly growth or uplift, negative or not, above -1 and at most 1 (src/core/growth.ts). */
  readonly growth?: boolean;
  readonly optional?: boolean;
  /** Where a negative figure belongs instead, when the column refuses one (NEGATIVE_VALUE's hint). */
  readonly negativeHint?: string;
  /**
   * A count not held to COUNT_TOO_LARGE's 10,000,000: a rate's pseudo-counts, `exposure` being
   * population summed over a history's Januaries, which calibrate writes past 10,000,000 for a
   * large area (found by a review: project and simulate refused the folder calibrate wrote).
   */
  readonly uncapped?: boolean;
}

/**
 * No cell of pupils, places or children in one area comes near this: a larger count is a typing
 * slip, and one of hundreds of digits is not a number the projection can hold (it stopped with an
 * internal error, found by a review).
 */
const MAX_COUNT = new Dec(10_000_000);

/** A cell's text for a message: a long run of digits shown by its ends and its length. */
const shortened = (text: string): string =>
  text.length <= 24 ? text : `${text.slice(0, 10)}…${text.slice(-4)} (${text.length} characters)`;

/**
 * COUNT_TOO_LARGE for a count over 10,000,000 either way (a net import or a places lever may be
 * negative), in a CSV cell or a JSON field: `what` names it as its file's other messages do,
 * and `within` says where the count is ("in one cell").
 */
export function countTooLarge(
  what: string,
  text: string,
  value: Decimal,
  at: Location | undefined,
  within = 'in one cell',
): Issue | undefined {
  if (!value.abs().greaterThan(MAX_COUNT)) return undefined;
  // A net count (imported pupils) may be negative: it is as far out below -10,000,000.
  const beyond = value.isNegative() ? 'below -10,000,000' : 'over 10,000,000';
  return error(
    'COUNT_TOO_LARGE',
    `${what} is ${shortened(text)}: ${beyond} ${within} is no count of pupils, places or children in one area`,
    at,
    within === 'in one cell'
      ? 'a figure pasted with extra digits, or an amount in a count column?'
      : 'a figure written with extra digits?',
  );
}

/** A plain decimal; by default non-negative. */
export function decimalCell(
  row: CsvRow,
  column: string,
  issues: Issue[],
  rules: DecimalRules = {},
): Decimal | undefined {
  const text = row.get(column);
  if (text === '') {
    if (!rules.optional)
      issues.push(error('MISSING_VALUE', `"${row.label(column)}" is empty`, row.at(column)));
    return undefined;
  }
  const value =
    parseDecimal(text) ??
    (rules.kind ? spreadsheetCell(row, column, text, rules.kind, issues) : undefined);
  if (!value) {
    const why = rules.kind ? whyNotNumber(text, rules.kind) : whyNotDecimal(text);
    issues.push(
      error(
        'INVALID_NUMBER',
        `"${row.label(column)}" is "${text}": ${why}`,
        row.at(column),
        rules.kind || spreadsheetErrorValue(text) !== undefined
          ? numberHint(rules.kind ?? 'amount', text)
          : // Only a column without a kind (an nff factors file's aca): a model CSV's amounts take £ and commas.
            'this column takes plain decimals: digits with an optional point and sign, e.g. 12000.50',
      ),
    );
    return undefined;
  }
  if (!rules.allowNegative && !rules.growth && value.isNegative() && !value.isZero()) {
    issues.push(
      error(
        'NEGATIVE_VALUE',
        `"${row.label(column)}" is ${text}, which must not be negative`,
        row.at(column),
        rules.negativeHint,
      ),
    );
    return undefined;
  }
  const tooLarge =
    rules.kind === 'count' && !rules.uncapped
      ? countTooLarge(`"${row.label(column)}"`, text, value, row.at(column))
      : undefined;
  if (tooLarge) {
    issues.push(tooLarge);
    return undefined;
  }
  if (rules.atMostOne && value.greaterThan(1)) {
    issues.push(
      error(
        'RATE_ABOVE_ONE',
        `"${row.label(column)}" is ${text}; a rate is a share from 0 to 1`,
        row.at(column),
        'write 5% as 0.05 or 5%',
      ),
    );
    return undefined;
  }
  const outOfRange = rules.growth
    ? growthIssue(
        `"${row.label(column)}"`,
        text,
        value,
        row.at(column),
        rules.kind === 'rate' ? 'rate' : 'plain',
      )
    : undefined;
  if (outOfRange) issues.push(outOfRange);
  return outOfRange ? undefined : value;
}

/** A number as a spreadsheet writes it, noted. */
function spreadsheetCell(
  row: CsvRow,
  column: string,
  text: string,
  kind: NumberKind,
  issues: Issue[],
): Decimal | undefined {
  const read = spreadsheetNumber(text, kind);
  if (read)
    normalisations(issues).note(read.change, row.at(column), row.label(column), text, read.plain);
  return read?.value;
}

export function academicYearCell(
  row: CsvRow,
  column: string,
  issues: Issue[],
  optional = false,
): AcademicYear | undefined {
  const text = row.get(column);
  if (text === '') {
    if (!optional)
      issues.push(error('MISSING_VALUE', `"${row.label(column)}" is empty`, row.at(column)));
    return undefined;
  }
  const year = parseAcademicYear(text) ?? otherwise(row, column, text, 'academic', issues);
  // A calendar year alone ("2024", as a population by year gives it) says which January only
  // once it is an academic year: the hint says which (found by a user trial).
  const calendar = /^\d{4}$/.test(text) ? Number(text) : undefined;
  if (year === undefined)
    issues.push(
      error(
        'INVALID_YEAR',
        `academic year "${text}" is not written like 2025/26`,
        row.at(column),
        calendar === undefined
          ? (spreadsheetErrorValue(text, 'a year') ?? yearHint(text, 'academic'))
          : `January ${calendar} is in ${formatAcademicYear(calendar - 1)}, September ${calendar} starts ${formatAcademicYear(calendar)}`,
      ),
    );
  return year;
}

export function financialYearCell(
  row: CsvRow,
  column: string,
  issues: Issue[],
): FinancialYear | undefined {
  const text = requiredText(row, column, issues);
  if (text === undefined) return undefined;
  const year = parseFinancialYear(text) ?? otherwise(row, column, text, 'financial', issues);
  if (year === undefined)
    issues.push(
      error(
        'INVALID_YEAR',
        `financial year "${text}" is not written like 2026-27`,
        row.at(column),
        spreadsheetErrorValue(text, 'a year') ?? yearHint(text, 'financial'),
      ),
    );
  return year;
}

/** A year of the column's kind written another way (yearWrittenOtherwise), read and noted. */
function otherwise(
  row: CsvRow,
  column: string,
  text: string,
  kind: 'academic' | 'financial',
  issues: Issue[],
): number | undefined {
  const year = yearWrittenOtherwise(text, kind);
  if (year !== undefined)
    normalisations(issues).note(
      'yearForm',
      row.at(column),
      row.label(column),
      text,
      (kind === 'academic' ? formatAcademicYear : formatFinancialYear)(year),
    );
  return year;
}
