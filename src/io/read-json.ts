import { error, type Issue } from '../core/issue.js';
import { JsonFields } from './json-fields.js';
import { MAX_JSON_BYTES } from './limits.js';
import { JsonSyntaxError, parseJson } from './json-source.js';

/**
 * Parses JSON text into located fields, or reports JSON_MALFORMED (or JSON_TOO_DEEP) at the line
 * and column. Text over MAX_JSON_BYTES is refused unparsed (FILE_TOO_LARGE): every value keeps its
 * location, so a parse takes some 35 times the file's size in memory (an 81 MB tariff, 2.9 GB:
 * issue 18), and the JSON inputs are small tables (the largest shipped is 34 KB).
 */
export function jsonFields(text: string, file: string, issues: Issue[]): JsonFields | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_JSON_BYTES) {
    issues.push(
      error(
        'FILE_TOO_LARGE',
        `file is ${bytes} bytes, over the limit of ${MAX_JSON_BYTES} for a JSON input`,
        { file },
        'a tariff, model.json or scenarios.json is a small table: check this is the right file',
      ),
    );
    return undefined;
  }
  try {
    return new JsonFields(file, parseJson(text), issues);
  } catch (cause) {
    if (!(cause instanceof JsonSyntaxError)) throw cause;
    issues.push(error(cause.code, `invalid JSON: ${cause.message}`, { file, ...cause.position }));
    return undefined;
  }
}
