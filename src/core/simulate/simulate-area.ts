import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import type { DemandInputs } from '../demand/inputs.js';
import type { Arrivals } from '../demand/capacity.js';
import { ProjectionCache } from '../demand/cache.js';
import { countDecimal } from '../demand/count.js';
import { flowTally, type FlowTally } from '../demand/flows.js';
import { SPAN } from '../demand/lanes.js';
import type { DemandPlan } from '../demand/plan.js';
import { projectDemand } from '../demand/run.js';
import { moveBase } from '../demand/step.js';
import { hasErrors, type Issue } from '../issue.js';
import type { Model } from '../model.js';
import type { FinancialYear } from '../period.js';
import { project } from '../project.js';
import { applyScenario } from '../scenario/apply.js';
import type { Scenario } from '../scenario/types.js';
import { drawBalances, incomeBasis, type IncomeBasis } from './balances.js';
import { drawStep, movesAcross } from './draw-step.js';
import { LeverRanges, newPlanProbe } from './lever-ranges.js';
import { NewPlanDeltas } from './new-plan-deltas.js';
import { RateDrawer } from './rate-drawer.js';
import { rateSources } from './rate-sources.js';
import { SpendPlan } from './spend-plan.js';
import { drawStream } from './stream.js';

/** One draw's figures by projected FY: January pupils, spend, in-year and cumulative balance. */
export interface DrawFigures {
  readonly pupils: readonly Decimal[];
  readonly spend: readonly Decimal[];
  readonly inYear: readonly Decimal[];
  readonly cumulative: readonly Decimal[];
}

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
 * An area (under a scenario) made ready to draw: its plan, its rates' sources, its spend as
 * terms and its income, from one deterministic projection, and the buffers one thread's draws reuse.
 */
export class AreaSimulation {
  readonly financialYears: readonly FinancialYear[];
  private readonly counts: Float64Array[];
  private readonly laneTotals: Float64Array[];
  private readonly arrivals: Arrivals;
  private readonly tally: FlowTally;
  private readonly crosses: Uint8Array;

  private constructor(
    readonly area: string,
    private readonly plan: DemandPlan,
    private readonly drawer: RateDrawer,
    private readonly spendPlan: SpendPlan,
    private readonly income: IncomeBasis,
    /** What a draw's pupils depend on besides the seed and index (drawsSamePupilsAs). */
    private readonly pupilSource: PupilSource,
  ) {
    this.financialYears = spendPlan.financialYears;
    this.counts = [plan.base, ...plan.years].map(() => new Float64Array(plan.size));
    this.laneTotals = this.counts.map(() => new Float64Array(plan.lanes.length));
    this.arrivals = { joined: new Float64Array(plan.size), movedIn: new Float64Array(plan.size) };
    this.tally = flowTally(plan.settings.length);
    this.crosses = movesAcross(plan);
  }

  /**
   * Prepares a model (under `scenario`, if given) for drawing. The deterministic projection runs
   * first: its errors (and warnings) are the simulation's, and its income and write-off are used.
   */
  static prepare(
    model: Model,
    scenario?: Scenario,
    cache = new ProjectionCache(),
  ): { simulation?: AreaSimulation; issues: readonly Issue[] } {
    const applied = scenario
      ? applyScenario(model, scenario, undefined, { cache })
      : { model, adjustments: {} };
    const outcome = project(applied.model, applied.adjustments, cache);
    if (!outcome.projection || hasErrors(outcome.issues)) return { issues: outcome.issues };
    const m = applied.model;
    // A ranged lever of new plans at a share of 0 lays out the parts it makes away from 0 (newPlanProbe).
    const probe = newPlanProbe(scenario);
    const laidOut = probe
      ? applyScenario(model, probe, undefined, { cache }).adjustments
      : applied.adjustments;
    const plan = projectDemand(m, m.horizon, laidOut, cache).plan;
    const parts = cache.parts(m, m.horizon);
    const rateBook = cache.rateBook(m.tariff, m.assumptions.tariffUplift);
    const ranges = LeverRanges.of(scenario?.levers ?? [], plan, parts.inputs, laidOut);
    const drawer = new RateDrawer(
      plan,
      rateSources(plan, m.ceasing, m.transitions),
      m.ceasing,
      m.transitions,
      new NewPlanDeltas(m, plan, parts.inputs, laidOut, ranges?.newPlans),
      ranges,
    );
    const spendPlan = new SpendPlan(plan, m, applied.adjustments, rateBook, (lane) =>
      cache.seriesOf(rateBook, lane),
    );
    return {
      simulation: new AreaSimulation(
        model.area.code,
        plan,
        drawer,
        spendPlan,
        incomeBasis(outcome.projection),
        {
          plan,
          ceasing: m.ceasing,
          transitions: m.transitions,
          inputs: parts.inputs,
          newPlans: applied.adjustments.newPlans,
          ranges,
        },
      ),
      issues: outcome.issues,
    };
  }

