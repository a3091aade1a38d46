import type { Decimal } from 'decimal.js';
import { Dec, ONE } from '../decimal.js';
import { toDouble } from '../demand/count.js';
import type { DemandPlan } from '../demand/plan.js';
import type { LeverMove } from '../demand/lever-moves.js';
import { profileFactor } from '../scenario/profile.js';
import type { Lever } from '../scenario/types.js';

/**
 * A draw's fractions of a scenario's lever moves when a move-placements lever has a range
 * (docs/simulate.md, "Lever ranges"). With share s and profile f, by AY y a share s × f(y) of
 * the matching pupils has moved, so year y moves (s f(y) − s f(y − 1)) ÷ (1 − s f(y − 1)) of
 * those left (src/core/scenario/levers.ts placementMoves): the same rule, in Decimal, with the
 * drawn share. At the lever's own share it gives the plan's fractions exactly.
 */
export class MoveLeverRanges {
  /** By plan year, each of its moves' fraction in this draw (YearPlan.moves order). */
  readonly fractions: Float64Array[];
  /** The base year's moves' fractions (DemandPlan.baseMoves order). */
  readonly base: Float64Array;
  /** Each move that a ranged lever makes: where its fraction goes, and the profile either side. */
  private readonly ranged: {
    readonly out: Float64Array;
    readonly k: number;
    readonly lever: number;
    readonly before: Decimal;
    readonly now: Decimal;
  }[] = [];

  constructor(levers: readonly Lever[], ranged: ReadonlySet<number>, plan: DemandPlan) {
    const place = (moves: readonly LeverMove[], ay: number): Float64Array => {
      const out = Float64Array.from(moves, (move) => move.fraction);
      moves.forEach((move, k) => {
        const lever = move.lever === undefined ? undefined : levers[move.lever];
        if (!lever || lever.kind !== 'move-placements' || !ranged.has(move.lever!)) return;
        this.ranged.push({
          out,
          k,
          lever: move.lever!,
          before: profileFactor(lever.profile, ay - 1),
          now: profileFactor(lever.profile, ay),
        });
      });
      return out;
    };
    this.base = place(plan.baseMoves, plan.baseYear);
    this.fractions = plan.years.map((year) => place(year.moves, year.academicYear));
  }

  /** This draw's fractions, from each lever's share in this draw (`shares`, in lever order). */
  update(shares: Float64Array): void {
    for (const { out, k, lever, before, now } of this.ranged) {
      // The drawn share as a decimal once (its shortest text), so the central share is the lever's own.
      const share = new Dec(String(shares[lever]!));
      const moved = share.times(before);
      const fraction = share.times(now).minus(moved).div(ONE.minus(moved));
      out[k] = toDouble(fraction);
    }
  }
}
