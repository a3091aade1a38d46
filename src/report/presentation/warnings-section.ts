import type { ReportWarning } from './report-model.js';
import { plain, text } from './reference-sections.js';
import type { ReportSection } from './section.js';

/**
 * The run's warnings, in the report itself: a page presented to a Schools Forum carried none, so a
 * report of a folder still holding init's examples (TEMPLATE_ROWS), or with a table's rows missing
 * for the area (NO_AREA_ROWS), looked as sound as any (found by a finance officer's trial). Each
 * as the command line says it (its place, code, words and hint); none when the run gave none.
 */
export function warningsSection(warnings: readonly ReportWarning[]): ReportSection | undefined {
  if (warnings.length === 0) return undefined;
  return {
    id: 'warnings',
    title: 'Warnings',
    paragraphs: [
      `The run that made this report gave ${warnings.length === 1 ? 'this warning' : `these ${warnings.length} warnings`}: each says a figure may not be what you think. highneeds validate of the model says them too.`,
    ],
    tables: [
      plain(
        'Warnings from the run',
        [
          text('where', 'Where'),
          text('code', 'Code'),
          text('message', 'Warning'),
          text('hint', 'What to do'),
        ],
        warnings.map((warning) => ({ ...warning })),
      ),
    ],
  };
}
