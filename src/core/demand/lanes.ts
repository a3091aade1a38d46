import type { Decimal } from 'decimal.js';
import { InternalError } from '../errors.js';
import type { Location } from '../issue.js';
import type { Cell } from '../model.js';
import { NCY_MAX, NCY_MIN, type Need } from '../need.js';

/** The NCYs a lane holds (−3 … 20). A state is lane × SPAN + (NCY − NCY_MIN). */
export const SPAN = NCY_MAX - NCY_MIN + 1;

/** The state of a lane at an NCY. A model built in code with an NCY outside −3 … 20 is refused rather than folded into another lane. */
export function stateOf(lane: number, ncy: number): number {
  if (!Number.isInteger(ncy) || ncy < NCY_MIN || ncy > NCY_MAX) throw new InternalError(`a cell has NCY ${ncy}, outside ${NCY_MIN} to ${NCY_MAX}`);
  return lane * SPAN + (ncy - NCY_MIN);
}

/**
 * Everything about a state but its NCY: need, setting, band, and for pupils priced by their own
 * annual_cost, that cost per pupil (`fee`). Ageing keeps a pupil in their lane.
 */
export interface Lane {
  readonly need: Need;
  readonly setting: string;
  readonly band: string;
  /** Per pupil, at base-year prices; absent for pupils priced by the tariff. */
  readonly fee?: Decimal;
  /** The input row that first brought pupils to the lane (its lowest NCY's, in the cohort), for locating problems. */
  readonly origin?: Location;
}

type Found = { -readonly [K in keyof Lane]: Lane[K] };

/**
 * A bespoke cell's cost per pupil: its pupils' annual costs summed, over their number. Every step
 * moves the same share of a state's pupils and of their costs, so the cost per pupil of a state
 * never changes, and a lane can carry it.
 */
export function feeOf(cell: Pick<Cell, 'count' | 'bespokeAnnual'>): Decimal | undefined {
  if (cell.bespokeAnnual === undefined) return undefined;
  return cell.count.isZero() ? cell.bespokeAnnual : cell.bespokeAnnual.div(cell.count);
}

const keyOf = (lane: Omit<Lane, 'origin'>): string => `${lane.setting}\u0000${lane.band}\u0000${lane.need}\u0000${lane.fee?.toString() ?? ''}`;

/**
 * The lanes of a projection as they are found (src/core/demand/find-lanes.ts), each with the
 * origin it was first found with (a cohort lane: its lowest NCY's). `sorted()` then numbers them
 * by their key, so that every sum over lanes runs in the same order whatever the input order.
 */
export class LaneFinder {
  private readonly byKey = new Map<string, Found>();
  /** The NCY of the cohort row each lane's origin is from. */
  private readonly originNcy = new Map<Lane, number>();
  /** Lanes in the order found: the closure walks this list while it grows. */
  readonly found: Lane[] = [];

  /** Adds a lane if new. `ncy`: a cohort row's, so that a lane is located at its lowest NCY's row. */
  add(lane: Lane, ncy = Number.POSITIVE_INFINITY): void {
    const key = keyOf(lane);
    const held = this.byKey.get(key);
    if (!held) {
      const found: Found = { ...lane };
      this.byKey.set(key, found);
      this.found.push(found);
      this.originNcy.set(found, ncy);
    } else if (ncy < this.originNcy.get(held)!) {
      this.originNcy.set(held, ncy);
      if (lane.origin) held.origin = lane.origin;
    }
  }

  /** The lane with these attributes, if found. */
  get(need: Need, setting: string, band: string, fee?: Decimal): Lane | undefined {
    return this.byKey.get(keyOf({ need, setting, band, ...(fee !== undefined ? { fee } : {}) }));
  }

  /** The lanes by key, and each lane's number in that order. */
  sorted(): { lanes: Lane[]; numberOf: Map<Lane, number> } {
    const keyed = this.found.map((lane) => ({ lane, key: keyOf(lane) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const lanes = keyed.map((k) => k.lane);
    return { lanes, numberOf: new Map(lanes.map((lane, i) => [lane, i])) };
  }
}
