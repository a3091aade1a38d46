import { type Issue, warning } from '../core/issue.js';
import type { Tariff } from '../core/tariff.js';

/**
 * Settings whose id or label names a provider whose places the DfE funds directly and deducts
 * from the HNB (academies and free schools, FE colleges and specialist post-16 institutions,
 * non-maintained special schools; domain brief §2.2–2.3), by the words people use for them.
 */
const DFE_FUNDED =
  /academ|free.school|\bfe\b|further.education|college|specialist.post.?16|post.?16.institution|\bspi\b|\bnmss\b|non.maintained/i;
/** Providers the authority funds: a setting that names one of these as well is mixed, and not flagged. */
const LA_FUNDED = /(?<!non.)maintained|pupil.referral|\bpru\b/i;

/** tariffs check: a warning for each such setting that says (or defaults to) placeFundedBy "la". */
export function placeFunderWarnings(tariff: Tariff): Issue[] {
  return tariff.settings
    .filter((s) => s.placeFundedBy !== 'dfe' && !s.placeValue.isZero())
    .filter((s) => DFE_FUNDED.test(`${s.id} ${s.label}`) && !LA_FUNDED.test(`${s.id} ${s.label}`))
    .map((s) =>
      warning(
        'PLACE_FUNDER_SUSPECT',
        `setting "${s.id}" ("${s.label}") looks like a provider whose places the DfE funds, but its placeFundedBy is ${s.placeFundedBy ? '"la"' : 'not given ("la")'}`,
        s.origin,
        'give it placeFundedBy "dfe" if the DfE pays its places and deducts them from the HNB',
      ),
    );
}
