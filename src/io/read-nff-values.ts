import { error } from '../core/issue.js';
import type { ParameterValue } from '../core/nff/parameters.js';
import { type Reference, VALUE_STATUSES, type ValueStatus } from '../core/tariff.js';
import type { JsonFields, JsonObject } from './json-fields.js';

const REFERENCE_KEYS = ['id', 'title', 'url'] as const;
const VALUE_KEYS = ['value', 'status', 'reference', 'basis', 'notes'] as const;

/** `references`: every entry has an id, since every parameter value cites one. */
export function readReferences(fields: JsonFields, root: JsonObject): Reference[] {
  const list = fields.array(root, 'references', '$') ?? [];
  if (list.length === 0 && root['references'] !== undefined)
    fields.issues.push(
      error(
        'MISSING_VALUE',
        '$.references is empty; every value cites a source',
        fields.at('$.references'),
      ),
    );
  return list.flatMap((value, i) => {
    const path = `$.references[${i}]`;
    const reference = fields.object(value, path);
    if (!reference) return [];
    fields.knownKeys(reference, path, REFERENCE_KEYS);
    const id = fields.string(reference, 'id', path);
    const title = fields.string(reference, 'title', path);
    const url = fields.string(reference, 'url', path);
    return id && title && url ? [{ id, title, url }] : [];
  });
}

/** `status` and `reference`, both required: a value with no source or standing is refused. */
export function readStanding(
  fields: JsonFields,
  object: JsonObject,
  path: string,
  citable: ReadonlySet<string>,
): { status?: ValueStatus; reference?: string } {
  const statusText = fields.string(object, 'status', path);
  const status = VALUE_STATUSES.find((s) => s === statusText);
  if (statusText !== undefined && !status)
    fields.issues.push(
      error(
        'INVALID_FIELD',
        `${path}.status "${statusText}" is not one of ${VALUE_STATUSES.join(', ')}`,
        fields.at(`${path}.status`),
      ),
    );
  const reference = fields.string(object, 'reference', path);
  if (reference !== undefined && !citable.has(reference)) {
    fields.issues.push(
      error(
        'UNKNOWN_REFERENCE',
        `${path}.reference "${reference}" is not the id of any entry in $.references`,
        fields.at(`${path}.reference`),
        citable.size ? `reference ids: ${[...citable].join(', ')}` : 'give the references ids',
      ),
    );
  }
  return {
    ...(status ? { status } : {}),
    ...(reference && citable.has(reference) ? { reference } : {}),
  };
}

export interface ValueRules {
  readonly optional?: boolean;
  readonly allowNegative?: boolean;
  /** A share: above 1 is RATE_ABOVE_ONE. */
  readonly share?: boolean;
}

/** A parameter value: `{ "value": "4660.00", "status": "published", "reference": "…" }`. */
export function readValue(
  fields: JsonFields,
  parent: JsonObject,
  key: string,
  path: string,
  citable: ReadonlySet<string>,
  rules: ValueRules = {},
): ParameterValue | undefined {
  const at = `${path}.${key}`;
  if (parent[key] === undefined) {
    if (!rules.optional)
      fields.issues.push(
        error(
          'MISSING_VALUE',
          `${at} is required: { "value": "…", "status": "…", "reference": "…" }`,
          fields.at(path),
        ),
      );
    return undefined;
  }
  const object = fields.object(parent[key], at);
  if (!object) return undefined;
  fields.knownKeys(object, at, VALUE_KEYS);
  const value = fields.decimal(object, 'value', at, {
    allowNegative: rules.allowNegative ?? false,
  });
  if (value && rules.share && value.greaterThan(1)) {
    fields.issues.push(
      error(
        'RATE_ABOVE_ONE',
        `${at}.value is ${value.toFixed()}; a share is from 0 to 1`,
        fields.at(`${at}.value`),
        'write 50% as 0.5',
      ),
    );
  }
  const { status, reference } = readStanding(fields, object, at, citable);
  const basis = fields.string(object, 'basis', at, true);
  const notes = fields.string(object, 'notes', at, true);
  if (!value || !status || !reference) return undefined;
  return {
    value,
    status,
    reference,
    ...(basis ? { basis } : {}),
    ...(notes ? { notes } : {}),
    origin: fields.at(`${at}.value`),
  };
}

/** An object-valued part such as `$.basicEntitlement`, with its allowed keys checked. */
export function readPart(
  fields: JsonFields,
  parent: JsonObject,
  key: string,
  path: string,
  keys: readonly string[],
  optional = false,
): JsonObject | undefined {
  const at = `${path}.${key}`;
  if (parent[key] === undefined) {
    if (!optional) fields.issues.push(error('MISSING_VALUE', `${at} is required`, fields.at(path)));
    return undefined;
  }
  const object = fields.object(parent[key], at);
  if (object) fields.knownKeys(object, at, keys);
  return object;
}
