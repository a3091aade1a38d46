import type { Issue } from '../../core/issue.js';
import { isUnlistedCode } from '../../core/unlisted-code.js';
import { issueText } from '../batch-csv.js';
import type { ReportSection } from './section.js';
import type { ReportTable } from './table-model.js';

/** An area the batch could not model (failures.csv): its code, name and errors. */
export interface FailedArea {
  readonly code: string;
  readonly name: string;
  readonly issues: readonly Issue[];
}

/** `rows under 3 codes that areas.csv does not list were left out` (`a code` for one). */
export function unlistedText(codes: number): string {
  return `rows under ${codes === 1 ? 'a code' : `${codes} codes`} that areas.csv does not list were left out`;
}

/**
 * What the national report says of the areas that failed, so its totals are not read as national
 * ones: how many, in the subtitle and at the totals, and each with its first error; the codes of
 * rows areas.csv does not list, apart.
 */
export function failedCount(failures: readonly FailedArea[]): string {
  const unlisted = failures.filter(isUnlistedCode).length;
  const n = failures.length - unlisted;
  return [
    ...(n
      ? [`${n} area${n === 1 ? '' : 's'} failed and ${n === 1 ? 'is' : 'are'} not in the totals`]
      : []),
    ...(unlisted ? [unlistedText(unlisted)] : []),
  ].join('; ');
}

/** One row per area that failed: its code, name and first error (the rest are in failures.csv). */
export function failedAreasTable(failures: readonly FailedArea[]): ReportTable {
  return {
    title: 'Areas that failed (every error is in failures.csv)',
    columns: [
      { key: 'code', label: 'Area code', kind: 'text' },
      { key: 'name', label: 'Area name', kind: 'text' },
      { key: 'reason', label: 'Reason', kind: 'text' },
    ],
    rows: failures.map((area) => {
      const errors = area.issues.filter((issue) => issue.severity === 'error');
      const more = errors.length - 1;
      return {
        cells: {
          code: area.code,
          name: area.name,
          reason: errors.length
            ? `${issueText(errors[0]!)}${more > 0 ? ` (and ${more} more error${more === 1 ? '' : 's'})` : ''}`
            : '',
        },
      };
    }),
  };
}

/** The report's section on the failed areas; none when every area was modelled. */
export function failedAreasSections(failures: readonly FailedArea[]): ReportSection[] {
  if (failures.length === 0) return [];
  return [
    {
      id: 'failed-areas',
      title: 'Areas that failed',
      paragraphs: [
        `${failedCount(failures)}: every national figure in this report is the sum over the areas modelled only. Correct their inputs and run the batch again for national totals.`,
      ],
      tables: [failedAreasTable(failures)],
    },
  ];
}
