import type { Decimal } from 'decimal.js';
import { InternalError } from '../errors.js';
import type { Cell } from '../model.js';
import { NCY_MAX, NCY_MIN, type Need } from '../need.js';
import { mapIn } from './map-in.js';

/** The NCYs a lane holds (−3 … 20). A state is lane × SPAN + (NCY − NCY_MIN). */
export const SPAN = NCY_MAX - NCY_MIN + 1;

/** The state of a lane at an NCY. A model built in code with an NCY outside −3 … 20 is refused rather than folded into another lane. */
export function stateOf(lane: number, ncy: number): number {
  if (!Number.isInteger(ncy) || ncy < NCY_MIN || ncy > NCY_MAX)
    throw new InternalError(`a cell has NCY ${ncy}, outside ${NCY_MIN} to ${NCY_MAX}`);
  return lane * SPAN + (ncy - NCY_MIN);
}

/**
 * Everything about a state but its NCY: need, setting, band, and for pupils priced by their own
 * annual_cost, that cost per pupil (`fee`). Ageing keeps a pupil in their lane. Lanes are values,
 * made once per set of attributes by a LaneInterner, so that a lane can be a Map key.
 */
export interface Lane {
  readonly need: Need;
  readonly setting: string;
  readonly band: string;
  /** Per pupil, at base-year prices; absent for pupils priced by the tariff. */
  readonly fee?: Decimal;
  /**
   * Placed in another authority's provider: ageing and a change of band or need keep them there;
   * a move to another setting (transition, overflow, lever) is a placement in the area's providers.
   */
  readonly outOfArea?: true;
  /** The attributes as one string: lanes are numbered in its order. */
  readonly key: string;
}

/**
 * A bespoke cell's cost per pupil: its pupils' annual costs summed, over their number. Every step
 * moves the same share of a state's pupils and of their costs, so the cost per pupil of a state
 * never changes, and a lane can carry it.
 */
export function feeOf(cell: Pick<Cell, 'count' | 'bespokeAnnual'>): Decimal | undefined {
  if (cell.bespokeAnnual === undefined) return undefined;
  return cell.count.isZero() ? cell.bespokeAnnual : cell.bespokeAnnual.div(cell.count);
}

/**
 * One Lane object per set of attributes, found by need, then setting, then band, then the rest
 * (fee and placement) as text: a lookup builds no string for a lane without a fee that it has met.
 */
export class LaneInterner {
  private readonly byNeed = new Map<Need, Map<string, Map<string, Map<string, Lane>>>>();

  lane(need: Need, setting: string, band: string, fee?: Decimal, outOfArea?: true): Lane {
    const rest = fee === undefined && !outOfArea ? '' : this.restOf(fee, outOfArea);
    const byRest = mapIn(mapIn(mapIn(this.byNeed, need), setting), band);
    let lane = byRest.get(rest);
    if (!lane) {
      lane = {
        need,
        setting,
        band,
        // In-area lanes keep the key (and so the numbering) they had before out_of_area existed.
        key: `${setting}\u0000${band}\u0000${need}\u0000${rest}`,
        ...(fee !== undefined ? { fee } : {}),
        ...(outOfArea ? { outOfArea } : {}),
      };
      byRest.set(rest, lane);
    }
    return lane;
  }

  /** A lane's attributes after its band, as they end its key. */
  private restOf(fee: Decimal | undefined, outOfArea: true | undefined): string {
    const text = fee?.toString() ?? '';
    return outOfArea ? `${text}\u0000out` : text;
  }
}

/**
 * The lane a transition or a scenario's move sends a lane's pupils to: within the setting (a
 * change of band or need) they keep their placement, in or out of area, and its bespoke fee (the
 * same school, on the same contract); a move to another setting is a new placement, in the area's
 * own providers, priced by the tariff there.
 */
export function movedLane(
  interner: LaneInterner,
  from: Lane,
  need: Need,
  setting: string,
  band: string,
): Lane {
  const kept = setting === from.setting;
  return interner.lane(need, setting, band, kept ? from.fee : undefined, keptOut(from, setting));
}

/**
 * The lane a new-plan cell's share joins: a scenario's share in the cell's own setting keeps the
 * cell out of area; a share sent to another setting is placed in the area's providers.
 */
export function newPlanLane(
  interner: LaneInterner,
  cell: Pick<Cell, 'need' | 'setting' | 'outOfArea'>,
  setting: string,
  band: string,
): Lane {
  return interner.lane(cell.need, setting, band, undefined, keptOut(cell, setting));
}

/** Out of area still, if the pupils were and stay in their setting. */
const keptOut = (from: Pick<Lane, 'setting' | 'outOfArea'>, setting: string): true | undefined =>
  from.outOfArea && setting === from.setting ? from.outOfArea : undefined;
