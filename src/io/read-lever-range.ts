import type { Decimal } from 'decimal.js';
import { error } from '../core/issue.js';
import type { Lever } from '../core/scenario/types.js';
import type { RangeUncertainty } from '../core/uncertainty.js';
import type { JsonFields, JsonObject } from './json-fields.js';

/** The fields of a lever that give its share a range for simulate (docs/simulate.md, "Lever ranges"). */
export const LEVER_RANGE_KEYS = ['low', 'high', 'distribution'] as const;

/**
 * The lever kinds whose figure simulate can draw: the share of those of pupils and of a tariff
 * lever's scaling of rates, and a places lever's number of places (money alone).
 */
const RANGED_KINDS: readonly Lever['kind'][] = [
  'new-plans',
  'ceasing',
  'shift-new-plans',
  'move-placements',
  'tariff',
  'places',
];

/**
 * A lever's `low`/`high` (and `distribution`), checked against its `share` (a places lever's
 * `places`): both or neither (UNCERTAINTY_INCOMPLETE), each read as the figure is (readBound: a
 * share within its own bounds, SHARE_OUT_OF_RANGE), low ≤ figure ≤ high (RANGE_EXCLUDES_RATE), `distribution` "triangular" (the default) or "uniform", and only
 * on a lever kind simulate draws (LEVER_RANGE_UNSUPPORTED). `ok` is false when a problem was
 * pushed; `range` is absent when the lever gives none.
 */
export function readLeverRange(
  fields: JsonFields,
  lever: JsonObject,
  path: string,
  kind: Lever['kind'],
  /** The share, or a places lever's places. */
  share: Decimal | undefined,
  /** Reads `low` or `high` as the share (places) is read, bounds and all (SHARE_OUT_OF_RANGE). */
  readBound: (key: 'low' | 'high') => Decimal | undefined,
): { ok: boolean; range?: RangeUncertainty } {
  const given = LEVER_RANGE_KEYS.filter((key) => lever[key] !== undefined);
  if (given.length === 0) return { ok: true };
  const before = fields.issues.length;
  if (!RANGED_KINDS.includes(kind)) {
    fields.issues.push(
      error(
        'LEVER_RANGE_UNSUPPORTED',
        `${path}.${given[0]!}: simulate draws a range only for a lever's share (new-plans, ceasing, shift-new-plans, move-placements, tariff) or a places lever's places, and a ${kind} lever has neither`,
        fields.at(`${path}.${given[0]!}`),
        'remove low, high and distribution from this lever; model its uncertainty as another scenario',
      ),
    );
    return { ok: false };
  }
  const uniform = readDistribution(fields, lever, path);
  const missing = lever['low'] === undefined ? 'low' : lever['high'] === undefined ? 'high' : '';
  if (missing) {
    fields.issues.push(
      error(
        'UNCERTAINTY_INCOMPLETE',
        `${path}: "low" and "high" go together, but "${missing}" is missing`,
        fields.at(`${path}.${given[0]!}`),
        `give "${missing}" too, or remove ${given.map((key) => `"${key}"`).join(' and ')}`,
      ),
    );
    return { ok: false };
  }
  const low = readBound('low');
  const high = readBound('high');
  if (low && high && share && (low.greaterThan(share) || high.lessThan(share))) {
    const figure = kind === 'places' ? 'places' : 'share';
    fields.issues.push(
      error(
        'RANGE_EXCLUDES_RATE',
        `${path}: the range ${low.toString()} to ${high.toString()} does not hold the lever's ${figure}, ${share.toString()}`,
        fields.at(`${path}.${low.greaterThan(share) ? 'low' : 'high'}`),
        `low is at most the ${figure} and high at least it: the ${figure} is the most likely value, the range what it could be`,
      ),
    );
  }
  if (fields.issues.length > before || !low || !high) return { ok: false };
  return { ok: true, range: { kind: 'range', low, high, ...(uniform ? { uniform } : {}) } };
}

function readDistribution(fields: JsonFields, lever: JsonObject, path: string): true | undefined {
  const text = lever['distribution'];
  if (text === undefined || text === 'triangular') return undefined;
  if (text === 'uniform') return true;
  fields.issues.push(
    error(
      'DISTRIBUTION_INVALID',
      `${path}.distribution is ${JSON.stringify(text)}, not "triangular" or "uniform"`,
      fields.at(`${path}.distribution`),
      'leave it out for a triangular range with its mode at the share, or write "uniform"',
    ),
  );
  return undefined;
}
