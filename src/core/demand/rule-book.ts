import type { Decimal } from 'decimal.js';
import { ONE } from '../decimal.js';
import type { Location } from '../issue.js';
import type { CeasingRow, TransitionRow } from '../model.js';
import { NCY_MIN, type Need } from '../need.js';
import { CeasingRules, TransitionRules } from '../rules.js';
import { toDouble } from './count.js';
import { type Lane, type LaneInterner, movedLane, SPAN } from './lanes.js';
import { type Leaving, leavingOf } from './leaving.js';
import { mapIn } from './map-in.js';

/** A lane a transition leads to, and the row that first leads there. */
interface Move {
  readonly to: Lane;
  readonly origin?: Location;
}

/** What the ceasing rules say about pupils of one need in one setting, by NCY offset (NCY − NCY_MIN). */
interface Ceasing {
  /** The ceasing rate, and 1 − it (taken exactly in Decimal, then made a double). */
  readonly ceasing: Float64Array;
  readonly survival: Float64Array;
}

/**
 * A lane's transitions as arrays, in order of NCY offset: those out of offset o are entries
 * start[o] … start[o + 1], each to lane `targets[target[k]]` one NCY older with share `share[k]`.
 */
interface LaneMoves {
  readonly start: Int32Array;
  readonly target: Int32Array;
  readonly share: Float64Array;
}

/** Everything the rules say about one lane's pupils, by NCY offset. */
export interface LaneRules extends Ceasing {
  /** Transitions out of each NCY (none past NCY 20). */
  readonly moves: LaneMoves;
  /** The share that stays: 1 − Σ shares, exactly, then a double. */
  readonly keep: Float64Array;
  /** Every lane a transition leads to, each once, with the row that first leads there. */
  readonly targets: readonly Move[];
}

/** The rules of a lane no transition leaves: shared, and only ever read (modelRates copies them). */
const NO_MOVES: LaneMoves = {
  start: new Int32Array(SPAN + 1),
  target: new Int32Array(0),
  share: new Float64Array(0),
};
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
  private readonly transitionsByNeed = new Map<Need, Map<string, Leaving>>();

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
    const leaving = this.leavingOf(lane.need, lane.setting);
    if (!leaving) return { ...ceasing, moves: NO_MOVES, keep: KEEP_ALL, targets: [] };
    // Each place a row names, as this lane's pupils land there; two places may be one lane.
    const targets = new Map<Lane, number>();
    const firstMoves: Move[] = [];
    const toTarget = leaving.places.map(({ row }) => {
      // Within the setting a bespoke fee goes with the pupil; to another, the tariff prices them.
      const to = movedLane(
        this.interner,
        lane,
        row.toNeed ?? lane.need,
        row.toSetting,
        row.toBand ?? lane.band,
      );
      let index = targets.get(to);
      if (index === undefined) {
        index = firstMoves.push({ to, ...(row.origin ? { origin: row.origin } : {}) }) - 1;
        targets.set(to, index);
      }
      return index;
    });
    const moves = {
      start: leaving.start,
      target: leaving.place.map((place) => toTarget[place]!),
      share: leaving.share,
    };
    return { ...ceasing, moves, keep: leaving.keep, targets: firstMoves };
  }

  /** The transitions out of (setting, need), once each; undefined where no row leaves the setting. */
  private leavingOf(need: Need, setting: string): Leaving | undefined {
    if (!this.transitionRules.leaves(setting)) return undefined;
    const bySetting = mapIn(this.transitionsByNeed, need);
    let leaving = bySetting.get(setting);
    if (!leaving) {
      leaving = leavingOf(this.transitionRules, setting, need);
      bySetting.set(setting, leaving);
    }
    return leaving;
  }

  private ceasingOf(need: Need, setting: string): Ceasing {
    const bySetting = mapIn(this.byNeedAndSetting, need);
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
