import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { needFromLongName } from '../../src/core/need.js';
import { academicYearCell, decimalCell, ncyCell, needCell } from '../../src/io/cell-parsers.js';
import { flagCell } from '../../src/io/flag-cell.js';
import { CsvRow, readCsvTable } from '../../src/io/csv-table.js';
import {
  flushNormalisations,
  garbled,
  mangledIn,
  spreadsheetNumber,
  unmangle,
} from '../../src/io/normalise.js';
import { COHORT_COLUMNS, readCohort } from '../../src/io/read-cohort.js';
import {
  CEASING_COLUMNS,
  NEW_PLANS_COLUMNS,
  readCeasing,
  readNewPlans,
  readTransitions,
  TRANSITIONS_COLUMNS,
} from '../../src/io/read-flows.js';
import {
  FUNDING_COLUMNS,
  PLACES_COLUMNS,
  readFunding,
  readPlaces,
} from '../../src/io/read-ledger.js';
import { POPULATION_COLUMNS, readPopulation } from '../../src/io/read-population.js';
import { CAPACITY_COLUMNS, readCapacity } from '../../src/io/read-capacity.js';
import { settingKey } from '../../src/core/setting-key.js';
import { editDistance } from '../../src/core/edit-distance.js';
import { importTariff } from '../../src/io/tariff-import.js';
import { check, csv, described } from '../helpers/io-tables.js';

/** One cell of a column, read by `read` with the issues flushed as a reader would. */
function one<T>(
  column: string,
  text: string,
  read: (row: CsvRow, issues: Issue[]) => T,
): { value: T; issues: string[] } {
  const issues: Issue[] = [];
  const value = read(new CsvRow('x.csv', 2, [text], new Map([[column, 0]])), issues);
  flushNormalisations(issues);
  return { value, issues: described(issues) };
}

const amount = (text: string) =>
  one('amount', text, (row, issues) =>
    decimalCell(row, 'amount', issues, { kind: 'amount', allowNegative: true })?.toFixed(),
  );
const count = (text: string) =>
  one('count', text, (row, issues) =>
    decimalCell(row, 'count', issues, { kind: 'count' })?.toFixed(),
  );
const rate = (text: string) =>
  one('rate', text, (row, issues) =>
    decimalCell(row, 'rate', issues, { kind: 'rate', atMostOne: true })?.toFixed(),
  );

