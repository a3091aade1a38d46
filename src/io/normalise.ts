import type { Decimal } from 'decimal.js';
import type { IssueCode } from '../core/codes.js';
import { parseDecimal } from '../core/decimal.js';
import { warning, type Issue, type Location } from '../core/issue.js';
import { spreadsheetErrorValue, whyNotDecimal } from './why-not-decimal.js';
import { CHARACTERS_80_TO_9F } from './windows-1252.js';

/**
 * What a spreadsheet does to numbers, codes and text, undone where the meaning is unambiguous and
 * said out loud: each kind of change is one warning per file and column, at its first cell, with
 * how many cells it changed ("removed £ or thousands separators in 12 cells").
 */

/** What a number column holds: only an amount may carry £, only a rate or share a %. */
export type NumberKind = 'amount' | 'count' | 'rate';

/**
 * £ and thousands separators (groups of three), an optional sign before or after the £; the
 * whole part or the fraction's digits may be left out, as a plain decimal's may (£.50, £1,234.).
 * The separator is a UK comma, or throughout one figure one of the spaces a number format puts
 * between groups (no-break U+00A0, narrow no-break U+202F, thin U+2009: a European or SI format,
 * or a figure pasted from a PDF): a typed space is not one of them, as "1 234" may be two figures.
 */
const SPREADSHEET_AMOUNT =
  /^(-?)\s*(£?)(-?)\s*(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\u00a0\d{3})+|\d{1,3}(?:\u202f\d{3})+|\d{1,3}(?:\u2009\d{3})+|\d+)?(\.\d*)?$/;
/** A figure grouped by one of the spaces SPREADSHEET_AMOUNT reads, with a comma as its decimal point. */
const SPACED_COMMA_DECIMAL = /^-?£?-?\d{1,3}([\u00a0\u202f\u2009 ])\d{3}(?:\1\d{3})*,\d+$/;
/**
 * Zero as a spreadsheet's accounting format writes it, " £ -   ": read only with the £, which
 * says the cell is a formatted figure (a bare "-" may mean "not known", and is refused).
 */
const ACCOUNTING_ZERO = /^£\s*-\s*$/;
/** An accounting negative, as a spreadsheet's accounting format writes one: (4,250,000.00), £(12.50), £ (12.50), (£12.50). */
const BRACKETED = /^(£?)\s*\(\s*(£?)\s*([^()£-]+?)\s*\)$/;
/** A percentage on a rate: 5%, 12.5%, and a negative one where the rate may be (a growth of -2%). */
const PERCENT = /^(-?)(\d+(?:\.\d+)?)\s*%$/;

export interface SpreadsheetNumber {
  readonly value: Decimal;
  /** The value as plain decimal text ("4200000.50", "0.05"). */
  readonly plain: string;
  /** What was changed, as a log entry's words. */
  readonly change: 'separators' | 'percent' | 'brackets' | 'dash';
}

/**
 * A number as a spreadsheet writes it, read when unambiguous for its kind: £ only on an amount,
 * thousands separators on an amount or count, % only on a rate. Undefined for anything else
 * (plain decimals are the caller's: parseDecimal).
 */
export function spreadsheetNumber(text: string, kind: NumberKind): SpreadsheetNumber | undefined {
  const bracketed = kind === 'amount' ? BRACKETED.exec(text) : null;
  if (bracketed) {
    const [, outer = '', inner = '', figure = ''] = bracketed;
    if (outer && inner) return undefined;
    const written = parseDecimal(figure) ? figure : spreadsheetNumber(figure, 'amount')?.plain;
    const magnitude = written === undefined ? undefined : parseDecimal(written);
    if (!magnitude || magnitude.isNegative()) return undefined;
    // (0.00) is what the accounting format shows for a negative under half a penny: zero.
    const value = magnitude.isZero() ? magnitude : magnitude.negated();
    // Written to the places the cell gave, as the other readings are: "(£8,500,000.00)" as
    // -8500000.00, not -8500000 beside "£45,000,000.00" as 45000000.00 (an officer's trial).
    return { value, plain: magnitude.isZero() ? written! : `-${written!}`, change: 'brackets' };
  }
  if (kind === 'amount' && ACCOUNTING_ZERO.test(text)) {
    const value = parseDecimal('0')!;
    return { value, plain: '0', change: 'dash' };
  }
  const amount = SPREADSHEET_AMOUNT.exec(text);
  if (amount) {
    const [, before = '', pound = '', after = '', whole = '', fraction = ''] = amount;
    if ((before && after) || !/\d/.test(whole + fraction)) return undefined;
    const grouped = /\D/.test(whole);
    if (pound ? kind !== 'amount' : kind === 'rate' || !grouped) return undefined;
    // Written out as a plain decimal is (0.50, 1234), whichever part the cell left out.
    const plain = `${before}${after}${whole.replace(/\D/g, '') || '0'}${fraction === '.' ? '' : fraction}`;
    const value = parseDecimal(plain);
    return value ? { value, plain, change: 'separators' } : undefined;
  }
  const percent = kind === 'rate' ? PERCENT.exec(text) : null;
  if (!percent) return undefined;
  const value = parseDecimal(`${percent[1]}${percent[2]}`)!.dividedBy(100);
  return { value, plain: value.toFixed(), change: 'percent' };
}