  /**
   * After a draw, that draw's pupils in each January by state (lane × NCY, src/core/demand/lanes.ts):
   * index 0 is the base year's January. The buffers are reused by the next draw.
   */
  januaries(): { readonly lanes: DemandPlan['lanes']; readonly counts: readonly Float64Array[] } {
    return { lanes: this.plan.lanes, counts: this.counts };
  }

  /** Draw `index` of this area under `seed`: the same figures whichever thread draws it, and in whatever order. */
  draw(seed: number, index: number): DrawFigures {
    this.drawPupils(seed, index);
    return this.figuresOf(this.laneTotals);
  }

  /**
   * Whether `other` draws the same pupils as this for every seed and index: the same area, plan,
   * rule rows and new plans, and no lever range (a scenario of tariff, funding or places levers
   * only, say). Then one draw's pupils can be costed under both (figuresOf).
   */
  drawsSamePupilsAs(other: AreaSimulation): boolean {
    const [a, b] = [this.pupilSource, other.pupilSource];
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

  /** Draws `index`'s pupils into the lane totals that `pupils` then gives (reused by the next draw). */
  drawPupils(seed: number, index: number): void {
    const { plan, counts, laneTotals } = this;
    const u = drawStream(seed, this.area, index);
    const rates = this.drawer.draw(u);
    counts[0]!.set(plan.base);
    moveBase(plan, counts[0]!, this.drawer.moveFractionsOfBase());
    plan.years.forEach((year, y) =>
      drawStep(
        plan,
        year,
        rates[y]!,
        this.crosses,
        u,
        counts[y]!,
        counts[y + 1]!,
        this.arrivals,
        this.tally,
      ),
    );
    counts.forEach((vector, y) => sumLanes(vector, laneTotals[y]!));
  }

  /** The last drawPupils' pupils by lane, each January from the base year's. */
  get pupils(): readonly Float64Array[] {
    return this.laneTotals;
  }

  /** A draw's figures for pupils by lane of this plan (this simulation's, or one that drawsSamePupilsAs it). */
  figuresOf(laneTotals: readonly Float64Array[]): DrawFigures {
    const { plan } = this;
    const money = this.spendPlan.money(laneTotals, this.income.computed.includes(true));
    const { spend } = money;
    const { inYear, cumulative } = drawBalances(this.income, money);
    const pupils = this.financialYears.map((fy) => {
      // A FY's January is in the AY of the same number (docs/methodology.md, "Calendars").
      const totals = laneTotals[fy - plan.baseYear]!;
      let total = 0;
      for (let l = 0; l < totals.length; l += 1) total += totals[l]!;
      return countDecimal(total);
    });
    return { pupils, spend, inYear, cumulative };
  }
}

function sumLanes(counts: Float64Array, totals: Float64Array): void {
  for (let l = 0; l < totals.length; l += 1) {
    let total = 0;
    for (let s = l * SPAN; s < (l + 1) * SPAN; s += 1) total += counts[s]!;
    totals[l] = total;
  }
}
