import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { CodeReader, NO_CODES } from '../../src/io/read-history-codes.js';
import { readTransitionsHistoryText } from '../../src/io/read-transitions-history.js';

describe('a transitions row whose academic year does not advance by one', () => {
  it('says what to give for a pupil taught out of year group, as the snapshots hint does', () => {
    // Found by an analyst's trial: a pupil who repeated a year was told only that academic-year-2
    // is academic-year-1 + 1, and the extract's own year groups could not be "corrected" to it.
    const issues: Issue[] = [];
    readTransitionsHistoryText(
      'calendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2\n2023,MMSIB,ASD,2,MMSIB,ASD,2\n',
      'transitions.csv',
      DEFAULT_LIMITS,
      new CodeReader(NO_CODES),
      issues,
    );
    expect(issues.map((i) => [i.code, i.hint])).toEqual([
      [
        'AGE_NOT_ADVANCING',
        'each row is one year, January to January, so academic-year-2 is academic-year-1 + 1: for a pupil taught out of year group, give the NCY of their age (age at 31 August − 4) on both sides',
      ],
    ]);
  });

  it('a title line above the column names is said as the full reader says it', () => {
    // Found by an analyst's trial: an extract's title on line 1 gave seven MISSING_COLUMN errors
    // from the reader of repeated lines, where a file with a quote in it was told the column names
    // are on line 2.
    const issues: Issue[] = [];
    readTransitionsHistoryText(
      'SEND transitions extract,,,,,,\ncalendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2\n2023,MMSIB,ASD,2,MMSIB,ASD,3\n',
      'transitions.csv',
      DEFAULT_LIMITS,
      new CodeReader(NO_CODES),
      issues,
    );
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      [
        'MISSING_COLUMN',
        'the column names are on line 2, not line 1 (which holds "SEND transitions extract")',
      ],
    ]);
  });
});
