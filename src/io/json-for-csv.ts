import { error, type Issue } from '../core/issue.js';

/**
 * CSV_MALFORMED for a JSON file given where a CSV table is read: highneeds nff's --format json
 * given to --hnb-from was refused for "a cell that holds a quote but does not start with one"
 * (found by a user trial scripting nff into project), which did not say the file was JSON.
 */
export function jsonForCsvIssue(text: string, file: string): Issue | undefined {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const json =
    (trimmed.startsWith('{') && trimmed.endsWith('}')) ||
    (trimmed.startsWith('[') && trimmed.endsWith(']'));
  return json
    ? error(
        'CSV_MALFORMED',
        'cannot read CSV: the file is JSON',
        { file, line: 1 },
        'give the table as CSV (a highneeds output as its --format csv)',
      )
    : undefined;
}
