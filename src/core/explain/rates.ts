import type { TariffTerm } from '../cost-trace.js';
import { firstOfMonth, monthName, type MonthIndex } from '../period.js';
import { chargedStatus } from '../derived-status.js';
import type { ChargedRate } from '../rate-book.js';
import type { Tariff } from '../tariff.js';
import type { InputValue } from './node.js';

/** A month's name in three letters: "Apr". */
const shortMonth = (m: MonthIndex): string => monthName((m % 12) + 1).slice(0, 3);
/** "Apr 2027". */
const monthAndYear = (m: MonthIndex): string => `${shortMonth(m)} ${Math.floor(m / 12)}`;

/** "Apr–Aug 2027": a run of consecutive months. */
export function monthsText(months: readonly MonthIndex[]): string {
  const first = months[0]!;
  const last = months[months.length - 1]!;
  if (first === last) return monthAndYear(first);
  const sameYear = Math.floor(first / 12) === Math.floor(last / 12);
  return `${sameYear ? shortMonth(first) : monthAndYear(first)}–${monthAndYear(last)}`;
}

/**
 * The rates a term charged, one entry per run of months at the same rate from the same tariff
 * row: the annual rate (uplifted as declared), the row's date, status and source. These are the
 * rate book's own answers for each month (SpanSum.charged), whose sum the term multiplied.
 */
export function ratesCharged(term: TariffTerm, tariff: Tariff): InputValue[] {
  const runs: { months: MonthIndex[]; charged: ChargedRate }[] = [];
  term.rates.charged.forEach((charged, i) => {
    const month = term.months[i]!;
    const last = runs[runs.length - 1];
    if (
      last &&
      last.charged.row === charged.row &&
      last.charged.annualTopUp.eq(charged.annualTopUp)
    )
      last.months.push(month);
    else runs.push({ months: [month], charged });
  });
  return runs.map(({ months, charged }) => {
    const row = charged.row!;
    const reference = tariff.references.find((r) => r.id !== undefined && r.id === row.reference);
    return {
      months: monthsText(months),
      from: firstOfMonth(months[0]!),
      count: months.length,
      annualRate: charged.annualTopUp,
      row: {
        effectiveFrom: row.effectiveFrom,
        setting: row.setting,
        band: row.band,
        need: row.need,
        topUp: row.topUp,
        ...(row.endDate ? { endDate: row.endDate } : {}),
        status: row.status ?? 'not stated',
        ...(row.reference ? { reference: row.reference } : {}),
        ...(row.notes ? { notes: row.notes } : {}),
      },
      upliftYears: charged.upliftYears,
      // The rate's own standing: an uplifted published rate is derived from it.
      status: chargedStatus({ ...charged, row }) ?? 'not stated',
      ...(reference ? { source: { title: reference.title, url: reference.url } } : {}),
    };
  });
}
