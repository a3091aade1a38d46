import type { Decimal } from 'decimal.js';
import { ZERO } from './decimal.js';
import type { CeasingRow, TransitionRow } from './model.js';
import { NCY_MIN, type Need } from './need.js';

const NONE: readonly TransitionRow[] = [];

/** The ceasing rows of one NCY, by how specific they are. */
interface CeasingAtNcy {
  any?: CeasingRow;
  readonly byNeed: Map<string, CeasingRow>;
  readonly bySetting: Map<string, CeasingRow>;
  readonly byNeedAndSetting: Map<string, Map<string, CeasingRow>>;
}

/**
 * Ceasing: the most specific matching row wins. Specificity, highest first:
 * need and setting; need only; setting only; NCY only. No row: rate 0.
 */
export class CeasingRules {
  private readonly byNcy: CeasingAtNcy[] = [];

  constructor(rows: readonly CeasingRow[]) {
    for (const row of rows) {
      const at = (this.byNcy[row.ncy - NCY_MIN] ??= {
        byNeed: new Map(),
        bySetting: new Map(),
        byNeedAndSetting: new Map(),
      });
      if (row.need !== undefined && row.setting !== undefined) {
        const bySetting = at.byNeedAndSetting.get(row.need) ?? new Map<string, CeasingRow>();
        bySetting.set(row.setting, row);
        at.byNeedAndSetting.set(row.need, bySetting);
      } else if (row.need !== undefined) at.byNeed.set(row.need, row);
      else if (row.setting !== undefined) at.bySetting.set(row.setting, row);
      else at.any = row;
    }
  }

  /** The row that gives the rate at the end of a year at `ncy`, if any (simulate draws its rate). */
  row(ncy: number, need: Need, setting: string): CeasingRow | undefined {
    const at = this.byNcy[ncy - NCY_MIN];
    if (!at) return undefined;
    return (
      at.byNeedAndSetting.get(need)?.get(setting) ??
      at.byNeed.get(need) ??
      at.bySetting.get(setting) ??
      at.any
    );
  }

  /** The rate at the end of a year at `ncy`. */
  rate(ncy: number, need: Need, setting: string): Decimal {
    return this.row(ncy, need, setting)?.rate ?? ZERO;
  }
}

/**
 * Transitions by where they leave from, in input-independent order. For a pupil of need N, the
 * rows that name need N replace the rows without a need (the most specific rows win, as in ceasing).
 */
export class TransitionRules {
  /** By setting, then need ('' for rows without one), then NCY offset. */
  private readonly bySetting = new Map<string, Map<string, TransitionRow[][]>>();

  constructor(rows: readonly TransitionRow[]) {
    const sorted = [...rows].sort(compareTransition);
    for (const row of sorted) {
      const byNeed = this.bySetting.get(row.fromSetting) ?? new Map<string, TransitionRow[][]>();
      this.bySetting.set(row.fromSetting, byNeed);
      const byNcy = byNeed.get(row.need ?? '') ?? [];
      byNeed.set(row.need ?? '', byNcy);
      (byNcy[row.fromNcy - NCY_MIN] ??= []).push(row);
    }
  }

  /** Whether any row leaves `setting`: most settings have none, and need no look-up by NCY. */
  leaves(setting: string): boolean {
    return this.bySetting.has(setting);
  }

  from(ncy: number, setting: string, need: Need): readonly TransitionRow[] {
    const byNeed = this.bySetting.get(setting);
    if (!byNeed) return NONE;
    return byNeed.get(need)?.[ncy - NCY_MIN] ?? byNeed.get('')?.[ncy - NCY_MIN] ?? NONE;
  }
}

function compareTransition(a: TransitionRow, b: TransitionRow): number {
  const ka = `${a.toSetting}\u0000${a.toBand ?? ''}\u0000${a.toNeed ?? ''}`;
  const kb = `${b.toSetting}\u0000${b.toBand ?? ''}\u0000${b.toNeed ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
