import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from '../decimal.js';
import type { Projection } from '../projection.js';
import type { DrawMoney } from './spend-plan.js';

/** What a draw's balances need from the deterministic projection: its income and its write-off rule. */
export interface IncomeBasis {
  readonly opening: Decimal;
  /** Income by projected FY as the projection has it (its own deductions), without the write-off. */
  readonly income: readonly Decimal[];
  /** The projection's "dfe" place funding by projected FY, which its deductions follow (src/core/ledger.ts). */
  readonly placeDfe: readonly Decimal[];
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
    income: years.map((y) => y.income.total.minus(y.income.writeOff)),
    placeDfe: years.map((y) => y.placeDfe),
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
 * src/core/write-off.ts make them: income − spend a year, cumulated from the opening balance, and
 * the write-off in the year paid, a share of the draw's own deficit when no figure was reported.
 * Every year's HNB deductions follow the "dfe" settings' place funding: computed, they are it;
 * given or carried, they move with it from the year stated (src/core/ledger.ts). So a draw's
 * income is the projection's less what the draw's own "dfe" place funding (`placeDfe`, its pupils
 * and a ranged places lever's places) adds to the projection's. Without `placeDfe` (a model with
 * no "dfe" setting) the income is the projection's.
 */
export function drawBalances(
  basis: IncomeBasis,
  { spend, placeDfe }: DrawMoney,
): { inYear: Decimal[]; cumulative: Decimal[] } {
  const inYear = spend.map((s, f) => {
    const income = basis.income[f]!;
    const dfe = placeDfe[f];
    return (dfe === undefined ? income : income.minus(dfe.minus(basis.placeDfe[f]!))).minus(s);
  });
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