describe('numbers as a spreadsheet writes them', () => {
  it('reads £ and UK thousands separators on an amount, and says so', () => {
    expect(amount('£4,200,000')).toEqual({
      value: '4200000',
      issues: [
        'warning NUMBER_NORMALISED x.csv:2:1: "amount": removed £ or thousands separators in 1 cell ("£4,200,000" as 4200000, the first here)',
      ],
    });
    expect(amount('£4,200,000.50').value).toBe('4200000.5');
    expect(amount('£1200').value).toBe('1200');
    expect(amount('1,200').value).toBe('1200');
    expect(amount('-£1,000.00').value).toBe('-1000');
    expect(amount('£-1,000.00').value).toBe('-1000');
  });

  it("reads an amount in brackets, as a spreadsheet's accounting format writes a negative, and says so", () => {
    expect(amount('(4,250,000.00)')).toEqual({
      value: '-4250000',
      issues: [
        'warning NUMBER_NORMALISED x.csv:2:1: "amount": read an amount in brackets as negative in 1 cell ("(4,250,000.00)" as -4250000.00, the first here)',
      ],
    });
    expect(amount('£(12.50)').value).toBe('-12.5');
    expect(amount('(£1,200)').value).toBe('-1200');
    expect(amount('( 7 )').value).toBe('-7');
    // With the accounting format's space after the £, or between the sign and the £ (found by a
    // user trial: "£ (1,234.00)" was told "thousands separators are not accepted").
    expect(amount('£ (1,234.00)').value).toBe('-1234');
    expect(amount('- £1,234.00').value).toBe('-1234');
    // Not on a count or a rate, and not what is not an amount inside.
    expect(count('(3)').issues).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "count" is "(3)": brackets for a negative are accepted only on an amount, not on a count',
    ]);
    // (0.00): what the accounting format shows for a negative under half a penny.
    expect(amount('(0.00)').value).toBe('0');
    for (const text of ['(-5)', '£(£5)', '(1,20)', '()', '(5m)'])
      expect(spreadsheetNumber(text, 'amount'), text).toBeUndefined();
    expect(amount('(1,20)').issues).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "amount" is "(1,20)": an amount in brackets is read as negative only when what is inside is an amount, as in (4,250,000.00)',
    ]);
  });

  it('reads thousands separators on a count', () => {
    expect(count('1,200')).toEqual({
      value: '1200',
      issues: [
        'warning NUMBER_NORMALISED x.csv:2:1: "count": removed £ or thousands separators in 1 cell ("1,200" as 1200, the first here)',
      ],
    });
  });

  it('reads a percentage on a rate as a share', () => {
    expect(rate('5%')).toEqual({
      value: '0.05',
      issues: [
        'warning NUMBER_NORMALISED x.csv:2:1: "rate": read a percentage as a share in 1 cell ("5%" as 0.05, the first here)',
      ],
    });
    expect(rate('12.5%').value).toBe('0.125');
    // A rate that may be negative (a growth) may be a negative percentage; one that may not says so.
    const growth = one('growth', '-2%', (row, issues) =>
      decimalCell(row, 'growth', issues, { kind: 'rate', allowNegative: true })?.toFixed(),
    );
    expect(growth.value).toBe('-0.02');
    expect(rate('-2%').issues).toEqual([
      'error NEGATIVE_VALUE x.csv:2:1: "rate" is -2%, which must not be negative',
      'warning NUMBER_NORMALISED x.csv:2:1: "rate": read a percentage as a share in 1 cell ("-2%" as -0.02, the first here)',
    ]);
    // A percentage the reader does not take is refused with how one is written, not as if % were.
    for (const text of ['--2%', '(5)%', '- 2%', '+2%', '5%%'])
      expect(rate(text).issues).toEqual([
        `error INVALID_NUMBER x.csv:2:1: "rate" is "${text}": a percentage is read as digits and then %, with a minus sign first for a negative, as in 5% or -2.5%`,
      ]);
    expect(rate('150%').issues).toEqual([
      'error RATE_ABOVE_ONE x.csv:2:1: "rate" is 150%; a rate is a share from 0 to 1',
      'warning NUMBER_NORMALISED x.csv:2:1: "rate": read a percentage as a share in 1 cell ("150%" as 1.5, the first here)',
    ]);
  });

  it('reads the spaces a number format groups thousands with, one kind throughout, and says so', () => {
    // No-break (U+00A0), narrow no-break (U+202F) and thin (U+2009) spaces: what a European or SI
    // number format writes, or a figure pasted from a PDF. Refused before, while 1,234 was read.
    expect(amount('£1\u00a0234.50')).toEqual({
      value: '1234.5',
      issues: [
        'warning NUMBER_NORMALISED x.csv:2:1: "amount": removed £ or thousands separators in 1 cell ("£1\u00a0234.50" as 1234.50, the first here)',
      ],
    });
    expect(amount('-1\u202f234\u202f567').value).toBe('-1234567');
    expect(count('12\u2009000').value).toBe('12000');
    // A typed space may join two figures; separators that change, or do not group three, are no figure.
    for (const text of ['1 234', '1\u00a0234\u202f567', '12\u00a034', '1\u00a0234,50'])
      expect(spreadsheetNumber(text, 'amount'), text).toBeUndefined();
    expect(amount('1\u00a0234,50').issues).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "amount" is "1\u00a0234,50": a comma as the decimal point is not accepted; write 1200.50',
    ]);
    expect(rate('1\u00a0234').value).toBeUndefined();
  });

  it('says why an exponent or a minus sign after the figure is not read', () => {
    // 1.2E+06 is what a narrow General-format column shows of 1234567: the digits are lost.
    expect(count('1.2E+03').issues[0]).toContain(
      'exponent notation is not accepted: a spreadsheet saves a figure so when its column is too narrow, and drops digits',
    );
    expect(amount('£1,234.50-').issues).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "amount" is "£1,234.50-": a minus sign after the figure, as some finance systems export a negative, is not read; write it first, as -£1,234.50',
    ]);
  });

  it("says a spreadsheet's error value is a formula that failed, in every kind of column", () => {
    expect(amount('#DIV/0!').issues).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "amount" is "#DIV/0!": "#DIV/0!" is a spreadsheet\'s error value, not a figure: its formula divided by zero (or by an empty cell); correct the formula in the workbook (or give the figure) and save the CSV again',
    ]);
    for (const text of ['#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#n/a'])
      for (const read of [amount, count, rate])
        expect(read(text).issues[0], text).toContain(`"${text}" is a spreadsheet's error value`);
    // A failed lookup in a code or year column (a VLOOKUP from local codes) is hinted alike.
    const hint = (read: (row: CsvRow, issues: Issue[]) => unknown) => {
      const issues: Issue[] = [];
      read(new CsvRow('x.csv', 2, ['#N/A'], new Map([['x', 0]])), issues);
      return issues.map((issue) => issue.hint);
    };
    const lookup =
      'a lookup in its formula found nothing; correct the formula in the workbook (or give the value) and save the CSV again';
    expect(hint((row, issues) => ncyCell(row, 'x', issues))).toEqual([
      `"#N/A" is a spreadsheet's error value, not a code: ${lookup}`,
    ]);
    expect(hint((row, issues) => needCell(row, 'x', issues))).toEqual([
      `"#N/A" is a spreadsheet's error value, not a code: ${lookup}`,
    ]);
    expect(hint((row, issues) => academicYearCell(row, 'x', issues))).toEqual([
      `"#N/A" is a spreadsheet's error value, not a year: ${lookup}`,
    ]);
    expect(hint((row, issues) => flagCell(row, 'x', issues))).toEqual([
      `"#N/A" is a spreadsheet's error value, not a yes/no value: ${lookup}`,
    ]);
    const issues: Issue[] = [];
    decimalCell(new CsvRow('x.csv', 2, ['#REF!'], new Map([['x', 0]])), 'x', issues, {
      kind: 'count',
    });
    expect(issues.map((issue) => issue.hint)).toEqual([
      'once the formula gives a figure, save the sheet again as CSV; a figure that should not change with the workbook can be kept as a value (Copy, then Paste Special, Values)',
    ]);
    const plain = one('x', '#N/A', (row, issues) => decimalCell(row, 'x', issues));
    expect(plain.issues[0]).toContain("a spreadsheet's error value, not a figure: a lookup");
  });

  it('says nothing about plain decimals, or spaces around them', () => {
    expect(amount('12000.50')).toEqual({ value: '12000.5', issues: [] });
    expect(count(' 3 ')).toEqual({ value: '3', issues: [] });
  });

  it('refuses what could be read two ways, and % or £ where they do not belong', () => {
    const refused = (read: typeof amount, text: string) => read(text).issues;
    expect(refused(amount, '1.2E+04')).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "amount" is "1.2E+04": exponent notation is not accepted: a spreadsheet saves a figure so when its column is too narrow, and drops digits; widen the column or format it as a number, and save again',
    ]);
    expect(refused(amount, 'N/A')).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "amount" is "N/A": "N/A" is not a number; leave an optional cell empty, or give 0',
    ]);
    expect(refused(amount, '1.200,50')).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "amount" is "1.200,50": a comma as the decimal point is not accepted; write 1200.50',
    ]);
    expect(refused(amount, '1,20')).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "amount" is "1,20": thousands separators must group three digits, as in 1,200',
    ]);
    expect(refused(amount, '5%')).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "amount" is "5%": a percent sign is accepted only on a rate or share, not on an amount',
    ]);
    expect(refused(count, '5%')).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "count" is "5%": a percent sign is accepted only on a rate or share, not on a count',
    ]);
    expect(refused(count, '£5')).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "count" is "£5": a £ sign is accepted only on an amount, not on a count',
    ]);
    expect(refused(rate, '£0.05')).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "rate" is "£0.05": a £ sign is accepted only on an amount, not on a rate',
    ]);
    expect(refused(rate, '1,000')).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "rate" is "1,000": thousands separators are not accepted in a rate',
    ]);
    for (const text of ['£5m', '-2.5bn', '40k'])
      expect(refused(amount, text)).toEqual([
        `error INVALID_NUMBER x.csv:2:1: "amount" is "${text}": a shorthand like 5m or 40k is not accepted; write the amount in full, as 5000000 or £5,000,000`,
      ]);
    for (const text of ['12,34,567', '1,2345', '£1,200,', '-£-5', '£', '1,200.50%'])
      expect(spreadsheetNumber(text, 'amount'), text).toBeUndefined();
  });

  it('takes plain decimals only where a column has no kind (as before)', () => {
    const strict = one('x', '£5', (row, issues) => decimalCell(row, 'x', issues));
    expect(strict.issues).toEqual([
      'error INVALID_NUMBER x.csv:2:1: "x" is "£5": currency symbols are not accepted',
    ]);
  });
});

