import type { Decimal } from 'decimal.js';
import { ProjectionCache } from '../demand/cache.js';
import { countDecimal } from '../demand/count.js';
import type { DemandPlan } from '../demand/plan.js';
import { hasErrors, type Issue } from '../issue.js';
import type { Model } from '../model.js';
import { fundedByDfe } from '../place-cost.js';
import type { FinancialYear } from '../period.js';
import { project } from '../project.js';
import type { ProjectionOutcome } from '../projection.js';
import type { Scenario } from '../scenario/types.js';
import { drawBalances, incomeBasis, type IncomeBasis } from './balances.js';
import { PupilDraws, withScenario } from './pupil-draws.js';
import { PlacesRange } from './places-range.js';
import { rangeBoundIssues, rowBoundIssues } from './range-bounds.js';
import { SpendPlan } from './spend-plan.js';
import { TariffRange } from './tariff-range.js';

/** One draw's figures by projected FY: January pupils, spend, in-year and cumulative balance. */
export interface DrawFigures {
  readonly pupils: readonly Decimal[];
  readonly spend: readonly Decimal[];
  readonly inYear: readonly Decimal[];
  readonly cumulative: readonly Decimal[];
}

/**
 * An area (under a scenario) made ready to draw: its pupils (PupilDraws), its spend as terms and
 * its income, from one deterministic projection.
 */
export class AreaSimulation {
  readonly financialYears: readonly FinancialYear[];

  private constructor(
    readonly area: string,
    private readonly pupilDraws: PupilDraws,
    private readonly spendPlan: SpendPlan,
    private readonly income: IncomeBasis,
    /** A tariff lever's range: each draw's spend at its own share of the lever. */
    private readonly tariffRange: TariffRange | undefined,
    /** Whether the model has a "dfe" setting, whose place funding a draw's deductions follow. */
    private readonly withPlaceDfe: boolean,
    /** Places levers' ranges: each draw's money at its own number of places. */
    private readonly placesRange?: PlacesRange,
  ) {
    this.financialYears = spendPlan.financialYears;
  }

  /**
   * Prepares a model (under `scenario`, if given) for drawing. The deterministic projection runs
   * first: its errors (and warnings) are the simulation's, and its income and write-off are used.
   * A caller that has projected the same (the batch) gives its outcome, `projected`, instead.
   */
  static prepare(
    model: Model,
    scenario?: Scenario,
    cache = new ProjectionCache(),
    projected?: ProjectionOutcome,
  ): { simulation?: AreaSimulation; issues: readonly Issue[] } {
    const applied = withScenario(model, scenario, cache);
    const outcome = projected ?? project(applied.model, applied.adjustments, cache);
    if (!outcome.projection || hasErrors(outcome.issues)) return { issues: outcome.issues };
    const m = applied.model;
    const pupilDraws = PupilDraws.of(model.area.code, applied, scenario, cache);
    const rateBook = cache.rateBook(m.tariff, m.assumptions.tariffUplift);
    const spendPlan = new SpendPlan(pupilDraws.plan, m, applied.adjustments, rateBook);
    return {
      simulation: new AreaSimulation(
        model.area.code,
        pupilDraws,
        spendPlan,
        incomeBasis(outcome.projection),
        TariffRange.of(model, scenario, pupilDraws.plan, applied.adjustments, cache),
        m.tariff.settings.some(fundedByDfe),
        PlacesRange.of(scenario, pupilDraws.plan, m, applied.adjustments, rateBook),
      ),
      // Where a draw at a range's bound would find pupils it cannot price: said before any draw.
      issues: [
        ...outcome.issues,
        ...rangeBoundIssues(model, scenario, cache),
        ...rowBoundIssues(model, scenario, cache),
      ],
    };
  }

  /**
   * After a draw, that draw's pupils in each January by state (lane × NCY, src/core/demand/lanes.ts):
   * index 0 is the base year's January. The buffers are reused by the next draw.
   */
  januaries(): { readonly lanes: DemandPlan['lanes']; readonly counts: readonly Float64Array[] } {
    return { lanes: this.pupilDraws.plan.lanes, counts: this.pupilDraws.januaryCounts };
  }

  /** Draw `index` of this area under `seed`: the same figures whichever thread draws it, and in whatever order. */
  draw(seed: number, index: number): DrawFigures {
    this.pupilDraws.draw(seed, index);
    return this.figuresOf(this.pupilDraws.pupils, { seed, index });
  }

  /** The share a tariff lever's range takes in draw `index` under `seed`; undefined without one. */
  tariffShare(seed: number, index: number): Decimal | undefined {
    return this.tariffRange?.share(seed, index);
  }

  /** The places each ranged places lever takes in draw `index` under `seed`, by lever id; undefined without one. */
  leverPlaces(seed: number, index: number): Map<string, Decimal> | undefined {
    return this.placesRange?.places(seed, index);
  }

  /**
   * Whether `other` draws the same pupils as this for every seed and index (PupilDraws.drawsSamePupilsAs).
   * Then one draw's pupils can be costed under both (figuresOf).
   */
  drawsSamePupilsAs(other: AreaSimulation): boolean {
    return this.pupilDraws.drawsSamePupilsAs(other.pupilDraws);
  }

  /** Draws `index`'s pupils into the lane totals that `pupils` then gives (reused by the next draw). */
  drawPupils(seed: number, index: number): void {
    this.pupilDraws.draw(seed, index);
  }

  /** The last drawPupils' pupils by lane, each January from the base year's. */
  get pupils(): readonly Float64Array[] {
    return this.pupilDraws.pupils;
  }

  /**
   * A draw's figures for pupils by lane of this plan, each January from the base year's (this
   * simulation's, one that drawsSamePupilsAs it, or a worker's PupilDraws of the same model).
   */
  figuresOf(
    laneTotals: readonly Float64Array[],
    /** Which draw the pupils are: a tariff lever's range draws its share from it. */
    draw: { readonly seed: number; readonly index: number },
  ): DrawFigures {
    const { plan } = this.pupilDraws;
    const own = this.tariffRange
      ? this.tariffRange.money(
          laneTotals,
          this.withPlaceDfe,
          this.tariffRange.share(draw.seed, draw.index),
        )
      : this.spendPlan.money(laneTotals, this.withPlaceDfe);
    const money = this.placesRange ? this.placesRange.money(own, laneTotals, draw) : own;
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
