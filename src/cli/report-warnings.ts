import { type Issue, locationText, sortIssues, uniqueIssues } from '../core/issue.js';
import { fromModel } from '../io/input-reader.js';
import type { ReportWarning } from '../report/presentation/report-model.js';

/**
 * The run's warnings as the report shows them: each once, in the order the command line lists
 * them, its place as `file:line:column` with the file named from the model folder `dir`, as the
 * report's inputs are (a warning of the run as a whole has no place).
 */
export function reportWarnings(dir: string, issues: readonly Issue[]): ReportWarning[] {
  return sortIssues(uniqueIssues(issues))
    .filter((issue) => issue.severity === 'warning')
    .map((issue) => ({
      where: issue.location
        ? locationText({ ...issue.location, file: fromModel(dir, issue.location.file) })
        : '',
      code: issue.code,
      message: issue.message,
      hint: issue.hint ?? '',
    }));
}
