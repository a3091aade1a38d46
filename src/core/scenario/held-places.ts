import type { CellPlace } from '../adjustments.js';
import { ProjectionCache } from '../demand/cache.js';
import { SPAN } from '../demand/lanes.js';
import { projectDemand } from '../demand/run.js';
import type { Model } from '../model.js';
import { NCY_MIN } from '../need.js';
import { leverAdjustments } from './levers.js';
import type { Scenario } from './types.js';

/**
 * Every place (NCY, need, setting, band) where a scenario's projection holds pupils in some January
 * from the base year to the horizon: where its pupils are once they have aged, changed setting or
 * need by the model's transitions, overflowed, or been moved or shifted by the scenario's own
 * levers. Read off the projection's states rather than derived again by hand, so that it agrees
 * with what the projection does: a ceasing or move lever whose filter matches none of these
 * changes nothing (LEVER_MATCHES_NOTHING), and nor does a move lever that moved no pupil, or a
 * tariff lever none of whose places holds a pupil the tariff prices (LEVER_PRICES_NO_PUPIL).
 */
export function heldPlaces(
  model: Model,
  scenario: Scenario,
  cache = new ProjectionCache(),
): HeldPlaces {
  const scenarioModel: Model = {
    ...model,
    assumptions: { ...model.assumptions, ...scenario.assumptions },
  };
  const { plan, years } = projectDemand(
    scenarioModel,
    model.horizon,
    leverAdjustments(scenario.levers),
    cache,
  );
  const held = new Uint8Array(plan.size);
  for (const { counts } of years)
    for (let s = 0; s < plan.size; s += 1) if (counts[s]! > 0) held[s] = 1;
  const places: CellPlace[] = [];
  const priced: CellPlace[] = [];
  plan.lanes.forEach((lane, l) => {
    for (let i = 0; i < SPAN; i += 1)
      if (held[l * SPAN + i] === 1) {
        const place = { ncy: NCY_MIN + i, need: lane.need, setting: lane.setting, band: lane.band };
        places.push(place);
        if (lane.fee === undefined) priced.push(place);
      }
  });
  const moved = new Map<number, number>();
  [plan.baseMoves, ...plan.years.map((year) => year.moves)].forEach((moves, i) =>
    moves.forEach((move, k) => {
      if (move.lever !== undefined)
        moved.set(move.lever, (moved.get(move.lever) ?? 0) + years[i]!.byMove[k]!);
    }),
  );
  return { places, priced, moved };
}

export interface HeldPlaces {
  readonly places: readonly CellPlace[];
  /** Those of `places` held by pupils the tariff prices (not by their own annual_cost). */
  readonly priced: readonly CellPlace[];
  /**
   * The pupils each move-placements lever (by its index in the scenario's levers) moved over the
   * years: a move acts only in the years of its profile, so pupils who reach its filter later (by
   * ageing) are never moved.
   */
  readonly moved: ReadonlyMap<number, number>;
}
