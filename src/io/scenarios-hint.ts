import { nearNames } from '../core/edit-distance.js';

/**
 * UNKNOWN_SCENARIO's hint: "did you mean mitigated? scenarios: unmitigated, mitigated,
 * national-tariff", an id within two letters of one defined named first (found by a national
 * trial's --scenario mitigatd, which listed the ids alone).
 */
export function scenariosHint(known: readonly string[], id: string): string {
  const near = nearNames(known, id);
  return `${near.length ? `did you mean ${near.join(' or ')}? ` : ''}scenarios: ${known.join(', ')}`;
}
