import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { decodeRows, readNationalCsvBytes } from '../../src/io/batch/national-csv.js';
import type { ColumnSpec } from '../../src/io/csv-table.js';
import type { Limits } from '../../src/io/limits.js';

/** A national CSV from its text, as readInputBytes would hand it over. */
const readNationalCsv = (
  text: string,
  file: string,
  spec: ColumnSpec,
  limits: Limits,
  options: { tally: boolean },
) => readNationalCsvBytes(Buffer.from(text, 'utf8'), file, spec, limits, options);

const SPEC = { required: ['ncy', 'need'], optional: ['area', 'count'] };

/** Each area's records as [line, fields, repeats], for comparing the two ways of reading. */
function byArea(text: string, tally: boolean) {
  const csv = readNationalCsv(text, 'cohort.csv', SPEC, DEFAULT_LIMITS, { tally });
  const areas = [...csv.byArea.keys()].sort();
  return {
    issues: csv.issues.map((i) => `${i.location?.line}:${i.location?.column} ${i.code}`),
    columns: csv.columns,
    rowCounts: Object.fromEntries(csv.rowCounts),
    areas: Object.fromEntries(
      areas.map((area) => [
        area,
        decodeRows(csv.byArea.get(area)).map((r) => [
          r.line,
          r.fields.map((f) => f.trim()),
          r.repeats,
        ]),
      ]),
    ),
  };
}

describe('reading a national CSV once and splitting it by area', () => {
  const plain =
    '\ufeffArea,NCY,need,count\r\nE1,3,ASD,\r\n\r\nE2,4,SEMH,2\r\n,5,MLD,\r\nE1,3,ASD,\r\n,,,\r\nE1, 3,ASD,\r\n E2 ,4,SEMH,2\r\n';
  // The same records with quotes, so the fallback (csv-parse) path reads them.
  const quoted =
    '\ufeffArea,NCY,"need",count\r\nE1,3,ASD,\r\n\r\nE2,4,"SEMH",2\r\n,5,MLD,\r\nE1,3,ASD,\r\n,,,\r\nE1, 3,ASD,\r\n E2 ,4,SEMH,2\r\n';

  it('gives the same records, lines and tallies without quotes as csv-parse does with them', () => {
    for (const tally of [false, true]) expect(byArea(plain, tally)).toEqual(byArea(quoted, tally));
  });

  it('reads files without quotes from their bytes as csv-parse reads them: LF or CRLF, areas together or apart, any characters', () => {
    // The quoted copy quotes the need column's header, so csv-parse reads it; the records are the same.
    const area = fc.constantFrom('E1', 'E2', 'É3', ' E1 ', '', 'E10');
    const row = fc.tuple(
      area,
      fc.integer({ min: -3, max: 20 }),
      fc.constantFrom('ASD', 'SEMH', 'Ünï', 'MLD '),
      fc.constantFrom('', '1', '2'),
    );
    const line = fc.oneof(
      { weight: 9, arbitrary: row.map((r) => r.join(',')) },
      { weight: 1, arbitrary: fc.constantFrom('', '  ', ',,,') },
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }),
        fc.constantFrom('lf', 'crlf', 'mixed'),
        fc.boolean(),
        fc.boolean(),
        (lines, ending, grouped, bom) => {
          const body = grouped
            ? [...lines].sort((a, b) => a.split(',')[0]!.localeCompare(b.split(',')[0]!))
            : lines;
          // mixed: the header ends in "\n" and the rows in "\r\n", which csv-parse reads as a "\r" ending each row's last field.
          const end = ending === 'lf' ? '\n' : '\r\n';
          const text = (header: string) =>
            `${bom ? '\ufeff' : ''}${header}${ending === 'mixed' ? '\n' : end}${body.map((row) => `${row}${end}`).join('')}`;
          for (const tally of [false, true])
            expect(byArea(text('area,ncy,need,count'), tally)).toEqual(
              byArea(text('area,ncy,"need",count'), tally),
            );
        },
      ),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('refuses a field over the limit at its line and column, counting characters, not bytes', () => {
    const limits = { ...DEFAULT_LIMITS, maxFieldChars: 8 };
    const read = (text: string) =>
      readNationalCsv(text, 'c.csv', SPEC, limits, { tally: true }).issues.map(
        (i) => `${i.location?.line}:${i.location?.column} ${i.code}`,
      );
    expect(read('area,ncy,need\nE1,1,ASD\nE1,2,ABCDEFGHIJ\n')).toEqual(['3:3 FIELD_TOO_LONG']);
    // Eight characters of two bytes each: sixteen bytes, within the limit.
    expect(read('area,ncy,need\nE1,1,éééééééé\n')).toEqual([]);
  });

  it('tallies identical rows once with their count, keeps rows without an area apart, and counts lines as the file has them', () => {
    const read = byArea(plain, true);
    expect(read.columns).toEqual(['area', 'ncy', 'need', 'count']);
    expect(read.rowCounts).toEqual({ E1: 3, E2: 2, '': 2 });
    expect(read.areas['E1']).toEqual([
      [2, ['E1', '3', 'ASD', ''], 2],
      [8, ['E1', '3', 'ASD', ''], 1],
    ]);
    expect(read.areas['E2']).toEqual([
      [4, ['E2', '4', 'SEMH', '2'], 1],
      [9, ['E2', '4', 'SEMH', '2'], 1],
    ]);
    expect(read.areas['']).toEqual([
      [5, ['', '5', 'MLD', ''], 1],
      [7, ['', '', '', ''], 1],
    ]);
  });

  it('reports header problems as readCsvTable does, and refuses an unclosed quote', () => {
    expect(byArea('area,ncy\nE1,3\n', false).issues).toEqual(['1:undefined MISSING_COLUMN']);
    expect(byArea('area,ncy,need,colour\nE1,3,ASD,red\n', false).issues).toEqual([
      '1:4 UNKNOWN_COLUMN',
    ]);
    expect(byArea('area,ncy,need\nE1,3,"ASD\n', false).issues).toEqual([
      '2:undefined CSV_MALFORMED',
    ]);
  });

  it("merges an area's rows with the rows for every area in file order", () => {
    const csv = readNationalCsv(
      'area,ncy,need\nE1,1,ASD\n,2,ASD\nE1,3,ASD\n',
      'c.csv',
      SPEC,
      DEFAULT_LIMITS,
      { tally: false },
    );
    expect(decodeRows(csv.byArea.get(''), csv.byArea.get('E1')).map((r) => r.line)).toEqual([
      2, 3, 4,
    ]);
  });

  it('folds repeats across the merge too: each text once, at its first line, with its count', () => {
    const csv = readNationalCsv(
      'area,ncy,need\n,2,ASD\nE1,1,ASD\n,2,ASD\nE1,1,ASD\nE1,3,ASD\n,2,ASD\n',
      'c.csv',
      SPEC,
      DEFAULT_LIMITS,
      { tally: true },
    );
    expect(
      decodeRows(csv.byArea.get(''), csv.byArea.get('E1')).map((r) => [
        r.line,
        r.fields.join(','),
        r.repeats,
      ]),
    ).toEqual([
      [2, ',2,ASD', 3],
      [3, 'E1,1,ASD', 2],
      [6, 'E1,3,ASD', 1],
    ]);
  });
});