/** Why a cell is not a number of its kind, in a spreadsheet user's words. */
export function whyNotNumber(text: string, kind: NumberKind): string {
  const failed = spreadsheetErrorValue(text);
  if (failed !== undefined) return failed;
  // 1.2E+06 in a CSV is what a General-format cell too narrow for its figure shows (1234567 as
  // 1.2E+06): the digits are gone, so say how to get them back, not only to write them out.
  if (/^[-+]?\d*\.?\d+[eE][-+]?\d+$/.test(text))
    return 'exponent notation is not accepted: a spreadsheet saves a figure so when its column is too narrow, and drops digits; widen the column or format it as a number, and save again';
  // Said first: "Â£60,000.00" is a good amount whose file went through the wrong character set,
  // and any other reason (the "Â", the grouping) would send the user to fix the wrong thing.
  const mangled = mangledIn(text);
  if (mangled !== undefined)
    return `${garbled(mangled)} was garbled to "${mangled}" by a change of the file's character set, so it is not a number as it stands; re-save the file as UTF-8`;
  if (/^£?\s*\(.*\)$/.test(text))
    return kind === 'amount'
      ? 'an amount in brackets is read as negative only when what is inside is an amount, as in (4,250,000.00)'
      : `brackets for a negative are accepted only on an amount, not on ${kind === 'rate' ? 'a rate' : 'a count'}`;
  if (/%\s*$/.test(text) && kind !== 'rate')
    return `a percent sign is accepted only on a rate or share, not on ${kind === 'amount' ? 'an amount' : 'a count'}`;
  // A rate does take a percentage (PERCENT): say how one is written, not that % is refused.
  if (/%\s*$/.test(text))
    return 'a percentage is read as digits and then %, with a minus sign first for a negative, as in 5% or -2.5%';
  if (/£/.test(text) && kind !== 'amount')
    return `a £ sign is accepted only on an amount, not on ${kind === 'rate' ? 'a rate' : 'a count'}`;
  if (/^-?£?-?\d{1,3}(\.\d{3})+,\d+$/.test(text) || SPACED_COMMA_DECIMAL.test(text))
    return 'a comma as the decimal point is not accepted; write 1200.50';
  // "£5m", "2.5bn", "40k": a spreadsheet's or a paper's shorthand, not a figure.
  if (kind === 'amount' && /^-?£?-?\d[\d,.]*\s*(k|m|mn|bn)$/i.test(text))
    return 'a shorthand like 5m or 40k is not accepted; write the amount in full, as 5000000 or £5,000,000';
  const words =
    /\d/.test(text) && !/^[-+]?[\d,]*\.?\d+[eE][-+]?\d+$/.test(text) ? /[a-z]+/i.exec(text) : null;
  if (words)
    return `it holds text ("${words[0]}") beside the figure, so it is not a number; give the figure alone`;
  if (/\d\.\d*\./.test(text)) return 'it has more than one decimal point, so it is not a number';
  if (/\d,\d/.test(text) && kind === 'rate')
    return 'thousands separators are not accepted in a rate';
  // Only a figure of digits and commas is one whose grouping is the problem.
  if (/^-?£?-?[\d,]+(\.\d+)?$/.test(text) && /\d,\d/.test(text))
    return 'thousands separators must group three digits, as in 1,200';
  // An amount may carry £ and a count separators: say what else is wrong, not that they are refused.
  if (kind !== 'rate') return whyNotFigure(text, kind);
  return whyNotDecimal(text);
}

/** Why an amount or count that is not a number (its £ and separators being no fault of it) is not. */
function whyNotFigure(text: string, kind: 'amount' | 'count'): string {
  const example = kind === 'amount' ? '£1,234.50' : '1,234';
  if ((text.match(/£/g) ?? []).length > 1) return 'it has more than one £ sign';
  if (/\d.*£/.test(text)) return `a £ sign goes before the figure, as in ${example}`;
  if (/^\+/.test(text)) return 'a leading + is not accepted; a figure without a sign is positive';
  // 1234.50- is how some finance systems export a negative: refused, but said what it is.
  if (/^£?[\d,]*\.?\d+-$/.test(text))
    return `a minus sign after the figure, as some finance systems export a negative, is not read; write it first, as -${text.slice(0, -1)}`;
  if (/\d\s+[\d.]/.test(text))
    return `spaces inside a number are not accepted; group thousands with commas, as in ${example}`;
  const figure = text.replace('£', '').trim();
  if (figure === '')
    return 'a £ sign alone is not an amount; leave an optional cell empty, or give 0';
  return whyNotDecimal(figure);
}

