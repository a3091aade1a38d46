import { error } from '../core/issue.js';
import { type Reference, VALUE_STATUSES, type ValueStatus } from '../core/tariff.js';
import type { JsonFields, JsonObject } from './json-fields.js';

const REFERENCE_KEYS = ['id', 'title', 'url'] as const;

/**
 * `$.references` of a tariff, NFF parameters or policy file: each source a title and URL, with an
 * id that values cite it by. `idRequired` where values cite sources by id (NFF parameters, policy);
 * a tariff may list a source no value names. `empty`, when given, says why an empty list is refused.
 */
export function readReferences(
  fields: JsonFields,
  root: JsonObject,
  { idRequired, empty }: { readonly idRequired: boolean; readonly empty?: string },
): Reference[] {
  const list = fields.array(root, 'references', '$') ?? [];
  if (empty !== undefined && list.length === 0 && root['references'] !== undefined)
    fields.issues.push(
      error('MISSING_VALUE', `$.references is empty; ${empty}`, fields.at('$.references')),
    );
  return list.flatMap((value, i) => {
    const path = `$.references[${i}]`;
    const reference = fields.object(value, path);
    if (!reference) return [];
    fields.knownKeys(reference, path, REFERENCE_KEYS);
    const id = fields.string(reference, 'id', path, !idRequired);
    const title = fields.string(reference, 'title', path);
    const url = fields.string(reference, 'url', path);
    if (!title || !url || (idRequired && !id)) return [];
    return [{ ...(id ? { id } : {}), title, url }];
  });
}

/** The ids values may cite: those of the references that have one. */
export function citableIds(references: readonly Reference[]): Set<string> {
  return new Set(references.flatMap((reference) => (reference.id ? [reference.id] : [])));
}

/** Which of a value's standing a file requires (a value without it is MISSING_VALUE). */
export interface StandingRequired {
  readonly status: boolean;
  readonly reference: boolean;
}

/**
 * A value's standing: its `status` (published, derived, assumption, illustrative) and the id of
 * the reference it cites, each checked when given. NFF parameters require both (a value with no
 * source or standing is refused), the override policy its status, a tariff neither. A reference
 * that no entry of $.references has is UNKNOWN_REFERENCE, and not returned.
 */
export function readStanding(
  fields: JsonFields,
  object: JsonObject,
  path: string,
  citable: ReadonlySet<string>,
  required: StandingRequired,
): { status?: ValueStatus; reference?: string } {
  const statusText = fields.string(object, 'status', path, !required.status);
  const status = VALUE_STATUSES.find((s) => s === statusText);
  if (statusText !== undefined && !status)
    fields.issues.push(
      error(
        'INVALID_FIELD',
        `${path}.status "${statusText}" is not one of ${VALUE_STATUSES.join(', ')}`,
        fields.at(`${path}.status`),
      ),
    );
  const reference = fields.string(object, 'reference', path, !required.reference);
  if (reference !== undefined && !citable.has(reference))
    fields.issues.push(
      error(
        'UNKNOWN_REFERENCE',
        `${path}.reference "${reference}" is not the id of any entry in $.references`,
        fields.at(`${path}.reference`),
        citable.size ? `reference ids: ${[...citable].join(', ')}` : 'give the references ids',
      ),
    );
  return {
    ...(status ? { status } : {}),
    ...(reference && citable.has(reference) ? { reference } : {}),
  };
}
