import { error, type Issue } from '../core/issue.js';
import { jsonFields } from './read-json.js';

/**
 * A national model (model.json naming an areas table, read by batch) given to a command that reads
 * one area's folder: one error at `$.areas` saying so, instead of the twenty-odd its tables would
 * give read as one area's (every area's opening balance "already given"). Undefined otherwise,
 * malformed JSON included (parseManifest reports that).
 */
export function nationalModelIssue(text: string, file: string): Issue | undefined {
  const fields = jsonFields(text, file, []);
  const root = fields?.root;
  if (!fields || root === null || typeof root !== 'object' || Array.isArray(root)) return undefined;
  const areas = root['areas'];
  if (areas === undefined) return undefined;
  return error(
    'NATIONAL_MODEL',
    `this is a national model: $.areas names ${typeof areas === 'string' ? `the areas table "${areas}"` : 'an areas table'}, but this command reads one area's model folder`,
    fields.at('$.areas'),
    'give --area CODE to run this command on one area of it; highneeds batch runs every area (validate checks them area by area)',
  );
}
