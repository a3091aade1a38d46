import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { countTooLarge } from '../../src/io/cell-parsers.js';

const at = { file: 'x.csv', line: 2, column: 3 };
const check = (text: string, within?: string) =>
  countTooLarge('"count"', text, new Decimal(text), at, within);

describe('COUNT_TOO_LARGE says which way and where', () => {
  it('lets 10,000,000 either way through', () => {
    expect(check('10000000')).toBeUndefined();
    expect(check('-10000000')).toBeUndefined();
  });

  it('a cell over it is told of extra digits or an amount in a count column', () => {
    const issue = check('10000001')!;
    expect(issue.message).toBe(
      '"count" is 10000001: over 10,000,000 in one cell is no count of pupils, places or children in one area',
    );
    expect(issue.hint).toBe('a figure pasted with extra digits, or an amount in a count column?');
  });

  // Found by a review: a net count far below zero was told it was "over 10,000,000", and a
  // scenarios.json lever, which has no columns, of an amount in a count column.
  it('a negative one is below -10,000,000, and a lever is not told of columns', () => {
    expect(check('-20000000')!.message).toContain(': below -10,000,000 in one cell is no count');
    const lever = check('20000000', 'in one lever')!;
    expect(lever.message).toContain(': over 10,000,000 in one lever is no count');
    expect(lever.hint).toBe('a figure written with extra digits?');
  });
});
