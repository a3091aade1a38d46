import { type Issue, issueKey } from '../../core/issue.js';
import type { BatchResult } from '../../io/batch/run.js';

/** The run's warnings about the national files themselves: those of no area. */
export function nationalIssues(result: BatchResult): Issue[] {
  const ofAreas = new Set(result.areas.flatMap((area) => area.issues.map(issueKey)));
  return result.warnings.filter((issue) => !ofAreas.has(issueKey(issue)));
}