describe('each model CSV lists its normalisations once per file, column and kind', () => {
  it('cohort.csv: £ on annual_cost and separators on count, counted over every row, a cached text too', () => {
    const issues: Issue[] = [];
    readCohort(
      csv(
        'cohort.csv',
        COHORT_COLUMNS,
        'ncy,need,setting,band,count,annual_cost',
        '3,ASD,special,A,"1,200",',
        '4,ASD,special,,,"£40,000"',
        '4,ASD,special,,,"£40,000"',
        '5,ASD,special,,,"£1,000.50"',
      ),
      undefined,
      check,
      issues,
    );
    expect(described(issues)).toEqual([
      'warning NUMBER_NORMALISED cohort.csv:2:5: "count": removed £ or thousands separators in 1 cell ("1,200" as 1200, the first here)',
      'warning NUMBER_NORMALISED cohort.csv:3:6: "annual_cost": removed £ or thousands separators in 3 cells ("£40,000" as 40000, the first here)',
    ]);
  });

  it('cohort.csv read from tallied rows (a national batch) counts each row a tally stands for', () => {
    const issues: Issue[] = [];
    readCohort(
      csv(
        'cohort.csv',
        COHORT_COLUMNS,
        'ncy,need,setting,band,count',
        'Y3,ASD,special,A,',
        'Y4,ASD,special,A,2.5',
      ),
      undefined,
      check,
      issues,
      [5, 2],
    );
    expect(described(issues)).toEqual([
      'warning CODE_NORMALISED cohort.csv:2:1: "ncy": read a year name as an NCY in 7 cells ("Y3" as 3, the first here)',
      'warning COUNT_NOT_WHOLE cohort.csv:3:5: "count" is 2.5, not a whole number of pupils (2 counts with a fraction, the first here)',
    ]);
  });

  it('new-plans.csv: separators on count, % on rate', () => {
    const issues: Issue[] = [];
    const rows = readNewPlans(
      csv(
        'new-plans.csv',
        NEW_PLANS_COLUMNS,
        'ncy,need,setting,band,count,rate',
        '3,ASD,special,A,"1,000",',
        '4,ASD,special,A,,0.2%',
      ),
      { first: 2026, last: 2030 },
      check,
      issues,
    );
    expect(
      rows.map((r) => (r.count ? `count ${r.count.toFixed()}` : `rate ${r.rate?.toFixed()}`)),
    ).toEqual(['count 1000', 'rate 0.002']);
    expect(described(issues)).toEqual([
      'warning NUMBER_NORMALISED new-plans.csv:2:5: "count": removed £ or thousands separators in 1 cell ("1,000" as 1000, the first here)',
      'warning NUMBER_NORMALISED new-plans.csv:3:6: "rate": read a percentage as a share in 1 cell ("0.2%" as 0.002, the first here)',
    ]);
  });

  it('ceasing.csv: % on rate', () => {
    const issues: Issue[] = [];
    const rows = readCeasing(
      csv('ceasing.csv', CEASING_COLUMNS, 'ncy,rate', '3,5%', '4,12.5%', '5,0.1'),
      check,
      issues,
    );
    expect(rows.map((r) => r.rate.toFixed())).toEqual(['0.05', '0.125', '0.1']);
    expect(described(issues)).toEqual([
      'warning NUMBER_NORMALISED ceasing.csv:2:2: "rate": read a percentage as a share in 2 cells ("5%" as 0.05, the first here)',
    ]);
  });

  it('transitions.csv: % on rate', () => {
    const issues: Issue[] = [];
    const rows = readTransitions(
      csv(
        'transitions.csv',
        TRANSITIONS_COLUMNS,
        'from_ncy,from_setting,to_setting,rate',
        '11,mainstream,special,30%',
      ),
      check,
      issues,
    );
    expect(rows.map((r) => r.rate.toFixed())).toEqual(['0.3']);
    expect(described(issues)).toEqual([
      'warning NUMBER_NORMALISED transitions.csv:2:4: "rate": read a percentage as a share in 1 cell ("30%" as 0.3, the first here)',
    ]);
  });

  it('places.csv, population.csv and capacity.csv: separators on places and population', () => {
    const issues: Issue[] = [];
    readPlaces(
      csv('places.csv', PLACES_COLUMNS, 'academic_year,setting,places', '2026/27,special,"1,100"'),
      // To its last year: a row that stops before it is warned of (PLACES_END_EARLY), not the subject here.
      { first: 2025, last: 2026 },
      check,
      issues,
    );
    readPopulation(
      csv(
        'population.csv',
        POPULATION_COLUMNS,
        'academic_year,ncy,population',
        '2026/27,3,"3,456"',
      ),
      { first: 2025, last: 2030 },
      issues,
    );
    readCapacity(
      csv(
        'capacity.csv',
        CAPACITY_COLUMNS,
        'academic_year,setting,places,overflow_to',
        '2026/27,special,"1,050",independent',
      ),
      { first: 2026, last: 2030 },
      check,
      undefined,
      issues,
    );
    expect(described(issues)).toEqual([
      'warning NUMBER_NORMALISED places.csv:2:3: "places": removed £ or thousands separators in 1 cell ("1,100" as 1100, the first here)',
      'warning NUMBER_NORMALISED population.csv:2:3: "population": removed £ or thousands separators in 1 cell ("3,456" as 3456, the first here)',
      'warning NUMBER_NORMALISED capacity.csv:2:3: "places": removed £ or thousands separators in 1 cell ("1,050" as 1050, the first here)',
    ]);
  });

  it('funding.csv: £ on amount and schools_block, % on share', () => {
    const issues: Issue[] = [];
    const rows = readFunding(
      csv(
        'funding.csv',
        FUNDING_COLUMNS,
        'financial_year,line,amount,share,schools_block',
        '2025-26,opening_balance,"-£1,200,000.00",,',
        '2026-27,hnb_allocation,"£4,200,000",,',
        '2026-27,block_transfer,,0.5%,"£200,000,000"',
      ),
      { first: 2026, last: 2027 },
      issues,
    );
    expect(rows.map((r) => r.amount.toFixed())).toEqual(['-1200000', '4200000', '1000000']);
    expect(described(issues)).toEqual([
      'warning NUMBER_NORMALISED funding.csv:2:3: "amount": removed £ or thousands separators in 2 cells ("-£1,200,000.00" as -1200000.00, the first here)',
      'warning NUMBER_NORMALISED funding.csv:4:4: "share": read a percentage as a share in 1 cell ("0.5%" as 0.005, the first here)',
      'warning NUMBER_NORMALISED funding.csv:4:5: "schools_block": removed £ or thousands separators in 1 cell ("£200,000,000" as 200000000, the first here)',
    ]);
  });
});

