import type { PlacementMove } from '../adjustments.js';
import { InternalError } from '../errors.js';
import type { Location } from '../issue.js';
import type { CapacityRow } from '../model.js';
import { type Lane, type LaneInterner, movedLane } from './lanes.js';
import type { NcyMatches } from './ncy-matches.js';
import type { RuleBook } from './rule-book.js';

/** The lanes of one projection, numbered in key order, with where each was first found. */
export interface LaneSet {
  readonly lanes: readonly Lane[];
  readonly numberOf: ReadonlyMap<Lane, number>;
  /** The input row that first brought pupils to each lane, for locating problems. */
  readonly origins: ReadonlyMap<Lane, Location>;
}

/** Everything that can send pupils to a lane they were not in. */
export interface LaneSources {
  readonly book: RuleBook;
  readonly interner: LaneInterner;
  readonly capacity: readonly CapacityRow[];
  readonly overflowSetting: string | undefined;
  /** A scenario's moves of existing pupils, of every year. */
  readonly moves: readonly PlacementMove[];
  /** Where those moves match each lane. */
  readonly matching: NcyMatches;
}

/**
 * Every lane that can hold pupils: the lanes `start` gives, in order (the cohort's, then the new
 * plans'), then, until no new one is found, those that transitions, capacity overflow and a
 * scenario's moves lead to. Numbered by key, so that every sum over lanes runs in the same order
 * whatever the order of the input rows.
 */
export function findLanes(
  start: ReadonlyMap<Lane, Location | undefined>,
  sources: LaneSources,
): LaneSet {
  const origins = new Map<Lane, Location>();
  const found: Lane[] = [];
  const seen = new Set<Lane>();
  const add = (lane: Lane, origin: Location | undefined): void => {
    if (seen.has(lane)) return;
    seen.add(lane);
    found.push(lane);
    if (origin) origins.set(lane, origin);
  };
  for (const [lane, origin] of start) add(lane, origin);
  for (let i = 0; i < found.length; i += 1) {
    const lane = found[i]!;
    for (const move of sources.book.for(lane).targets) add(move.to, move.origin);
    for (const row of sources.capacity) {
      const to = overflowTarget(row, sources.overflowSetting);
      if (row.setting === lane.setting && to && !lane.outOfArea)
        add(sources.interner.lane(lane.need, to, row.overflowBand ?? lane.band), row.origin);
    }
    for (const move of sources.moves)
      if (sources.matching.of(move, lane) !== 0)
        add(
          movedLane(sources.interner, lane, lane.need, move.toSetting, move.toBand ?? lane.band),
          origins.get(lane),
        );
  }
  const lanes = found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { lanes, numberOf: new Map(lanes.map((lane, i) => [lane, i])), origins };
}

/** A lane's number in the set; a lane the set lacks is a bug in finding lanes, never a user's mistake. */
export function laneNumber({ numberOf }: LaneSet, lane: Lane): number {
  const number = numberOf.get(lane);
  if (number === undefined)
    throw new InternalError(
      `lane ${lane.need}/${lane.setting}/${lane.band} was not found before the projection ran`,
    );
  return number;
}

/** Where pupils above a capacity row's places go, if anywhere is named. */
export const overflowTarget = (
  row: CapacityRow,
  overflowSetting: string | undefined,
): string | undefined => row.overflowTo ?? overflowSetting;