/** The INVALID_NUMBER hint for a kind of column (and for a garbled cell, how to re-save its file). */
export function numberHint(kind: NumberKind, text = ''): string {
  if (mangledIn(text) !== undefined) return MANGLED_HINT;
  // Not "write digits": the figure is the formula's to give (found by a user trial).
  if (spreadsheetErrorValue(text) !== undefined) return FORMULA_HINT;
  if (kind === 'amount')
    return 'write digits with an optional point and sign, e.g. 12000.50, or as a spreadsheet does, £12,000.50 (no exponents)';
  if (kind === 'count')
    return 'write digits with an optional point, e.g. 1200, or with thousands separators, 1,200 (no exponents)';
  return 'write a share such as 0.05, or a percentage such as 5%';
}

/** The words of each kind of change: the noun of the cell and what was done. */
const CHANGES = {
  separators: { code: 'NUMBER_NORMALISED', verb: 'removed £ or thousands separators' },
  brackets: { code: 'NUMBER_NORMALISED', verb: 'read an amount in brackets as negative' },
  dash: { code: 'NUMBER_NORMALISED', verb: 'read an accounting-format dash as zero' },
  percent: { code: 'NUMBER_NORMALISED', verb: 'read a percentage as a share' },
  ncy: { code: 'CODE_NORMALISED', verb: 'read a year name as an NCY' },
  zeroFraction: {
    code: 'NUMBER_NORMALISED',
    verb: 'read a whole number written with decimal places',
  },
  januaryDate: { code: 'CODE_NORMALISED', verb: 'read a date in January as its year' },
  academicYear: {
    code: 'CODE_NORMALISED',
    verb: 'read an academic year as the year of its January',
  },
  yearSpan: {
    code: 'CODE_NORMALISED',
    verb: 'read a year written with a hyphen (an academic or a financial year: either holds one January) as the year of its January',
  },
  ukDate: { code: 'DATE_NORMALISED', verb: 'read a UK date (dd/mm/yyyy, day first)' },
  otherDate: {
    code: 'DATE_NORMALISED',
    verb: "read a date written with its month's name, year first or with a midnight time",
  },
  yearForm: {
    code: 'CODE_NORMALISED',
    verb: 'read a year written in full, with a label or with a dash',
  },
  need: { code: 'CODE_NORMALISED', verb: 'read a SEN2 long name as its code' },
  setting: {
    code: 'CODE_NORMALISED',
    verb: 'matched a setting id ignoring case, spaces and underscores',
  },
  areaCode: {
    code: 'CODE_NORMALISED',
    verb: 'matched an area code written another way',
  },
  fraction: { code: 'COUNT_NOT_WHOLE', verb: '' },
  mangled: { code: 'TEXT_MANGLED', verb: '' },
} as const satisfies Record<string, { code: IssueCode; verb: string }>;

export type Change = keyof typeof CHANGES;

/** Every kind of change, as an `Issue`'s `cells.kind` names it (README, "Library"). */
export const CHANGE_KINDS = Object.keys(CHANGES) as readonly Change[];

interface Entry {
  readonly change: Change;
  readonly column: string;
  readonly first: Location;
  /** The first cell's text and what it was read as. */
  readonly from: string;
  readonly to: string;
  count: number;
}