describe('COUNT_NOT_WHOLE', () => {
  it('a cohort count with a fraction is read as given, with a warning at the cell', () => {
    const issues: Issue[] = [];
    const cells = readCohort(
      csv(
        'cohort.csv',
        COHORT_COLUMNS,
        'ncy,need,setting,band,count',
        '3,ASD,special,A,2.5',
        '4,ASD,special,A,2',
      ),
      undefined,
      check,
      issues,
    );
    expect(cells.map((c) => c.count.toFixed())).toEqual(['2.5', '2']);
    expect(described(issues)).toEqual([
      'warning COUNT_NOT_WHOLE cohort.csv:2:5: "count" is 2.5, not a whole number of pupils',
    ]);
    expect(issues[0]!.hint).toMatch(/a person is one pupil/);
  });
});

describe('codes as case systems export them', () => {
  const ncy = (text: string) => one('ncy', text, (row, issues) => ncyCell(row, 'ncy', issues));

  it('reads NCY year names, in any case, and says so', () => {
    const cases: [string, number][] = [
      ['R', 0],
      ['r', 0],
      ['Reception', 0],
      ['Reception Year', 0],
      ['YR', 0],
      ['Year R', 0],
      // As a case system abbreviates Reception (found by an officer's trial: both were refused).
      ['Rec', 0],
      ['Yr R', 0],
      ['Year 9', 9],
      ['year 9', 9],
      ['Y9', 9],
      ['Yr 9', 9],
      ['YEAR 14', 14],
      ['N1', -2],
      ['n2', -1],
      ['Nursery 1', -2],
    ];
    for (const [text, expected] of cases) expect(ncy(text).value, text).toBe(expected);
    expect(ncy('Year 9').issues).toEqual([
      'warning CODE_NORMALISED x.csv:2:1: "ncy": read a year name as an NCY in 1 cell ("Year 9" as 9, the first here)',
    ]);
    for (const bad of ['Year 21', 'Y0', 'N3', 'Year', 'R1', '7.5', '21.0'])
      expect(ncy(bad).issues, bad).toEqual([expect.stringMatching(/^error NCY_OUT_OF_RANGE/)]);
  });

  it('reads an NCY saved with decimal places (7.00) as the whole number it is, and says so', () => {
    // Found by a user trial: "7.0" was told it "is not a whole number from -3 to 20".
    expect(ncy('7.00')).toEqual({
      value: 7,
      issues: [
        'warning NUMBER_NORMALISED x.csv:2:1: "ncy": read a whole number written with decimal places in 1 cell ("7.00" as 7, the first here)',
      ],
    });
    expect(ncy('-1.0').value).toBe(-1);
  });

  it('reads SEN2 long names as codes: any case, "and" or "&", punctuation and plurals', () => {
    const cases: [string, string][] = [
      ['Autistic Spectrum Disorder', 'ASD'],
      ['Hearing Impairment', 'HI'],
      ['Moderate Learning Difficulty', 'MLD'],
      ['Multi-Sensory Impairment', 'MSI'],
      ['Other Difficulty/Disability', 'OTH'],
      ['Physical Disability', 'PD'],
      ['Profound & Multiple Learning Difficulty', 'PMLD'],
      ['Social, Emotional and Mental Health', 'SEMH'],
      ['Speech, Language and Communication Needs', 'SLCN'],
      ['Severe Learning Difficulty', 'SLD'],
      ['Specific Learning Difficulty', 'SpLD'],
      ['Visual Impairment', 'VI'],
      ['Down Syndrome', 'DS'],
      ['social emotional & mental health', 'SEMH'],
      ['MODERATE  LEARNING DIFFICULTIES', 'MLD'],
      ['Multi Sensory Impairment', 'MSI'],
      ["Down's Syndrome", 'DS'],
    ];
    for (const [text, code] of cases) expect(needFromLongName(text), text).toBe(code);
    expect(needFromLongName('Learning Difficulty')).toBeUndefined();
    const read = one('need', 'Hearing Impairment', (row, issues) => needCell(row, 'need', issues));
    expect(read).toEqual({
      value: 'HI',
      issues: [
        'warning CODE_NORMALISED x.csv:2:1: "need": read a SEN2 long name as its code in 1 cell ("Hearing Impairment" as HI, the first here)',
      ],
    });
    expect(one('need', 'semh', (row, issues) => needCell(row, 'need', issues))).toEqual({
      value: 'SEMH',
      issues: [],
    });
  });

  it('matches setting ids ignoring case, spaces and underscores, and says so', () => {
    const setting = (text: string) =>
      one('setting', text, (row, issues) => check.setting(row, 'setting', issues));
    expect(setting('Special')).toEqual({
      value: 'special',
      issues: [
        'warning CODE_NORMALISED x.csv:2:1: "setting": matched a setting id ignoring case, spaces and underscores in 1 cell ("Special" as special, the first here)',
      ],
    });
    expect(setting('special')).toEqual({ value: 'special', issues: [] });
    expect(settingKey('Special School')).toBe(settingKey('special_school'));
    expect(settingKey('special-school')).toBe('special-school');
  });

  it('hints "did you mean" for a setting two edits or fewer from an id', () => {
    const hint = (text: string) => {
      const issues: Issue[] = [];
      check.setting(new CsvRow('x.csv', 2, [text], new Map([['setting', 0]])), 'setting', issues);
      return issues.map((i) => `${i.code}: ${i.hint}`);
    };
    expect(hint('specal')).toEqual([
      'UNKNOWN_SETTING: did you mean "special"? settings: mainstream, special, independent',
    ]);
    expect(hint('Mainstrem')).toEqual([
      'UNKNOWN_SETTING: did you mean "mainstream"? settings: mainstream, special, independent',
    ]);
    expect(hint('academy')).toEqual([
      'UNKNOWN_SETTING: settings: mainstream, special, independent',
    ]);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
  });
});

