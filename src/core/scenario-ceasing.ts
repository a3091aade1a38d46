import type { Decimal } from 'decimal.js';
import type { Adjustments } from './adjustments.js';
import { ONE } from './decimal.js';
import { AdjustedSurvival, type Lanes, type Outflow, SPAN } from './lanes.js';
import type { Cell } from './model.js';
import { NCY_MIN } from './need.js';
import { PairMemo } from './pair-memo.js';
import type { AcademicYear } from './period.js';

type CeasingFactor = NonNullable<Adjustments['ceasingFactor']>;

/**
 * A scenario's factor on ceasing rates, as each slot's outflow at the end of one AY: null where
 * the factor is ONE (no lever matches; the step takes the model's own outflow, and its fast path).
 */
export interface YearCeasing {
  at(slot: number, laneIndex: number, offset: number): Outflow | null;
}

/**
 * Each slot's outflow under a scenario's ceasing factor, year by year, asked of the factor once
 * per slot and year and kept: for a lever's factor, shared by every projection with the same lanes
 * (the areas of a national batch), so that a slot the lever touches costs a lookup, not a call to
 * the factor and a search of the memoised rates, in every area.
 */
class FactoredOutflows {
  private readonly survival = new AdjustedSurvival();
  private readonly years = new Map<AcademicYear, YearCeasing>();
  /** One object to ask the factor about every slot: the factor may read it only while it is called. */
  private readonly probe = { ncy: 0, need: '' as Cell['need'], setting: '', band: '' };

  constructor(
    private readonly lanes: Lanes,
    private readonly factor: CeasingFactor,
  ) {}

  year(ay: AcademicYear): YearCeasing {
    let year = this.years.get(ay);
    if (!year) {
      // Sized for the lanes there are: an array first written at a high index may become a slow dictionary.
      const bySlot = new Array<Outflow | null | undefined>((this.lanes.all.length + 8) * SPAN);
      year = {
        at: (slot, laneIndex, offset) => {
          let outflow = bySlot[slot];
          if (outflow === undefined) {
            outflow = this.outflow(ay, laneIndex, offset);
            bySlot[slot] = outflow;
          }
          return outflow;
        },
      };
      this.years.set(ay, year);
    }
    return year;
  }

  private outflow(ay: AcademicYear, laneIndex: number, offset: number): Outflow | null {
    const lane = this.lanes.all[laneIndex]!;
    const { probe } = this;
    probe.ncy = offset + NCY_MIN;
    probe.need = lane.need;
    probe.setting = lane.setting;
    probe.band = lane.band;
    const factor: Decimal = this.factor(ay, probe);
    return factor === ONE ? null : this.survival.outflow(this.lanes, lane, offset, factor);
  }
}

const SHARED = new PairMemo<Lanes, CeasingFactor, FactoredOutflows>();
/** Factor functions known to give the same factor for the same AY and cell for as long as they live: the levers' own. */
const PURE = new WeakSet<CeasingFactor>();

/** Marks a factor function as pure, so that every projection with the same lanes may share its outflows (src/core/scenario/levers.ts). */
export function pureCeasingFactor<F extends CeasingFactor>(factor: F): F {
  PURE.add(factor);
  return factor;
}

/**
 * The ceasing factor's outflows, year by year, for one projection: shared by every projection
 * with the same lanes when the factor is a lever's (pureCeasingFactor); a caller's own function
 * is asked afresh in each projection, since what it reads may have changed since the last.
 */
export function scenarioCeasing(lanes: Lanes, factor: CeasingFactor): { year(ay: AcademicYear): YearCeasing } {
  return PURE.has(factor) ? SHARED.get(lanes, factor, () => new FactoredOutflows(lanes, factor)) : new FactoredOutflows(lanes, factor);
}
