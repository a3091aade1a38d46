import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal.js';
import type { DemandPlan } from '../../../src/core/demand/plan.js';
import type { TransitionRow } from '../../../src/core/model.js';
import type { NewPlanDeltas } from '../../../src/core/simulate/new-plan-deltas.js';
import { RateDrawer } from '../../../src/core/simulate/rate-drawer.js';
import type { RateSources } from '../../../src/core/simulate/rate-sources.js';
import type { Uniform } from '../../../src/core/simulate/stream.js';

/**
 * One state whose pupils leave by two transitions: a fixed share of 0.6 and a drawn one from 0.4
 * to 0.5. Every draw's shares add up to more than 1 and are scaled to 1 (docs/simulate.md), so
 * none of the pupils stays, in any draw, and a draw does not depend on the draws before it.
 */
function drawer(): RateDrawer {
  const survival = Float64Array.of(1);
  const plan = {
    size: 1,
    rates: {
      survival,
      moveShare: Float64Array.of(0.6, 0.4),
      moveStart: Int32Array.of(0, 2),
    },
    years: [{ survival, joiners: { counts: new Float64Array(0) } }],
  } as unknown as DemandPlan;
  const rows = [
    { rate: new Dec('0.6') },
    {
      rate: new Dec('0.4'),
      uncertainty: { kind: 'range', low: new Dec('0.4'), high: new Dec('0.5') },
    },
  ] as unknown as TransitionRow[];
  const sources = { ceasingRow: new Int32Array(0), moveRow: Int32Array.of(0, 1) } as RateSources;
  return new RateDrawer(plan, sources, [], rows, { draw: () => false } as unknown as NewPlanDeltas);
}

/** A fixed stream of uniforms (Park–Miller), so two drawers can be fed the same numbers. */
function stream(seed: number): Uniform {
  let state = seed;
  return {
    next: () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647;
    },
  };
}

describe('RateDrawer: transition shares scaled to 1 in one draw', () => {
  it('leave no pupil staying in any draw, and do not carry into the next draw', () => {
    const continued = drawer();
    const u = stream(7);
    for (let draw = 0; draw < 8; draw += 1) {
      // What this draw gives from the model's own shares, fed the same numbers.
      const before = stream(7);
      for (let skip = 0; skip < draw; skip += 1) before.next();
      const fresh = Array.from(drawer().draw(before)[0]!.moveShare);
      const shares = Array.from(continued.draw(u)[0]!.moveShare);
      expect(shares, `draw ${draw}`).toEqual(fresh);
      expect(Math.abs(1 - shares[0]! - shares[1]!), `draw ${draw}`).toBeLessThan(1e-12);
    }
  });
});