describe('text a spreadsheet mangled (TEXT_MANGLED)', () => {
  it('finds "Â£", "â€™", "â€“" and "ï»¿", and says what each was', () => {
    expect(mangledIn('Â£100')).toBe('Â£');
    expect(mangledIn('Sam â€™s')).toBe('â€™');
    expect(mangledIn('2025â€“26')).toBe('â€“');
    expect(mangledIn('ï»¿ncy')).toBe('ï»¿');
    expect(unmangle('Â£1 â€“ Sam â€™ cafÃ©')).toBe('£1 – Sam ’ café');
    expect(unmangle('ï»¿ncy')).toBe('ncy');
    expect([garbled('Â£'), garbled('ï»¿')]).toEqual(['"£"', 'the byte-order mark']);
    for (const clean of ['£100', 'Sam’s', 'café', 'Ângela', 'naïve', '2025–26'])
      expect(mangledIn(clean), clean).toBeUndefined();
  });

  it('a mangled header is an error at its cell, and the columns still match', () => {
    const table = readCsvTable(
      'ï»¿ncy,need,setting,band\n3,ASD,special,A\n',
      'cohort.csv',
      COHORT_COLUMNS,
    );
    expect(described(table.issues)).toEqual([
      'error TEXT_MANGLED cohort.csv:1:1: column name "ï»¿ncy" holds "ï»¿", which is the byte-order mark garbled by a wrong character set',
    ]);
    expect(table.issues[0]!.hint).toMatch(/UTF-8/);
    expect(table.rows[0]!.get('ncy')).toBe('3');
  });

  it('mangled text in cells is one warning per column, at the first cell', () => {
    const table = readCsvTable(
      'financial_year,line,amount,note\n2025-26,opening_balance,-1,Â£ deficit\n2026-27,hnb_allocation,1,Sam â€™\n',
      'funding.csv',
      FUNDING_COLUMNS,
    );
    expect(described(table.issues)).toEqual([
      'warning TEXT_MANGLED funding.csv:2:4: "note" holds "Â£", which is "£" garbled by a wrong character set (2 cells, the first here)',
    ]);
  });

  it("Excel's real BOM and CRLF line ends are read silently", () => {
    const table = readCsvTable(
      '\ufeffncy,need,setting,band\r\n3,ASD,special,A\r\n',
      'cohort.csv',
      COHORT_COLUMNS,
    );
    expect(table.issues).toEqual([]);
    expect([table.rows[0]!.get('ncy'), table.rows[0]!.get('band'), table.rows[0]!.line]).toEqual([
      '3',
      'A',
      2,
    ]);
  });

  it('tariffs import reports mangled text too, and reads £ amounts with the same code', () => {
    const result = importTariff(
      {
        rates: {
          file: 'rates.csv',
          text: 'effective_from,setting,band,need,top_up,notes\n2025-04-01,special,A,*,"£20,000.00",Â£ per year\n',
        },
        settings: {
          file: 'settings.csv',
          text: 'ï»¿setting,label,place_value\nspecial,Special,"£10,000"\n',
        },
      },
      { id: 'x', title: 'x', referenceUrl: 'https://example.invalid' },
    );
    expect(described(result.issues)).toEqual([
      'error TEXT_MANGLED settings.csv:1:1: column name "ï»¿setting" holds "ï»¿", which is the byte-order mark garbled by a wrong character set',
      'warning TEXT_MANGLED rates.csv:2:6: "notes" holds "Â£", which is "£" garbled by a wrong character set (1 cell, the first here)',
      'warning NUMBER_NORMALISED settings.csv:2:3: "place_value": removed £ or thousands separators in 1 cell ("£10,000" as 10000, the first here)',
      'warning NUMBER_NORMALISED rates.csv:2:5: "top_up": removed £ or thousands separators in 1 cell ("£20,000.00" as 20000.00, the first here)',
    ]);
  });
});

