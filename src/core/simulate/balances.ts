import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from '../decimal.js';
import type { Projection } from '../projection.js';
import type { DrawMoney } from './spend-plan.js';

/** What a draw's balances need from the deterministic projection: its income and its write-off rule. */
export interface IncomeBasis {
  readonly opening: Decimal;
  /** Income by projected FY, without the write-off, and without the deductions where `computed`. */
  readonly income: readonly Decimal[];
  /** The FYs (by index) whose HNB deductions are the "dfe" settings' place funding (src/core/ledger.ts incomeByYear): a draw deducts its own. */
  readonly computed: readonly boolean[];
  /** The write-off: paid in FY index `paidIn`, a fixed amount or a share of the draw's own deficit at `balanceIndex` (−1: the opening balance). */
  readonly writeOff?:
    | { readonly paidIn: number; readonly amount: Decimal }
    | { readonly paidIn: number; readonly share: Decimal; readonly balanceIndex: number };
}

export function incomeBasis(projection: Projection): IncomeBasis {
  const { years, writeOff, firstYear, openingBalance } = projection;
  const paidIn = writeOff ? writeOff.paidIn - firstYear : -1;
  return {
    opening: openingBalance,
    // hnbDeductions is the computed place funding negated: taking it away leaves the income before it.
    income: years.map((y) =>
      y.income.deductionsBasis === 'computed'
        ? y.income.total.minus(y.income.writeOff).minus(y.income.hnbDeductions)
        : y.income.total.minus(y.income.writeOff),
    ),
    computed: years.map((y) => y.income.deductionsBasis === 'computed'),
    ...(writeOff
      ? {
          writeOff:
            writeOff.basis === 'projection'
              ? { paidIn, share: writeOff.share, balanceIndex: writeOff.balanceYear - firstYear }
              : { paidIn, amount: writeOff.amount },
        }
      : {}),
  };
}

/**
 * A draw's in-year and cumulative balances from its money, as src/core/project.ts and
 * src/core/write-off.ts make them: income (less the draw's own "dfe" place funding in a year whose
 * deductions are computed; in a year whose deductions are given, less what the draw's places of a
 * ranged places lever in a "dfe" setting add to them beyond the lever's own) − spend a year, cumulated from the opening balance, and the write-off
 * in the year paid, a share of the draw's own deficit when no figure was reported.
 */
export function drawBalances(
  basis: IncomeBasis,
  { spend, placeDfe, deductionChange }: DrawMoney,
): { inYear: Decimal[]; cumulative: Decimal[] } {
  const inYear = spend.map((s, f) =>
    (basis.computed[f]
      ? basis.income[f]!.minus(placeDfe[f]!)
      : basis.income[f]!.minus(deductionChange?.[f] ?? ZERO)
    ).minus(s),
  );
  const cumulative: Decimal[] = [];
  let running = basis.opening;
  for (const balance of inYear) {
    running = running.plus(balance);
    cumulative.push(running);
  }
  const writeOff = basis.writeOff;
  if (!writeOff) return { inYear, cumulative };
  let amount: Decimal;
  if ('amount' in writeOff) amount = writeOff.amount;
  else {
    const balance = writeOff.balanceIndex < 0 ? basis.opening : cumulative[writeOff.balanceIndex]!;
    amount = writeOff.share.times(Dec.max(ZERO, balance.negated()));
  }
  inYear[writeOff.paidIn] = inYear[writeOff.paidIn]!.plus(amount);
  for (let f = writeOff.paidIn; f < cumulative.length; f += 1)
    cumulative[f] = cumulative[f]!.plus(amount);
  return { inYear, cumulative };
}
