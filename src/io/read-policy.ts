import * as path from 'node:path';
import { packageFile } from './provenance-name.js';
import { error, type Issue } from '../core/issue.js';
import { type FinancialYear, parseFinancialYear } from '../core/period.js';
import type { Reference, ValueStatus } from '../core/tariff.js';
import { displayPath, readInput } from './files.js';
import type { JsonFields, JsonObject } from './json-fields.js';
import { DEFAULT_LIMITS } from './limits.js';
import { jsonFields } from './read-json.js';
import { citableIds, readReferences, readStanding } from './read-citations.js';

/** The policy data shipped with the tool (policy/). */
export const shippedPolicyDir = (): string => packageFile('policy');

const ENTRY_KEYS = ['overrideEnd', 'status', 'reference', 'notes'] as const;

export interface OverridePolicy {
  readonly overrideEnd?: FinancialYear;
  /** The current entry's status and the reference it cites, to cite the end where it is shown. */
  readonly standing?: { readonly status?: ValueStatus; readonly reference?: Reference };
  readonly file: string;
  readonly sha256?: string;
  readonly issues: Issue[];
}

/**
 * policy/statutory-override.json: the override's current last FY, with its history, each dated
 * and cited (docs/methodology.md, "The statutory override"). Checked as tariffs are: every field
 * known, years written like 2027-28, statuses from the tariff list, references cited.
 */
export function readOverridePolicy(dir = shippedPolicyDir()): OverridePolicy {
  const opened = openPolicyFile(dir, 'statutory-override.json');
  if (!('fields' in opened)) return opened;
  const { file, sha256, fields, root, issues } = opened;
  fields.knownKeys(root, '$', ['id', 'title', 'references', ...ENTRY_KEYS, 'history']);
  fields.string(root, 'title', '$');
  const references = readReferences(fields, root, { idRequired: true });
  const cited = citableIds(references);
  const current = readEntry(fields, root, '$', cited);
  const overrideEnd = current.end;
  const reference = references.find((r) => r.id === current.standing.reference);
  (fields.array(root, 'history', '$', true) ?? []).forEach((value, i) => {
    const entry = fields.object(value, `$.history[${i}]`);
    if (!entry) return;
    fields.knownKeys(entry, `$.history[${i}]`, ENTRY_KEYS);
    readEntry(fields, entry, `$.history[${i}]`, cited);
  });
  return {
    file,
    sha256,
    issues,
    ...(overrideEnd !== undefined ? { overrideEnd } : {}),
    standing: {
      ...(current.standing.status ? { status: current.standing.status } : {}),
      ...(reference ? { reference } : {}),
    },
  };
}

function readEntry(
  fields: JsonFields,
  entry: JsonObject,
  at: string,
  cited: ReadonlySet<string>,
): { end?: FinancialYear; standing: { status?: ValueStatus; reference?: string } } {
  const endText = fields.string(entry, 'overrideEnd', at);
  const end = endText === undefined ? undefined : parseFinancialYear(endText);
  if (endText !== undefined && end === undefined)
    fields.issues.push(
      error(
        'INVALID_YEAR',
        `${at}.overrideEnd "${endText}" is not a financial year written like 2027-28`,
        fields.at(`${at}.overrideEnd`),
      ),
    );
  const standing = readStanding(fields, entry, at, cited, { status: true, reference: false });
  fields.string(entry, 'notes', at, true);
  return { ...(end !== undefined ? { end } : {}), standing };
}

/** A policy file opened as JSON, or what stopped it (missing, refused, not JSON) as issues. */
export function openPolicyFile(
  dir: string,
  name: string,
):
  | { file: string; sha256?: string; issues: Issue[] }
  | { file: string; sha256: string; issues: Issue[]; fields: JsonFields; root: JsonObject } {
  const filePath = path.join(dir, name);
  const file = displayPath(filePath);
  const read = readInput(filePath, file, DEFAULT_LIMITS.maxFileBytes, 'json');
  if (read.status === 'missing')
    return { file, issues: [error('FILE_MISSING', `policy file ${file} was not found`, { file })] };
  if (read.status === 'refused') return { file, issues: [read.issue] };
  const issues: Issue[] = [];
  const fields = jsonFields(read.file.text, file, issues);
  const root = fields?.object(fields.root, '$');
  if (!fields || !root) return { file, sha256: read.file.sha256, issues };
  return { file, sha256: read.file.sha256, issues, fields, root };
}
