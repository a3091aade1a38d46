import { type Issue, warning } from './issue.js';
import type { FundingRow } from './model.js';
import { poundsText } from './money-text.js';
import { type FinancialYear, formatFinancialYear } from './period.js';
import { fundedByDfe } from './place-cost.js';
import type { Tariff } from './tariff.js';

/**
 * Settings whose id or label names a provider whose places the DfE funds directly and deducts
 * from the HNB (academies and free schools, FE colleges and specialist post-16 institutions,
 * non-maintained special schools; domain brief §2.2–2.3), by the words people use for them.
 */
const DFE_FUNDED =
  /academ|free.school|\bfe\b|further.education|college|specialist.post.?16|post.?16.institution|\bspi\b|\bnmss\b|non.maintained/i;
/** Providers the authority funds: a setting that names one of these as well is mixed, and not flagged. */
const LA_FUNDED = /(?<!non.)maintained|pupil.referral|\bpru\b/i;

/**
 * tariffs check: a warning for each such setting that says (or defaults to) placeFundedBy "la";
 * `because`, when given, is added to the message (why it matters for the model at hand).
 */
export function placeFunderWarnings(tariff: Tariff, because = ''): Issue[] {
  return tariff.settings
    .filter((s) => s.placeFundedBy !== 'dfe' && !s.placeValue.isZero())
    .filter((s) => DFE_FUNDED.test(`${s.id} ${s.label}`) && !LA_FUNDED.test(`${s.id} ${s.label}`))
    .map((s) =>
      warning(
        'PLACE_FUNDER_SUSPECT',
        `setting "${s.id}" ("${s.label}") looks like a provider whose places the DfE funds, but its placeFundedBy is ${s.placeFundedBy ? '"la"' : 'not given ("la")'}${because}`,
        s.origin,
        'give it placeFundedBy "dfe" if the DfE pays its places and deducts them from the HNB',
      ),
    );
}

/**
 * PLACE_FUNDER_SUSPECT for a model (project, validate), where it costs money: funding.csv gives
 * deductions (the published ones take every academy, NMSS and FE place off the HNB) while such a
 * setting's places are charged as spend, so they are counted twice. With no "dfe" setting at all,
 * DEDUCTIONS_WITHOUT_DFE_SETTING says so already; with computed deductions, a place is either
 * spend or deducted, never both, and the balance is the same either way.
 */
export function suspectFundersWithDeductions(
  funding: readonly FundingRow[],
  tariff: Tariff,
  last: FinancialYear,
): Issue[] {
  if (!tariff.settings.some(fundedByDfe)) return [];
  const row = funding.find(
    (r) => r.line === 'hnb_deductions' && r.financialYear <= last && r.amount.greaterThan(0),
  );
  if (!row) return [];
  return placeFunderWarnings(
    tariff,
    `, while hnb_deductions of ${poundsText(row.amount)} for ${formatFinancialYear(row.financialYear)} take the DfE-funded places off the HNB: where the model holds its places they are charged as spend and deducted both`,
  );
}
