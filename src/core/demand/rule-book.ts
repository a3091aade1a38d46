import type { Decimal } from 'decimal.js';
import { ONE, sum } from '../decimal.js';
import type { Location } from '../issue.js';
import type { CeasingRow, TransitionRow } from '../model.js';
import { NCY_MIN, type Need } from '../need.js';
import { CeasingRules, TransitionRules } from '../rules.js';
import { toDouble } from './count.js';
import { type Lane, type LaneInterner, movedLane, SPAN } from './lanes.js';

/** A transition out of one lane at one NCY: the lane it leads to (one NCY older) and the share of continuing pupils. */
interface Move {
  readonly to: Lane;
  readonly share: number;
  readonly origin?: Location;
}

/** What the ceasing rules say about pupils of one need in one setting, by NCY offset (NCY − NCY_MIN). */
interface Ceasing {
  /** The ceasing rate, and 1 − it (taken exactly in Decimal, then made a double). */
  readonly ceasing: Float64Array;
  readonly survival: Float64Array;
}

/** Everything the rules say about one lane's pupils, by NCY offset. */
export interface LaneRules extends Ceasing {
  /** Transitions out of each NCY (none past NCY 20), and the share that stays: 1 − Σ shares, exactly, then a double. */
  readonly moves: readonly (readonly Move[])[];
  readonly keep: Float64Array;
  /** Every lane a transition leads to, each once, with the row that leads there. */
  readonly targets: readonly Move[];
}

/** The rules of a lane no transition leaves: shared, and only ever read (modelRates copies them). */
const NO_MOVES: readonly (readonly Move[])[] = Array.from({ length: SPAN }, () => []);
const KEEP_ALL = new Float64Array(SPAN).fill(1);

/**
 * The ceasing and transition rules compiled once: ceasing by (need, setting), transitions by lane,
 * each rate made a double once. Pure data from the rows, so a caller that runs many projections
 * of the same rules (a scenario file, goal-seek) keeps one (ProjectionCache).
 */
export class RuleBook {
  private readonly ceasingRules: CeasingRules;
  private readonly transitionRules: TransitionRules;
  private readonly byNeedAndSetting = new Map<Need, Map<string, Ceasing>>();
  private readonly byLane = new Map<Lane, LaneRules>();
  /** Each distinct rate (the rows hold a few dozen) and 1 − it, as doubles. */
  private readonly doubles = new Map<Decimal, readonly [rate: number, survival: number]>();
  private readonly leaving = new Map<string, boolean>();

  constructor(
    readonly ceasingRows: readonly CeasingRow[],
    readonly transitionRows: readonly TransitionRow[],
    private readonly interner: LaneInterner,
  ) {
    this.ceasingRules = new CeasingRules(ceasingRows);
    this.transitionRules = new TransitionRules(transitionRows);
  }

  for(lane: Lane): LaneRules {
    let rules = this.byLane.get(lane);
    if (!rules) {
      rules = this.compile(lane);
      this.byLane.set(lane, rules);
    }
    return rules;
  }

  private compile(lane: Lane): LaneRules {
    const ceasing = this.ceasingOf(lane.need, lane.setting);
    let leaves = this.leaving.get(lane.setting);
    if (leaves === undefined) {
      leaves = this.transitionRules.leaves(lane.setting);
      this.leaving.set(lane.setting, leaves);
    }
    if (!leaves) return { ...ceasing, moves: NO_MOVES, keep: KEEP_ALL, targets: [] };
    const keep = new Float64Array(SPAN).fill(1);
    const moves: Move[][] = [];
    const targets = new Map<Lane, Move>();
    for (let offset = 0; offset < SPAN; offset += 1) {
      // Past NCY 20 every continuing pupil ages out: no transition applies.
      const rows =
        offset === SPAN - 1
          ? []
          : this.transitionRules.from(offset + NCY_MIN, lane.setting, lane.need);
      moves.push(
        rows.map((row) => {
          // Within the setting a bespoke fee goes with the pupil; to another, the tariff prices them.
          const move = {
            to: movedLane(
              this.interner,
              lane,
              row.toNeed ?? lane.need,
              row.toSetting,
              row.toBand ?? lane.band,
            ),
            share: toDouble(row.rate),
            ...(row.origin ? { origin: row.origin } : {}),
          };
          if (!targets.has(move.to)) targets.set(move.to, move);
          return move;
        }),
      );
      if (rows.length) keep[offset] = toDouble(ONE.minus(sum(rows.map((row) => row.rate))));
    }
    return { ...ceasing, moves, keep, targets: [...targets.values()] };
  }

  private ceasingOf(need: Need, setting: string): Ceasing {
    let bySetting = this.byNeedAndSetting.get(need);
    if (!bySetting) {
      bySetting = new Map();
      this.byNeedAndSetting.set(need, bySetting);
    }
    let held = bySetting.get(setting);
    if (!held) {
      const ceasing = new Float64Array(SPAN);
      const survival = new Float64Array(SPAN);
      for (let offset = 0; offset < SPAN; offset += 1) {
        const rate = this.ceasingRules.rate(offset + NCY_MIN, need, setting);
        let pair = this.doubles.get(rate);
        if (!pair) {
          pair = [toDouble(rate), toDouble(ONE.minus(rate))];
          this.doubles.set(rate, pair);
        }
        [ceasing[offset], survival[offset]] = pair;
      }
      held = { ceasing, survival };
      bySetting.set(setting, held);
    }
    return held;
  }
}
