import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { readCsvTable } from '../../src/io/csv-table.js';
import { CodeReader, NO_CODES } from '../../src/io/read-history-codes.js';
import { readSnapshots, SNAPSHOTS_COLUMNS } from '../../src/io/read-snapshots.js';

const hints = (text: string) => {
  const issues: Issue[] = [];
  readSnapshots(
    readCsvTable(text, 'snapshots.csv', SNAPSHOTS_COLUMNS),
    new CodeReader(NO_CODES),
    issues,
  );
  return issues.filter((i) => i.code === 'PERSON_TWICE').map((i) => i.hint);
};

describe('a person twice in one January of the snapshots', () => {
  it('a row given twice is told to be deleted; two placements or needs, which to keep', () => {
    // Found by an analyst's trial: a row an extract repeated cell for cell was told to "keep the
    // placement at the census date", and a pupil given once per need (primary and secondary, as
    // some case-management extracts give them) was told of the placement alone.
    const header = 'year,person_id,ncy,need,setting\n';
    expect(hints(`${header}2023,P1,5,ASD,MMSIB\n2023,P1,5,ASD,MMSIB\n`)).toEqual([
      'the two rows give the same NCY, need and setting: delete one',
    ]);
    expect(hints(`${header}2023,P1,5,ASD,MMSIB\n2023,P1,5,SLCN,MMSIB\n`)).toEqual([
      'one row per person per January: keep their primary need and their placement at the census date',
    ]);
  });
});

describe('a band the snapshots give', () => {
  it("is carried in the pupil's state; a spreadsheet's error value is no band", () => {
    const issues: Issue[] = [];
    const text =
      'year,person_id,ncy,need,setting,band\n2023,P1,5,ASD,MMSIB,B2\n2023,P2,5,ASD,MMSIB,\n2023,P3,5,ASD,MMSIB,#N/A\n2024,P1,6,ASD,MMSIB,B3\n2024,P2,6,ASD,MMSIB,\n';
    const { steps } = readSnapshots(
      readCsvTable(text, 'snapshots.csv', SNAPSHOTS_COLUMNS),
      new CodeReader(NO_CODES),
      issues,
    );
    expect(steps.map((step) => [step.from?.band, step.to?.band])).toEqual([
      ['B2', 'B3'],
      [undefined, undefined],
    ]);
    const refused = issues.find((i) => i.code === 'INVALID_FIELD');
    expect(refused?.message).toBe('"band" is not a band');
    expect(refused?.hint).toContain('a lookup in its formula found nothing');
    expect(refused?.location).toMatchObject({ line: 4, column: 6 });
  });

  it('is counted in words that agree with the count (found in review: "1 row give a band")', () => {
    const issues: Issue[] = [];
    const text =
      'year,person_id,ncy,need,setting,band\n2023,P1,5,ASD,MMSIB,B2\n2023,P2,5,ASD,MMSIB,\n';
    readSnapshots(
      readCsvTable(text, 'snapshots.csv', SNAPSHOTS_COLUMNS),
      new CodeReader(NO_CODES),
      issues,
    );
    expect(issues.find((i) => i.code === 'BANDS_NOT_FITTED')?.message).toContain(
      '(1 row gives a band, the first here)',
    );
  });
});

describe('a need the snapshots give by its SEN2 long name', () => {
  it('is read as its code and said once for the column, as in a model (CODE_NORMALISED)', () => {
    const issues: Issue[] = [];
    const text =
      'year,person_id,ncy,need,setting\n2023,P1,5,Autistic Spectrum Disorder,MMSIB\n2023,P2,5,ASD,MMSIB\n2024,P1,6,Autistic Spectrum Disorder,MMSIB\n';
    const { steps } = readSnapshots(
      readCsvTable(text, 'snapshots.csv', SNAPSHOTS_COLUMNS),
      new CodeReader(NO_CODES),
      issues,
    );
    expect(steps.map((step) => step.from?.need ?? step.to?.need)).toEqual(['ASD', 'ASD']);
    const noted = issues.filter((i) => i.code === 'CODE_NORMALISED');
    expect(noted).toHaveLength(1);
    expect(noted[0]!.location).toMatchObject({ line: 2, column: 4 });
    expect(noted[0]!.cells).toEqual({ kind: 'need', count: 2 });
  });
});
