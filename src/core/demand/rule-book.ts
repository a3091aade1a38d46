import { ONE, sum } from '../decimal.js';
import type { Location } from '../issue.js';
import type { CeasingRow, TransitionRow } from '../model.js';
import { NCY_MIN, type Need } from '../need.js';
import { CeasingRules, TransitionRules } from '../rules.js';
import { toDouble } from './count.js';
import { SPAN } from './lanes.js';

/** A transition as a step reads it: where to (need and band absent: unchanged) and the share of continuing pupils. */
export interface Transition {
  readonly toNeed?: Need;
  readonly toSetting: string;
  readonly toBand?: string;
  readonly share: number;
  readonly origin?: Location;
}

/** Everything the rules say about pupils of one need in one setting, by NCY offset (NCY − NCY_MIN). */
export interface NeedSettingRules {
  /** The ceasing rate, and 1 − it (taken exactly in Decimal, then made a double). */
  readonly ceasing: Float64Array;
  readonly survival: Float64Array;
  /** Transitions out of each NCY (none past NCY 20), and the share that stays: 1 − Σ shares, exactly, then a double. */
  readonly transitions: readonly (readonly Transition[])[];
  readonly keep: Float64Array;
  /** Every place a transition leads, each once: the lanes a closure must reach. */
  readonly targets: readonly Transition[];
}

/**
 * The ceasing and transition rules compiled by (need, setting): each pair is looked up once, not
 * once per state, and each rate made a double once. Pure data from the rows: a caller that runs
 * many projections of the same rules (a scenario file, goal-seek) may keep one and pass it in.
 */
export class RuleBook {
  private readonly ceasingRules: CeasingRules;
  private readonly transitionRules: TransitionRules;
  private readonly compiled = new Map<string, NeedSettingRules>();

  constructor(readonly ceasingRows: readonly CeasingRow[], readonly transitionRows: readonly TransitionRow[]) {
    this.ceasingRules = new CeasingRules(ceasingRows);
    this.transitionRules = new TransitionRules(transitionRows);
  }

  for(need: Need, setting: string): NeedSettingRules {
    const key = `${need}\u0000${setting}`;
    let rules = this.compiled.get(key);
    if (!rules) {
      rules = this.compile(need, setting);
      this.compiled.set(key, rules);
    }
    return rules;
  }

  private compile(need: Need, setting: string): NeedSettingRules {
    const ceasing = new Float64Array(SPAN);
    const survival = new Float64Array(SPAN);
    const keep = new Float64Array(SPAN).fill(1);
    const transitions: Transition[][] = [];
    for (let offset = 0; offset < SPAN; offset += 1) {
      const ncy = offset + NCY_MIN;
      const rate = this.ceasingRules.rate(ncy, need, setting);
      ceasing[offset] = toDouble(rate);
      survival[offset] = toDouble(ONE.minus(rate));
      // Past NCY 20 every continuing pupil ages out: no transition applies.
      const rows = offset === SPAN - 1 ? [] : this.transitionRules.from(ncy, setting, need);
      transitions.push(rows.map((row) => ({
        toSetting: row.toSetting,
        share: toDouble(row.rate),
        ...(row.toNeed ? { toNeed: row.toNeed } : {}),
        ...(row.toBand ? { toBand: row.toBand } : {}),
        ...(row.origin ? { origin: row.origin } : {}),
      })));
      if (rows.length) keep[offset] = toDouble(ONE.minus(sum(rows.map((row) => row.rate))));
    }
    const targets = new Map<string, Transition>();
    for (const move of transitions.flat()) targets.set(`${move.toNeed ?? ''}\u0000${move.toSetting}\u0000${move.toBand ?? ''}`, targets.get(`${move.toNeed ?? ''}\u0000${move.toSetting}\u0000${move.toBand ?? ''}`) ?? move);
    return { ceasing, survival, transitions, keep, targets: [...targets.values()] };
  }
}
