import { describe, expect, it } from 'vitest';
import { type ColumnSpec, readCsvTable } from '../../src/io/csv-table.js';
import { COHORT_COLUMNS } from '../../src/io/read-cohort.js';
import { FUNDING_COLUMNS } from '../../src/io/read-ledger.js';

/**
 * Found by an officer's trial: a cohort.csv ending in its sheet's "Total,,,,1,300" beside rows of
 * 1,289 pupils was left out (TOTALS_ROW) without a word of the difference; so was a spend.csv
 * whose total still held a line deleted from the rows. TOTALS_DISAGREE says so.
 */
describe('a totals row the rows do not add up to', () => {
  const said = (text: string, columns: ColumnSpec = COHORT_COLUMNS) =>
    readCsvTable(text, 'cohort.csv', columns)
      .issues.filter((i) => i.code === 'TOTALS_DISAGREE')
      .map((i) => `${i.location?.line}:${i.location?.column} ${i.message}`);
  const COHORT =
    'ncy,need,setting,band,count\r\n3,ASD,mainstream,1,"1,000"\r\n5,SEMH,special,A,289\r\n';

  it('a count one short of the total: said at the total cell, in its own words, in place of TOTALS_ROW', () => {
    const codes = readCsvTable(`${COHORT}Total,,,,"1,300"\r\n`, 'cohort.csv', COHORT_COLUMNS);
    expect(codes.issues.map((i) => i.code)).toEqual(['TOTALS_DISAGREE']);
    expect(codes.rows).toHaveLength(2);
    expect(said(`${COHORT},,,,\r\nTotal,,,,"1,300"\r\n`)).toEqual([
      '5:5 the totals row gives "count" as 1,300, but the rows above it add up to 1,289: it is left out, and the rows themselves are added up',
    ]);
  });

  it('a sum to four places is grouped in its whole part alone (found by the house-style review)', () => {
    const rows =
      'ncy,need,setting,band,count\n3,ASD,mainstream,1,1000.1234\n5,SEMH,special,A,289\n';
    expect(said(`${rows}Total,,,,1300.1234\n`)).toEqual([
      '4:5 the totals row gives "count" as 1300.1234, but the rows above it add up to 1,289.1234: it is left out, and the rows themselves are added up',
    ]);
  });

  it('a total that agrees, with an empty count counted as the run counts it (one pupil)', () => {
    expect(said(`${COHORT}7,ASD,mainstream,1,\r\nTotal,,,,"1,290"\r\n`)).toEqual([]);
    // Found by a review: pupil rows without a count and the sheet's count of them were told 0.
    const pupils = 'ncy,need,setting,band,count\n3,ASD,mainstream,1,\n5,SEMH,special,A,\n';
    expect(said(`${pupils}8,ASD,mainstream,1,2\nTotal,,,,4\n`)).toEqual([]);
    expect(said(`${COHORT}7,ASD,mainstream,1,\r\nTotal,,,,"1,289"\r\n`)).toEqual([
      '5:5 the totals row gives "count" as 1,289, but the rows above it add up to 1,290: it is left out, and the rows themselves are added up',
    ]);
  });

  it('an amount written to pounds beside rows in pence agrees when it rounds so; brackets are negatives', () => {
    const funding = [
      'financial_year,line,amount',
      '2025-26,opening_balance,"(£1,000.40)"',
      '2026-27,hnb_allocation,"£5,000.00"',
      'Total,,"£4,000"',
    ].join('\n');
    expect(said(funding, FUNDING_COLUMNS)).toEqual([]);
    expect(said(funding.replace('"£4,000"', '"£4,500"'), FUNDING_COLUMNS)).toEqual([
      '4:3 the totals row gives "amount" as £4,500, but the rows above it add up to £4,000: it is left out, and the rows themselves are added up',
    ]);
  });

  it("a difference within what the rows' rounding could lose says so in the hint (found by a review)", () => {
    const hints = (text: string) =>
      readCsvTable(text, 'spend.csv', FUNDING_COLUMNS)
        .issues.filter((i) => i.code === 'TOTALS_DISAGREE')
        .map((i) => i.hint);
    const rows =
      'financial_year,line,amount\n2026-27,other_income,"£1,000"\n2026-27,la_contribution,"£2,000"\n';
    // £1,000 and £2,000 as a sheet showing whole pounds saves them: up to £1 lost, £0.50 each.
    expect(hints(`${rows}Total,,"£3,001"\n`)[0]).toContain('rounded by its cell format');
    expect(hints(`${rows}Total,,"£3,002"\n`)[0]).not.toContain('rounded');
  });

  it('a subtotal, a totals row with rows after it, and a column of text are not compared', () => {
    expect(said(`${COHORT}Subtotal,,,,5\r\n`)).toEqual([]);
    expect(
      said(`ncy,need,setting,band,count\n3,ASD,mainstream,1,2\nTotal,,,,9\n5,SEMH,special,A,1\n`),
    ).toEqual([]);
    expect(said(`ncy,need,setting,band,count\n3,ASD,mainstream,1,2\nTotal,9,,,\n`)).toEqual([]);
  });

  it("a column of a figure per pupil (annual_cost) is not compared: its total is the cost of every pupil, not the rates' sum", () => {
    const cohort = [
      'ncy,need,setting,band,count,Annual cost',
      '3,ASD,independent,,2,"£50,000"',
      '5,SEMH,independent,,1,"£60,000"',
      'Total,,,,3,"£160,000"',
    ].join('\n');
    expect(said(cohort)).toEqual([]);
    expect(said(cohort.replace('Total,,,,3,', 'Total,,,,4,'))).toEqual([
      '4:5 the totals row gives "count" as 4, but the rows above it add up to 3: it is left out, and the rows themselves are added up',
    ]);
  });
});
