import type { Decimal } from 'decimal.js';
import { plusTerm, ZERO } from './decimal.js';
import type { FinancialYear } from './period.js';

/**
 * The parts of one setting's spend in one FY, each as annual amounts summed over its months (÷ 12
 * once, in the roll-up): top-ups, place funding, and the part of the place funding a scenario's
 * places levers make.
 */
type Part = 'topUp' | 'place' | 'extraPlace';

/**
 * A projection's costed spans summed by FY and setting (a setting is its index in the tariff's
 * settings), in the order the AYs cost them: an FY takes April–August of the AY before, then
 * September–March of its own.
 */
export class SpendSums {
  private readonly years = new Map<FinancialYear, YearSpend>();

  /** The sums of one FY, to add a span's parts to. */
  year(fy: FinancialYear): YearSpend {
    let year = this.years.get(fy);
    if (!year) {
      year = new YearSpend();
      this.years.set(fy, year);
    }
    return year;
  }

  of(fy: FinancialYear, setting: number, part: Part): Decimal {
    return this.years.get(fy)?.of(setting, part) ?? ZERO;
  }
}

/**
 * One FY's sums by setting. Each starts at its first term (plusTerm) and passes over zeros: x + 0
 * is x, and a sum is never −0, so it is the same Decimal as ZERO + every part in turn.
 */
export class YearSpend {
  private readonly sums: Record<Part, (Decimal | undefined)[]> = {
    topUp: [],
    place: [],
    extraPlace: [],
  };

  /** Adds one span's part of a setting (an operation's result: a product or a sum of them). */
  add(setting: number, part: Part, amount: Decimal): void {
    if (amount.isZero()) return;
    this.sums[part][setting] = plusTerm(this.sums[part][setting], amount);
  }

  of(setting: number, part: Part): Decimal {
    return this.sums[part][setting] ?? ZERO;
  }
}
