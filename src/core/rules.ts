import type { Decimal } from 'decimal.js';
import { ZERO } from './decimal.js';
import type { CeasingRow, TransitionRow } from './model.js';
import type { Need } from './need.js';

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

  /** The rate at the end of a year at `ncy`. */
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

/**
 * Transitions by where they leave from, in input-independent order. For a pupil of need N, the
 * rows that name need N replace the rows without a need (the most specific rows win, as in ceasing).
 */
export class TransitionRules {
  private readonly byFrom = new Map<string, TransitionRow[]>();

  constructor(rows: readonly TransitionRow[]) {
    const sorted = [...rows].sort(compareTransition);
    for (const row of sorted) {
      const key = fromKey(row.fromNcy, row.fromSetting, row.need ?? '');
      const list = this.byFrom.get(key) ?? [];
      list.push(row);
      this.byFrom.set(key, list);
    }
  }

  from(ncy: number, setting: string, need: Need): readonly TransitionRow[] {
    return this.byFrom.get(fromKey(ncy, setting, need)) ?? this.byFrom.get(fromKey(ncy, setting, '')) ?? NONE;
  }
}

const fromKey = (ncy: number, setting: string, need: string): string => `${ncy}\u0000${setting}\u0000${need}`;

function compareTransition(a: TransitionRow, b: TransitionRow): number {
  const ka = `${a.toSetting}\u0000${a.toBand ?? ''}\u0000${a.toNeed ?? ''}`;
  const kb = `${b.toSetting}\u0000${b.toBand ?? ''}\u0000${b.toNeed ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
