import type { Adjustments } from '../adjustments.js';
import type { Arrivals } from '../demand/capacity.js';
import { ProjectionCache } from '../demand/cache.js';
import { flowTally, type FlowTally } from '../demand/flows.js';
import type { DemandInputs } from '../demand/inputs.js';
import { SPAN } from '../demand/lanes.js';
import type { DemandPlan } from '../demand/plan.js';
import { projectDemand } from '../demand/run.js';
import { moveBase } from '../demand/step.js';
import type { Model } from '../model.js';
import { applyScenario } from '../scenario/apply.js';
import { leverAdjustments } from '../scenario/levers.js';
import type { Scenario } from '../scenario/types.js';
import { drawStep, movesAcross, type StateVector } from './draw-step.js';
import { LeverRanges, rangeProbe } from './lever-ranges.js';
import { NewPlanDeltas } from './new-plan-deltas.js';
import { lowestBit, OccupiedStates } from './occupied-states.js';
import { RateDrawer } from './rate-drawer.js';
import { rateSources } from './rate-sources.js';
import { drawStream } from './stream.js';

/**
 * What a simulation's draws of pupils read besides the seed and index. The plan is one object only
 * for scenarios that leave pupils alone (ProjectionCache.demand); the rule rows and new plans the
 * rate drawer reads, and a lever range, are compared as well.
 */
interface PupilSource {
  readonly plan: DemandPlan;
  readonly ceasing: Model['ceasing'];
  readonly transitions: Model['transitions'];
  readonly inputs: DemandInputs;
  readonly newPlans: Adjustments['newPlans'];
  readonly ranges: LeverRanges | undefined;
}

/**
 * An area's pupils (under a scenario's levers) made ready to draw: its plan, its rates' sources and
 * the buffers one thread's draws reuse. Drawing pupils needs neither the costing nor the
 * deterministic projection, so a simulate worker makes only this (src/io/simulate-worker.ts) and
 * the main thread, which has checked and projected the model, costs the pupils it sends back.
 */
export class PupilDraws {
  /** Each January's pupils by state, the base year's first, with the states that may hold them. */
  private readonly januaries: StateVector[];
  private readonly laneTotals: Float64Array[];
  private readonly arrivals: Arrivals;
  private readonly tally: FlowTally;
  private readonly crosses: Uint8Array;

  private constructor(
    readonly area: string,
    readonly plan: DemandPlan,
    private readonly drawer: RateDrawer,
    /** What a draw's pupils depend on besides the seed and index (drawsSamePupilsAs). */
    private readonly source: PupilSource,
  ) {
    this.januaries = [plan.base, ...plan.years].map(() => ({
      counts: new Float64Array(plan.size),
      occupied: new OccupiedStates(plan.size),
    }));
    this.laneTotals = this.januaries.map(() => new Float64Array(plan.lanes.length));
    // The base January is the plan's in every draw unless a base-year move changes it (draw()).
    this.januaries[0]!.counts.set(plan.base);
    this.januaries[0]!.occupied.setFrom(plan.base);
    this.arrivals = { joined: new Float64Array(plan.size), movedIn: new Float64Array(plan.size) };
    this.tally = flowTally(plan.settings.length);
    this.crosses = movesAcross(plan);
  }

  /** The pupils of `model` with a scenario's adjustments applied (applyScenario), from the plan the projection of the same would step. */
  static of(
    area: string,
    applied: { readonly model: Model; readonly adjustments: Adjustments },
    scenario: Scenario | undefined,
    cache: ProjectionCache,
  ): PupilDraws {
    const { model: m, adjustments } = applied;
    // A ranged lever at a share of 0 lays out the parts and moves it makes away from 0 (rangeProbe).
    const probe = rangeProbe(scenario);
    const laidOut = probe ? leverAdjustments(probe.levers) : adjustments;
    const plan = projectDemand(m, m.horizon, laidOut, cache).plan;
    const { inputs } = cache.parts(m, m.horizon);
    const ranges = LeverRanges.of(scenario?.levers ?? [], plan, inputs, laidOut);
    const drawer = new RateDrawer(
      plan,
      rateSources(plan, m.ceasing, m.transitions),
      m.ceasing,
      m.transitions,
      new NewPlanDeltas(m, plan, inputs, laidOut, ranges?.newPlans),
      ranges,
    );
    return new PupilDraws(area, plan, drawer, {
      plan,
      ceasing: m.ceasing,
      transitions: m.transitions,
      inputs,
      newPlans: adjustments.newPlans,
      ranges,
    });
  }

