import { error } from '../core/issue.js';
import type { ParameterValue } from '../core/nff/parameters.js';
import type { JsonFields, JsonObject } from './json-fields.js';
import { readStanding } from './read-citations.js';

/** Every NFF value says how it stands and cites its source. */
export const NFF_STANDING = { status: true, reference: true } as const;

const VALUE_KEYS = ['value', 'status', 'reference', 'basis', 'notes'] as const;

export interface ValueRules {
  readonly optional?: boolean;
  readonly allowNegative?: boolean;
  /** A share: above 1 is RATE_ABOVE_ONE. */
  readonly share?: boolean;
  /** A change a year (a floor, a cap, an uplift), negative or not: GROWTH_OUT_OF_RANGE outside (-1, 1]. */
  readonly growth?: boolean;
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
    growth: rules.growth ?? false,
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
  const { status, reference } = readStanding(fields, object, at, citable, NFF_STANDING);
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
