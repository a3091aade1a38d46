import { type Issue, sortIssues, uniqueIssues } from '../core/issue.js';
import { issueFromBase } from '../io/issue-paths.js';
import { issuesOut, jsonText, warningLines } from '../report/json.js';

/**
 * The `"warnings"` and `"issues"` members of a JSON output whose warnings went to stderr (compare,
 * solve): the same ones, sorted and each once as printed, with their paths from the model folder
 * as project's JSON gives them (found by a scripter's trial: a script reading compare's or solve's
 * JSON could not see a warning at all).
 */
export function warningsJson(dir: string, warnings: readonly Issue[]): string {
  const said = uniqueIssues(sortIssues(warnings)).map((issue) => issueFromBase(dir, issue));
  return `"warnings": ${jsonText(warningLines(said)).trimEnd()},\n"issues": ${jsonText(issuesOut(said)).trimEnd()}`;
}
