import type { Decimal } from 'decimal.js';
import { ZERO } from './decimal.js';
import type { Cell, CeasingRow, TransitionRow } from './model.js';
import { NCY_MIN, type Need } from './need.js';

const NONE: readonly TransitionRow[] = [];

/**
 * Ceasing: the most specific matching row wins. Specificity, highest first:
 * need and setting; need only; setting only; NCY only. No row: rate 0.
 */
export class CeasingRules {
  private readonly byKey = new Map<string, Decimal>();

  constructor(rows: readonly CeasingRow[]) {
    for (const row of rows) this.byKey.set(ceasingKey(row.ncy, row.need ?? '', row.setting ?? ''), row.rate);
  }

  private readonly memo = new Map<string, (Decimal | undefined)[]>();

  /** The rate for a cell, memoised by need, setting and NCY (cells of one lane share them). */
  rateFor(cell: Pick<Cell, 'ncy' | 'need' | 'setting'>): Decimal {
    const key = `${cell.need}\u0000${cell.setting}`;
    let byNcy = this.memo.get(key);
    if (!byNcy) {
      byNcy = [];
      this.memo.set(key, byNcy);
    }
    const index = cell.ncy - NCY_MIN;
    return (byNcy[index] ??= this.rate(cell.ncy, cell.need, cell.setting));
  }

  rate(ncy: number, need: Need, setting: string): Decimal {
    return (
      this.byKey.get(ceasingKey(ncy, need, setting)) ??
      this.byKey.get(ceasingKey(ncy, need, '')) ??
      this.byKey.get(ceasingKey(ncy, '', setting)) ??
      this.byKey.get(ceasingKey(ncy, '', '')) ??
      ZERO
    );
  }
}

const ceasingKey = (ncy: number, need: string, setting: string): string => `${ncy}\u0000${need}\u0000${setting}`;

/** Transitions indexed by where they leave from, in input-independent order. */
export class TransitionRules {
  private readonly byFrom = new Map<string, TransitionRow[][]>();

  constructor(rows: readonly TransitionRow[]) {
    const sorted = [...rows].sort((a, b) => compareTransition(a, b));
    for (const row of sorted) {
      const byNcy = this.byFrom.get(row.fromSetting) ?? [];
      (byNcy[row.fromNcy - NCY_MIN] ??= []).push(row);
      this.byFrom.set(row.fromSetting, byNcy);
    }
  }

  from(ncy: number, setting: string): readonly TransitionRow[] {
    return this.byFrom.get(setting)?.[ncy - NCY_MIN] ?? NONE;
  }
}

function compareTransition(a: TransitionRow, b: TransitionRow): number {
  const ka = `${a.toSetting}\u0000${a.toBand ?? ''}`;
  const kb = `${b.toSetting}\u0000${b.toBand ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
