import { type Issue, warning } from '../../core/issue.js';
import type { NationalCsv } from './rows-by-area.js';

/**
 * A national cohort's rows without an area are every area's (README, "National batch"): in a model
 * of more than one area, each such pupil is counted once in every area. Said, at the first such
 * row (warning): an analyst's trial left one row's area cell blank, as an extract does for a
 * pupil with no home authority recorded, and that pupil joined every area without a word. A
 * national folder of one area (`init --national`) has nothing to say.
 */
export function cohortForEveryArea(csv: NationalCsv, areas: number): Issue[] {
  const shared = csv.byArea.get('');
  if (areas < 2 || !shared || shared.length === 0) return [];
  const rows = csv.rowCounts.get('') ?? shared.length;
  const column = csv.columns.findIndex((name) => name === 'area' || name === 'area_code') + 1;
  return [
    warning(
      'COHORT_EVERY_AREA',
      `${rows === 1 ? 'a row' : `${rows} rows`} of cohort.csv ${rows === 1 ? 'has' : 'have'} no area${rows === 1 ? '' : ' (the first here)'}: a row without an area is every area's, so ${rows === 1 ? 'its pupils are' : 'their pupils are'} counted in each of the ${areas} areas`,
      { file: csv.file, line: shared.line(0), ...(column > 0 ? { column } : {}) },
      "give each row its area's code; leave the cell empty only for pupils meant to be in every area",
    ),
  ];
}
