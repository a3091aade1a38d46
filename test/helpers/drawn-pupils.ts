import type { Lane } from '../../src/core/demand/lanes.js';
import { SPAN } from '../../src/core/demand/lanes.js';
import { NCY_MIN } from '../../src/core/need.js';
import type { AreaSimulation } from '../../src/core/simulate/simulate-area.js';

/** The pupils of the last January in the states `counted` picks (a lane and an NCY), summed over draws 0 … draws − 1 of `seed`. */
export function drawnPupils(
  simulation: AreaSimulation,
  seed: number,
  draws: number,
  counted: (lane: Lane, ncy: number) => boolean,
): number {
  let pupils = 0;
  for (let i = 0; i < draws; i += 1) {
    simulation.drawPupils(seed, i);
    const { lanes, counts } = simulation.januaries();
    const last = counts.at(-1)!;
    lanes.forEach((lane, l) => {
      for (let offset = 0; offset < SPAN; offset += 1)
        if (counted(lane, offset + NCY_MIN)) pupils += last[l * SPAN + offset]!;
    });
  }
  return pupils;
}