  /** The pupils of `model` under `scenario` (if given): a simulate worker's, whose model the main thread has checked. */
  static prepare(model: Model, scenario?: Scenario, cache = new ProjectionCache()): PupilDraws {
    return PupilDraws.of(model.area.code, withScenario(model, scenario, cache), scenario, cache);
  }

  /** Draws `index`'s pupils into the lane totals that `pupils` then gives (reused by the next draw). */
  draw(seed: number, index: number): void {
    const { plan, januaries, laneTotals } = this;
    const u = drawStream(seed, this.area, index);
    const rates = this.drawer.draw(u);
    if (plan.baseMoves.length > 0) {
      const base = januaries[0]!;
      base.counts.set(plan.base);
      moveBase(plan, base.counts, this.drawer.moveFractionsOfBase());
      base.occupied.setFrom(base.counts);
    }
    plan.years.forEach((year, y) =>
      drawStep(
        plan,
        year,
        rates[y]!,
        this.crosses,
        u,
        januaries[y]!,
        januaries[y + 1]!,
        this.arrivals,
        this.tally,
      ),
    );
    januaries.forEach((january, y) => sumLanes(january, laneTotals[y]!));
  }

  /** The last draw's pupils by lane, each January from the base year's. */
  get pupils(): readonly Float64Array[] {
    return this.laneTotals;
  }

  /** The last draw's pupils in each January by state (lane × NCY, src/core/demand/lanes.ts), the base year's first. */
  get januaryCounts(): readonly Float64Array[] {
    return this.januaries.map(({ counts }) => counts);
  }

  /**
   * Whether `other` draws the same pupils as this for every seed and index: the same area, plan,
   * rule rows and new plans, and no lever range (a scenario of tariff, funding or places levers
   * only, say).
   */
  drawsSamePupilsAs(other: PupilDraws): boolean {
    const [a, b] = [this.source, other.source];
    return (
      other.area === this.area &&
      a.ranges === undefined &&
      b.ranges === undefined &&
      a.plan === b.plan &&
      a.ceasing === b.ceasing &&
      a.transitions === b.transitions &&
      a.inputs === b.inputs &&
      a.newPlans === b.newPlans
    );
  }
}

/** The model and adjustments a scenario's levers make (none without a scenario). */
export function withScenario(
  model: Model,
  scenario: Scenario | undefined,
  cache: ProjectionCache,
): { readonly model: Model; readonly adjustments: Adjustments } {
  return scenario
    ? applyScenario(model, scenario, undefined, { cache })
    : { model, adjustments: {} };
}

/**
 * A January's pupils by lane: each lane's states that may hold pupils (OccupiedStates), added in
 * ascending order, as a pass over all of its states adds them, less the zeros between, which
 * leave a sum as it is (and a lane with none is 0). Most states are empty, so this does about a
 * fifth of the additions of a pass over every state: the median area's pupils, 1,000 draws, 15
 * rounds, least CPU 289-302 ms against 303-312 (3 pairs in turn). (Adding each occupied state
 * into its lane's total in memory was slower than that pass, commit fbb67d7.)
 */
function sumLanes({ counts, occupied }: StateVector, totals: Float64Array): void {
  totals.fill(0);
  const { words } = occupied;
  let lane = -1;
  let total = 0;
  for (let w = 0; w < words.length; w += 1)
    for (let word = words[w]!; word !== 0; word &= word - 1) {
      const s = (w << 5) | lowestBit(word);
      const l = (s / SPAN) | 0;
      if (l !== lane) {
        if (lane >= 0) totals[lane] = total;
        lane = l;
        total = 0;
      }
      total += counts[s]!;
    }
  if (lane >= 0) totals[lane] = total;
}
