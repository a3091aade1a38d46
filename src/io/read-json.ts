import { error, type Issue } from '../core/issue.js';
import { JsonFields } from './json-fields.js';
import { JsonSyntaxError, parseJson } from './json-source.js';

/** Parses JSON text into located fields, or reports JSON_MALFORMED at the line and column. */
export function jsonFields(text: string, file: string, issues: Issue[]): JsonFields | undefined {
  try {
    return new JsonFields(file, parseJson(text), issues);
  } catch (cause) {
    if (!(cause instanceof JsonSyntaxError)) throw cause;
    issues.push(error('JSON_MALFORMED', `invalid JSON: ${cause.message}`, { file, ...cause.position }));
    return undefined;
  }
}
