import type { Decimal } from 'decimal.js';
import { plusTerm, ZERO } from './decimal.js';
import type { FinancialYear } from './period.js';

/** One setting's spend in one FY, as annual amounts summed over its months (÷ 12 once, in the roll-up). */
export interface SettingSpend {
  readonly topUp: Decimal;
  readonly place: Decimal;
  /** The part of `place` a scenario's places levers make (CostPart in src/core/cost.ts). */
  readonly extraPlace: Decimal;
}

type Part = keyof SettingSpend;

/**
 * A projection's costed spans summed by FY and setting (a setting is its index in the tariff's
 * settings), in the order the AYs cost them: an FY takes April–August of the AY before, then
 * September–March of its own. Each sum starts at its first term (plusTerm) and passes over zeros:
 * x + 0 is x, and a sum is never −0, so it is the same Decimal as ZERO + every part in turn.
 */
export class SpendSums {
  private readonly years = new Map<FinancialYear, Record<Part, (Decimal | undefined)[]>>();

  /** Adds one span's parts of a setting (each an operation's result: a product or a sum of them). */
  add(fy: FinancialYear, setting: number, part: Part, amount: Decimal | undefined): void {
    if (amount === undefined || amount.isZero()) return;
    let year = this.years.get(fy);
    if (!year) {
      year = { topUp: [], place: [], extraPlace: [] };
      this.years.set(fy, year);
    }
    year[part][setting] = plusTerm(year[part][setting], amount);
  }

  of(fy: FinancialYear, setting: number): SettingSpend {
    const year = this.years.get(fy);
    return {
      topUp: year?.topUp[setting] ?? ZERO,
      place: year?.place[setting] ?? ZERO,
      extraPlace: year?.extraPlace[setting] ?? ZERO,
    };
  }
}
