import type { DemandPlan } from '../demand/plan.js';
import type { CeasingRow, TransitionRow } from '../model.js';
import type { StepDraw } from './draw-step.js';
import type { LeverRanges } from './lever-ranges.js';
import { uncertainFigure, type UncertainFigure } from './draw-rate.js';
import type { NewPlanDeltas } from './new-plan-deltas.js';
import type { RateSources } from './rate-sources.js';
import type { Uniform } from './stream.js';

/** The states (or moves) that read one uncertain row, and how its figure is drawn. */
interface UncertainRow {
  readonly figure: UncertainFigure;
  readonly at: Int32Array;
}

/**
 * Draws a plan's rates for one draw, into buffers made once (draws run one after another on a
 * thread): each uncertain ceasing and transition row once, put wherever the row applies. States
 * under a scenario's ceasing lever keep the lever's factor on the drawn rate; transition shares
 * that add up to more than 1 in a draw are scaled to 1. A plan without uncertain rows gives the
 * model's own rates, so its draws differ only in whole pupils.
 */
export class RateDrawer {
  private readonly ceasing: UncertainRow[];
  private readonly moves: UncertainRow[];
  private readonly survival: Float64Array;
  private readonly moveShare: Float64Array;
  /** Each year's survival under a ceasing lever, as a factor on the rate by state (undefined: no lever that year). */
  private readonly leverFactors: (Float64Array | undefined)[];
  private readonly yearSurvival: Float64Array[];
  private readonly joining: Float64Array[];
  private readonly joiningNone: Float64Array[];

  constructor(
    private readonly plan: DemandPlan,
    sources: RateSources,
    ceasingRows: readonly CeasingRow[],
    transitionRows: readonly TransitionRow[],
    private readonly newPlans: NewPlanDeltas,
    /** A scenario's levers with a range (src/core/simulate/lever-ranges.ts): drawn first, each draw. */
    private readonly leverRanges?: LeverRanges,
  ) {
    this.ceasing = uncertainRows(ceasingRows, sources.ceasingRow);
    this.moves = uncertainRows(transitionRows, sources.moveRow);
    this.survival = Float64Array.from(plan.rates.survival);
    this.moveShare = Float64Array.from(plan.rates.moveShare);
    const model = plan.rates.survival;
    this.leverFactors = plan.years.map((year) =>
      year.survival === model || this.ceasing.length === 0
        ? undefined
        : Float64Array.from(year.survival, (kept, s) =>
            model[s]! < 1 ? (1 - kept) / (1 - model[s]!) : 1,
          ),
    );
    // A ranged ceasing lever's factors are drawn (and filled in) each draw instead.
    if (leverRanges?.ceasing) this.leverFactors = leverRanges.ceasing.factors;
    this.yearSurvival = plan.years.map((year, y) =>
      this.leverFactors[y] ? new Float64Array(plan.size) : year.survival,
    );
    this.joining = plan.years.map((year) => Float64Array.from(year.joiners.counts));
    this.joiningNone = this.joining.map((means) => means.map((mean) => Math.exp(-mean)));
  }

  /** This draw's rates for each year of the plan (the arrays are reused by the next draw). */
  draw(u: Uniform): StepDraw[] {
    this.leverRanges?.draw(u);
    for (const row of this.ceasing) {
      const survival = 1 - row.figure.draw(u);
      for (const s of row.at) this.survival[s] = survival;
    }
    if (this.moves.length) {
      // From the model's shares each draw: scaling a state's shares to 1 (below) rewrites the
      // fixed ones beside the drawn, which must not carry into the next draw.
      this.moveShare.set(this.plan.rates.moveShare);
      for (const row of this.moves) {
        const share = row.figure.draw(u);
        for (const k of row.at) this.moveShare[k] = share;
      }
      this.scaleShares();
    }
    this.leverFactors.forEach((factors, y) => {
      if (!factors) return;
      const out = this.yearSurvival[y]!;
      for (let s = 0; s < out.length; s += 1)
        out[s] = 1 - Math.min(1, Math.max(0, (1 - this.survival[s]!) * factors[s]!));
    });
    if (this.newPlans.draw(u, this.plan, this.joining))
      this.joining.forEach((means, y) => {
        const none = this.joiningNone[y]!;
        for (let j = 0; j < means.length; j += 1) none[j] = Math.exp(-means[j]!);
      });
    return this.plan.years.map((year, y) => ({
      survival: this.leverFactors[y]
        ? this.yearSurvival[y]!
        : this.ceasing.length
          ? this.survival
          : year.survival,
      moveShare: this.moveShare,
      joining: this.joining[y]!,
      joiningNone: this.joiningNone[y]!,
      ...(this.leverRanges?.moves ? { moveFractions: this.leverRanges.moves.fractions[y]! } : {}),
    }));
  }

  /** This draw's fractions of the base year's lever moves, when a move lever's share is drawn (after draw()). */
  moveFractionsOfBase(): Float64Array | undefined {
    return this.leverRanges?.moves?.base;
  }

  /** Drawn shares leaving a state that add up to more than 1 are scaled down to 1. */
  private scaleShares(): void {
    const { moveStart } = this.plan.rates;
    for (let s = 0; s < this.plan.size; s += 1) {
      let total = 0;
      for (let k = moveStart[s]!; k < moveStart[s + 1]!; k += 1) total += this.moveShare[k]!;
      if (total > 1)
        for (let k = moveStart[s]!; k < moveStart[s + 1]!; k += 1) this.moveShare[k]! /= total;
    }
  }
}

/** The rows with an uncertainty, each with the places (states or moves) that read it. */
function uncertainRows(
  rows: readonly (CeasingRow | TransitionRow)[],
  placeRow: Int32Array,
): UncertainRow[] {
  const places = new Map<number, number[]>();
  placeRow.forEach((row, place) => {
    if (row < 0 || !rows[row]!.uncertainty) return;
    const list = places.get(row);
    if (list) list.push(place);
    else places.set(row, [place]);
  });
  return [...places.keys()]
    .sort((a, b) => a - b)
    .map((row) => ({
      figure: uncertainFigure(rows[row]!.rate, rows[row]!.uncertainty!),
      at: Int32Array.from(places.get(row)!),
    }));
}
