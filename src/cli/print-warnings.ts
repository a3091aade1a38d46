import { type Issue, sortIssues, uniqueIssues } from '../core/issue.js';
import { cliIo } from './cli-io.js';
import { formatIssues } from './print-issues.js';
import { issuePaint } from './terminal.js';

/**
 * Warnings on stderr as project prints them, sorted and each once: several projections (compare's
 * scenarios, one inheriting another's levers) find the same problem at the same place.
 */
export async function printWarnings(issues: readonly Issue[]): Promise<void> {
  const unique = uniqueIssues(sortIssues(issues));
  if (unique.length) cliIo().stderr.write(formatIssues(unique, await issuePaint()));
}
