import type { ChargedRate } from './rate-book.js';
import type { TariffRate, ValueStatus } from './tariff.js';

/**
 * The standing of a value worked out from another (re-dated, uplifted, scaled): "derived" when it
 * is made from a published or derived value, but never better than the value it is made from: one
 * made from an assumption is an assumption, from an illustrative value illustrative
 * (tariffs/README.md; "a figure marked unconfirmed must never be presented as published"), and one
 * from a value of no stated standing has none.
 */
export function derivedStatus(from: ValueStatus | undefined): ValueStatus | undefined {
  return from === 'published' || from === 'derived' ? 'derived' : from;
}

/**
 * The standing of a rate as charged: its tariff row's, unless an uplift changed it, when it is
 * worked out from the row (derivedStatus): a published £1,600 uplifted to £1,632 is not what the
 * source published. An uplift of 0% leaves the published figure as it is.
 */
export function chargedStatus(
  charged: ChargedRate & { readonly row: TariffRate },
): ValueStatus | undefined {
  const { row } = charged;
  return charged.upliftYears > 0 && !charged.annualTopUp.eq(row.topUp)
    ? derivedStatus(row.status)
    : row.status;
}
