import { error, type Issue } from '../core/issue.js';
import { JsonFields } from './json-fields.js';
import { JsonSyntaxError, parseJson } from './json-source.js';

/** Parses JSON text into located fields, or reports JSON_MALFORMED (or JSON_TOO_DEEP) at the line and column. */
export function jsonFields(text: string, file: string, issues: Issue[]): JsonFields | undefined {
  try {
    return new JsonFields(file, parseJson(text), issues);
  } catch (cause) {
    if (!(cause instanceof JsonSyntaxError)) throw cause;
    issues.push(error(cause.code, `invalid JSON: ${cause.message}`, { file, ...cause.position }));
    return undefined;
  }
}
