import type { Decimal } from 'decimal.js';
import { ONE, ZERO } from '../decimal.js';
import type { AreaFactors } from './factors.js';
import type { Limit } from './result.js';

/**
 * The funding floor and gains cap (domain brief §2.1): an area's compared elements per head
 * of its population aged 2–18 may change against the baseline per head by no less than the
 * floor and no more than the cap. Levels are multiplied out before the one division, so a
 * baseline that divides exactly gives exact pounds.
 */
export interface FloorCapLevels {
  /** The least the compared elements may be: baseline per head × (1 + floor) × population. */
  readonly floorLevel: Decimal;
  /** Baseline per head × population; the cap level is this × (1 + cap). */
  readonly capBase: Decimal;
}

export function floorCapLevels(area: AreaFactors, floor: Decimal): FloorCapLevels {
  const capBase = area.baselineAllocation.times(area.population).div(area.baselinePopulation);
  return { floorLevel: capBase.times(ONE.plus(floor)), capBase };
}

/** The compared elements after the floor and cap, and the adjustment that made them so. */
export function applyFloorCap(
  compared: Decimal,
  levels: FloorCapLevels,
  cap: Decimal,
): { limit: Limit; protection: Decimal } {
  if (compared.lessThan(levels.floorLevel))
    return { limit: 'floor', protection: levels.floorLevel.minus(compared) };
  const capLevel = levels.capBase.times(ONE.plus(cap));
  if (compared.greaterThan(capLevel)) return { limit: 'cap', protection: capLevel.minus(compared) };
  return { limit: 'none', protection: ZERO };
}
