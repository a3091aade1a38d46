import { error, type Issue } from '../core/issue.js';
import { jsonFields } from './read-json.js';
import { MODEL_SETTINGS_KEYS, type ModelSettings, parseModelSettings } from './read-manifest.js';

/** model.json of a national model: `areas` names the areas table instead of one `area`. */
export interface NationalManifest extends ModelSettings {
  /** The areas table, relative to the folder. */
  readonly areas: string;
}

/** True when model.json text is a national manifest (an object with `areas`); malformed JSON is not. */
export function isNationalManifest(text: string): boolean {
  const fields = jsonFields(text, '', []);
  const root = fields?.root;
  return (
    root !== null && typeof root === 'object' && !Array.isArray(root) && root['areas'] !== undefined
  );
}

/** Reads a national model.json; issues say what it could not read (as src/io/read-manifest.ts). */
export function parseNationalManifest(
  text: string,
  file: string,
  issues: Issue[],
): Partial<NationalManifest> {
  const fields = jsonFields(text, file, issues);
  const root = fields?.object(fields.root, '$');
  if (!fields || !root) return {};
  // `area` is reported below as out of place here, not as unknown.
  fields.knownKeys(root, '$', ['areas', 'area', ...MODEL_SETTINGS_KEYS]);
  if (root['area'] !== undefined)
    issues.push(
      error(
        'INVALID_FIELD',
        '$.area cannot be given with $.areas: a national model names its areas in the areas table',
        fields.at('$.area'),
      ),
    );
  const areas = fields.string(root, 'areas', '$');
  const settings = parseModelSettings(fields, root, issues);
  const writeOff = root['writeOff'];
  // One list of reported figures would be every area's deficit, a surplus's included: each area's
  // write-off is the share of its own deficit at the balance date (README, "National batch").
  if (
    writeOff !== null &&
    typeof writeOff === 'object' &&
    !Array.isArray(writeOff) &&
    writeOff['eligibleDeficit'] !== undefined
  )
    issues.push(
      error(
        'WRITE_OFF_NATIONAL_FIGURE',
        "$.writeOff.eligibleDeficit gives reported deficits in a national model, where they would be every area's",
        fields.at('$.writeOff.eligibleDeficit'),
        "leave it out: each area's write-off is then the share of its own deficit at the balance date; project an area as its own model folder to use its reported figures",
      ),
    );
  return { ...(areas ? { areas } : {}), ...settings };
}
