import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/io/csv-table.js';

/**
 * Where CSV_MALFORMED puts a badly quoted CSV, and the cell it shows: cases the catalogue
 * (fixtures/errors/CSV_MALFORMED) and the national tests do not reach, kept when the two walks
 * over the text that find them (the line of a quote never closed, the cell as written) became one.
 */
const SPEC = { required: ['area', 'ncy', 'need'], optional: [] };
const malformed = (text: string) =>
  readCsvTable(text, 'cohort.csv', SPEC).issues.map(
    (i) => `${i.location?.line ?? ''}:${i.location?.column ?? ''} ${i.message}`,
  );
const HOW =
  'quote the whole cell or none of it, and write a quote inside a quoted cell as two ("")';

describe('a quote never closed', () => {
  it('is at the line it opens on, past quoted cells that span lines and hold doubled quotes, after a BOM', () => {
    expect(
      malformed('\uFEFFarea,ncy,need\r\nE1,1,"A\r\nS ""D"""\r\nE1,2,ASD\r\nE1,3,"ASD\nE1,4,ASD\n'),
    ).toEqual(['5: cannot read CSV: a quoted field opened on this line is never closed']);
  });

  it('in a cell that opens after a badly quoted one: the bad cell is named, at its own line', () => {
    expect(malformed('area,ncy,need\nE1,1,"AS"D\nE1,2,"ASD\n')).toEqual([
      `2:3 cannot read CSV: the cell "AS"D goes on after its closing quote; ${HOW}`,
    ]);
  });
});

describe('a cell badly quoted', () => {
  it('after a good quoted cell with doubled quotes, on a later line: the bad one as written', () => {
    expect(malformed('area,ncy,need\r\nE1,"1","A ""S"" D"\r\nE1,2,x"y\r\n')).toEqual([
      `3:3 cannot read CSV: the cell x"y holds a quote but does not start with one; ${HOW}`,
    ]);
  });

  it('as the last cell of a file without a final line end', () => {
    expect(malformed('area,ncy,need\nE1,2,"ASD" ')).toEqual([
      `2:3 cannot read CSV: the cell "ASD"  goes on after its closing quote; ${HOW}`,
    ]);
  });
});

describe('a file that mixes line endings', () => {
  // csv-parse took the first line's ending (LF) as the file's: a later CRLF left a CR, which no one
  // can see, after a quoted last cell, and the file was refused (found by a review). Every line
  // now ends where it ends, CR LF, LF or CR.
  const rows = (text: string) => readCsvTable(text, 'cohort.csv', SPEC).rows.map((r) => r.cells());

  it('is read line by line, whichever ending each line has', () => {
    const expected = [
      ['E1', '1', 'A'],
      ['E1', '2', 'x'],
      ['E1', '3', 'y'],
    ];
    expect(malformed('area,ncy,need\nE1,"1","A"\r\nE1,2,x\rE1,3,y\n')).toEqual([]);
    expect(rows('area,ncy,need\nE1,"1","A"\r\nE1,2,x\rE1,3,y\n')).toEqual(expected);
    expect(rows('area,ncy,need\r\nE1,1,A\nE1,2,x\r\nE1,3,y\n')).toEqual(expected);
  });

  it('with a badly quoted cell further down: that cell is named, at its own line', () => {
    expect(malformed('area,ncy,need\nE1,"1","A"\r\nE1,2,x"y\n')).toEqual([
      `3:3 cannot read CSV: the cell x"y holds a quote but does not start with one; ${HOW}`,
    ]);
  });
});