describe("a spreadsheet's totals row (TOTALS_ROW)", () => {
  const read = (text: string) => readCsvTable(text, 'cohort.csv', COHORT_COLUMNS);
  it('is left out and said at its label, in any of its spellings', () => {
    for (const label of [
      'Total',
      'TOTALS:',
      'Grand total',
      'Subtotal',
      'Sub-total',
      'Total EHCPs',
      'sum',
    ])
      for (const row of [`${label},,,,4`, `,${label},,,4`]) {
        const table = read(`ncy,need,setting,band,count\n3,ASD,mainstream,1,4\n${row}\n`);
        expect(
          table.rows.map((r) => r.line),
          row,
        ).toEqual([2]);
        expect(
          table.issues.map((i) => [i.code, i.severity, i.location?.line, i.location?.column]),
          row,
        ).toEqual([['TOTALS_ROW', 'warning', 3, row.startsWith(',') ? 2 : 1]]);
      }
  });

  it('is not a row whose columns are all filled, nor one whose first cell only contains the word', () => {
    // A full row is data, whatever its first cell says (its NCY is then the error it is).
    const full = read('ncy,need,setting,band,count\nTotal,ASD,mainstream,1,4\n');
    expect(full.rows).toHaveLength(1);
    expect(full.issues).toEqual([]);
    // A totals row's figures as a spreadsheet writes them.
    const money = read(
      'ncy,need,setting,band,count\n3,ASD,mainstream,1,4\nGrand total,,,"(1,234)","£2,504.00"\n',
    );
    // Its count is not the row's (4): said so, in TOTALS_ROW's place (TOTALS_DISAGREE); a band is
    // a label, not an amount, so its figure there is no sum of the bands to compare.
    expect(money.issues.map((i) => [i.code, i.location?.column])).toEqual([['TOTALS_DISAGREE', 5]]);
    // A row that names anything besides figures is data, whatever its first cell says: a
    // setting id first in a reordered file, with a pupil's need, is that pupil's row.
    const named = readCsvTable(
      'setting,ncy,need,band,count\ntotal-communication,3,ASD,,1\n',
      'cohort.csv',
      COHORT_COLUMNS,
    );
    expect(named.rows).toHaveLength(1);
    expect(named.issues).toEqual([]);
    for (const first of ['Totality', 'Summer', '3 total']) {
      const table = read(`ncy,need,setting,band,count\n${first},,,,4\n`);
      expect(table.rows, first).toHaveLength(1);
      expect(table.issues, first).toEqual([]);
    }
  });
});