/** A change as a reader recorded it, to be noted again for the rows it stands for (see record). */
export interface Recorded {
  readonly change: Change;
  readonly column: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The changes made while reading one file's rows into an issue list: noted as they happen, and
 * added to the list as warnings by flush() once the file is read (not as they happen, so a
 * reader's "were there new issues on this row?" still means problems with the row).
 */
export class NormalisationLog {
  private readonly entries = new Map<string, Entry>();
  private recording: Recorded[] | undefined;

  note(change: Change, at: Location, column: string, from: string, to: string, times = 1): void {
    this.recording?.push({ change, column, from, to });
    const key = `${at.file}\u0000${column}\u0000${change}`;
    const entry = this.entries.get(key);
    if (entry) entry.count += times;
    else this.entries.set(key, { change, column, first: at, from, to, count: times });
  }

  /** `read()`'s result, and the changes it noted (to note again for the other rows it stands for). */
  record<T>(read: () => T): [T, Recorded[]] {
    const outer = this.recording;
    const recorded: Recorded[] = [];
    this.recording = recorded;
    try {
      return [read(), recorded];
    } finally {
      this.recording = outer;
      outer?.push(...recorded);
    }
  }

  /** One warning per file, column and kind of change, at its first cell; the log is then empty. */
  flush(issues: Issue[]): void {
    for (const entry of this.entries.values()) issues.push(entryIssue(entry));
    this.entries.clear();
  }
}

/**
 * An entry's warning: its words (noteOf) and what it stands for as data (Issue.cells): the rule,
 * by its name in CHANGES (the file and column are the warning's location). A library caller read
 * the column after a NUL byte in `kind` ("percent\u0000rate"; found by a user trial).
 */
function entryIssue(entry: Entry): Issue {
  return { ...noteOf(entry), cells: { kind: entry.change, count: entry.count } };
}

/** An entry's warning in words: the kind of change, the first cell's, and how many cells. */
function noteOf({ change, column, first, from, to, count }: Entry): Issue {
  const cells = `${count} cell${count === 1 ? '' : 's'}`;
  if (change === 'fraction') {
    const more = count === 1 ? '' : ` (${count} counts with a fraction, the first here)`;
    return warning(
      'COUNT_NOT_WHOLE',
      `"${column}" is ${from}, not a whole number of pupils${more}`,
      first,
      'a person is one pupil: check the export (an expected count, such as a forecast, may have a fraction)',
    );
  }
  if (change === 'mangled') {
    return warning(
      'TEXT_MANGLED',
      `"${column}" holds "${from}", which is ${to} garbled by a wrong character set (${cells}, the first here)`,
      first,
      MANGLED_HINT,
    );
  }
  const { code, verb } = CHANGES[change];
  return warning(
    code,
    `"${column}": ${verb} in ${cells} ("${from}" as ${to}, the first here)`,
    first,
  );
}

const LOGS = new WeakMap<Issue[], NormalisationLog>();

/**
 * The log of changes for the file whose issues go to `issues`: cell parsers are handed the
 * issue list, so the log travels with it, and the reader of the file flushes it when done.
 */
export function normalisations(issues: Issue[]): NormalisationLog {
  let log = LOGS.get(issues);
  if (!log) {
    log = new NormalisationLog();
    LOGS.set(issues, log);
  }
  return log;
}

/** Adds the file's changes to `issues` as warnings: each reader of a model CSV calls this when done. */
export function flushNormalisations(issues: Issue[]): void {
  LOGS.get(issues)?.flush(issues);
}

/** The hint for a cell holding a spreadsheet's error value, a formula that failed. */
const FORMULA_HINT =
  'once the formula gives a figure, save the sheet again as CSV; a figure that should not change with the workbook can be kept as a value (Copy, then Paste Special, Values)';

// Text a spreadsheet mangled: UTF-8 read as Windows-1252 and saved again as UTF-8.

export const MANGLED_HINT =
  're-save the file as UTF-8: take it again from its source, open it in the spreadsheet with the character set "Unicode (UTF-8)" and save as "CSV UTF-8"';

const CP1252_CHARS = `[\\u00a0-\\u00bf${CHARACTERS_80_TO_9F}]`;
/**
 * A two- or three-byte UTF-8 character read as Windows-1252: "Â£" (£), "Ã©" (é), "â€™" (’), "â€“"
 * (–), and the byte-order mark "ï»¿": lead characters that English text does not put before such
 * symbols (Â, Ã, â) followed by what UTF-8's continuation bytes read as.
 */
const MANGLED = new RegExp(`ï»¿|[ÂÃ]${CP1252_CHARS}|â${CP1252_CHARS}{2}|â€`, 'u');
const MANGLED_ALL = new RegExp(MANGLED.source, 'gu');

/** The first mangled sequence in a text, if any. */
export function mangledIn(text: string): string | undefined {
  return MANGLED.exec(text)?.[0];
}

/** What a garbled sequence was, for a message: "£" in quotes, or the byte-order mark. */
export function garbled(sequence: string): string {
  const meant = unmangle(sequence);
  return meant === '' ? 'the byte-order mark' : meant === sequence ? 'a character' : `"${meant}"`;
}

/** The text with each mangled sequence turned back into the character it was (the BOM dropped). */
export function unmangle(text: string): string {
  return text.replace(MANGLED_ALL, (sequence) => {
    const bytes = [...sequence].map((char) => {
      const high = CHARACTERS_80_TO_9F.indexOf(char);
      return high >= 0 ? 0x80 + high : char.charCodeAt(0);
    });
    const decoded = Buffer.from(bytes).toString('utf8');
    return decoded === '\ufeff' ? '' : decoded.includes('\ufffd') ? sequence : decoded;
  });
}
