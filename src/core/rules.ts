import type { Decimal } from 'decimal.js';
import { ZERO } from './decimal.js';
import type { CeasingRow, TransitionRow } from './model.js';
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

  /** The rate at the end of a year at `ncy`; the projection memoises it per lane (src/core/lanes.ts). */
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
