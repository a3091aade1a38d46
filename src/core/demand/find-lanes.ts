import type { PlacementMove } from '../adjustments.js';
import { InternalError } from '../errors.js';
import type { Location } from '../issue.js';
import type { CapacityRow, Cell } from '../model.js';
import { NCY_MAX, NCY_MIN, type Need } from '../need.js';
import { feeOf, type Lane, LaneFinder } from './lanes.js';
import type { RuleBook } from './rule-book.js';

/** Everything that can send pupils to a lane they were not in. */
export interface LaneRules {
  readonly book: RuleBook;
  readonly capacity: readonly CapacityRow[];
  readonly overflowSetting: string | undefined;
  /** A scenario's moves of existing pupils, of every year. */
  readonly moves: readonly PlacementMove[];
}

/** The lanes of a projection, numbered, and a way back from a lane's attributes to its number. */
export interface LaneLookup {
  readonly lanes: readonly Lane[];
  numberOf(need: Need, setting: string, band: string, fee?: Lane['fee']): number;
}

/**
 * Every lane that can hold pupils: those of the cohort (each located at its lowest NCY's row,
 * whatever the order of the rows) and of the new plans, then, until no new one is found, those
 * that transitions, capacity overflow and a scenario's moves lead to.
 */
export function findLanes(cohort: readonly Cell[], joining: readonly Cell[], rules: LaneRules): LaneLookup {
  const finder = new LaneFinder();
  for (const cell of cohort) finder.add(laneWith(cell.need, cell.setting, cell.band, feeOf(cell), cell.origin), cell.ncy);
  for (const cell of joining) finder.add(laneWith(cell.need, cell.setting, cell.band, undefined, cell.origin));
  const probe = { ncy: 0, need: 'ASD' as Need, setting: '', band: '' };
  for (let i = 0; i < finder.found.length; i += 1) {
    const lane = finder.found[i]!;
    for (const move of rules.book.for(lane.need, lane.setting).targets) finder.add(laneWith(move.toNeed ?? lane.need, move.toSetting, move.toBand ?? lane.band, undefined, move.origin));
    for (const row of rules.capacity) {
      const to = overflowTarget(row, rules.overflowSetting);
      if (row.setting === lane.setting && to) finder.add(laneWith(lane.need, to, row.overflowBand ?? lane.band, undefined, row.origin));
    }
    Object.assign(probe, { need: lane.need, setting: lane.setting, band: lane.band });
    for (const move of rules.moves) {
      for (let ncy = NCY_MIN; ncy <= NCY_MAX; ncy += 1) {
        probe.ncy = ncy;
        if (move.matches(probe)) {
          finder.add(laneWith(lane.need, move.toSetting, move.toBand ?? lane.band, undefined, lane.origin));
          break;
        }
      }
    }
  }
  const { lanes, numberOf } = finder.sorted();
  return {
    lanes,
    numberOf(need, setting, band, fee) {
      const lane = finder.get(need, setting, band, fee);
      if (!lane) throw new InternalError(`lane ${need}/${setting}/${band} was not found before the projection ran`);
      return numberOf.get(lane)!;
    },
  };
}

/** Where pupils above a capacity row's places go, if anywhere is named. */
export const overflowTarget = (row: CapacityRow, overflowSetting: string | undefined): string | undefined => row.overflowTo ?? overflowSetting;

function laneWith(need: Need, setting: string, band: string, fee: Lane['fee'], origin: Location | undefined): Lane {
  return { need, setting, band, ...(fee !== undefined ? { fee } : {}), ...(origin ? { origin } : {}) };
}
