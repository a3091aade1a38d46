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
  // csv-parse takes the first line's ending (LF) as the file's; a later CRLF leaves a CR, which no
  // one can see, after a quoted last cell (the message said `followed by ""`), and a badly quoted
  // cell further down was named in its place (found by a review).
  const MIXED =
    'this line ends with a carriage return (Windows, CRLF) after a quoted cell, where the first line of the file ends without one (LF): the file mixes two kinds of line ending; save it again from one program (in Excel, Save As "CSV UTF-8")';

  it('is said at the line whose quoted last cell ends CRLF', () => {
    expect(malformed('area,ncy,need\nE1,"1","A"\r\nE1,2,x\n')).toEqual([
      `2:3 cannot read CSV: ${MIXED}`,
    ]);
  });

  it('is said there even with a badly quoted cell further down', () => {
    expect(malformed('area,ncy,need\nE1,"1","A"\r\nE1,2,x"y\n')).toEqual([
      `2:3 cannot read CSV: ${MIXED}`,
    ]);
  });
});
