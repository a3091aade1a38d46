import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import type { YearCounts } from '../project.js';
import type { CeasingRow, Model, TransitionRow } from '../model.js';
import type { AcademicYear } from '../period.js';
import { RateBook } from '../rate-book.js';
import type { Tariff } from '../tariff.js';
import { CountDecimals } from './count.js';
import { demandInputs, type DemandInputs } from './inputs.js';
import { LaneInterner } from './lanes.js';
import type { TariffLever } from '../scenario/types.js';
import { type Keyed, keyed } from './keyed.js';
import type { PlanBase, PlanParts } from './plan.js';
import { RuleBook } from './rule-book.js';
import type { Demand } from './run.js';

/**
 * What projections of the same model share, kept by a caller that runs many of them (a scenario
 * file, goal-seek, a batch worker's areas) and passed to each (../shared/style.md §7: a cache is
 * an object the caller creates). Everything in it is a pure function of the model's arrays and
 * values, found again by their identity, so a projection made with a cache prints exactly what one
 * made without prints; a model it has not seen just does the work.
 */
export class ProjectionCache {
  readonly interner = new LaneInterner();
  private readonly ruleBooks = new WeakMap<
    readonly CeasingRow[],
    WeakMap<readonly TransitionRow[], RuleBook>
  >();
  private readonly inputsByCohort = new WeakMap<Model['cohort'], InputsEntry[]>();
  private readonly rateBooks = new WeakMap<Tariff, Map<string, RateBook>>();
  private readonly demands = new WeakMap<DemandInputs, Keyed<Demand>[]>();
  private readonly planBases = new WeakMap<DemandInputs, Keyed<PlanBase>[]>();
  private readonly years = new WeakMap<Float64Array, YearCounts>();
  /**
   * One for every projection this cache serves, not one per cohort: the national batch's 153
   * areas convert 48,457 distinct counts, which with one per area were converted 102,857 times.
   */
  private readonly countDecimals = new CountDecimals();
  private readonly leveredTariffs = new WeakMap<
    Tariff,
    WeakMap<TariffLever, Map<string, Tariff>>
  >();

  /** A model's inputs and rules as lanes. */
  parts(model: Model, lastYear: AcademicYear): PlanParts {
    return {
      inputs: this.inputs(model, lastYear),
      book: this.ruleBook(model),
      interner: this.interner,
    };
  }

  rateBook(tariff: Tariff, modelUplift: Decimal): RateBook {
    let byUplift = this.rateBooks.get(tariff);
    if (!byUplift) {
      byUplift = new Map();
      this.rateBooks.set(tariff, byUplift);
    }
    let book = byUplift.get(modelUplift.toString());
    if (!book) {
      book = new RateBook(tariff, modelUplift);
      byUplift.set(modelUplift.toString(), book);
    }
    return book;
  }

  /**
   * What a year's costing reads of its lane totals alone (src/core/project.ts yearCounts), once per
   * year of a demand. Keyed by the totals array alone, though `make` also reads the caller's lanes
   * and counts: all depend only on the demand. The array is one year of one demand; the lanes are
   * that demand's plan.lanes (which are bespoke does not depend on the rate book); and a
   * CountDecimals makes countDecimal's Decimal whichever one is asked. Every caller holding this
   * array makes the same.
   */
  yearCounts(laneTotals: Float64Array, make: () => YearCounts): YearCounts {
    let counts = this.years.get(laneTotals);
    if (!counts) {
      counts = make();
      this.years.set(laneTotals, counts);
    }
    return counts;
  }

  /** Counts made Decimals for the money path, each value once (src/core/demand/count.ts). */
  counts(): CountDecimals {
    return this.countDecimals;
  }

  /**
   * A tariff with a lever applied, once per tariff, lever and `key` (the uplift and the end of the
   * projection it is applied for): the areas of a batch share them, and so the rate book.
   */
  tariffWithLever(tariff: Tariff, lever: TariffLever, key: string, apply: () => Tariff): Tariff {
    let byLever = this.leveredTariffs.get(tariff);
    if (!byLever) {
      byLever = new WeakMap();
      this.leveredTariffs.set(tariff, byLever);
    }
    let byKey = byLever.get(lever);
    if (!byKey) {
      byKey = new Map();
      byLever.set(lever, byKey);
    }
    let levered = byKey.get(key);
    if (!levered) {
      levered = apply();
      byKey.set(key, levered);
    }
    return levered;
  }

  /**
   * The demand of a projection whose adjustments leave pupils alone (a tariff, funding or places
   * lever), made once: every such scenario of a model has the same cohort, rules and capacity.
   */
  demand(model: Model, parts: PlanParts, adjustments: Adjustments, make: () => Demand): Demand {
    if (adjustments.newPlans || adjustments.ceasing || adjustments.moves) return make();
    return keyed(this.demands, model, parts, make);
  }

  /** The lanes, rates and base vector of a model's plan, which a scenario whose levers lead to no other lane reuses (src/core/demand/plan.ts). */
  planBase(model: Model, parts: PlanParts, make: () => PlanBase): PlanBase {
    return keyed(this.planBases, model, parts, make);
  }

  private ruleBook(model: Model): RuleBook {
    let byTransitions = this.ruleBooks.get(model.ceasing);
    if (!byTransitions) {
      byTransitions = new WeakMap();
      this.ruleBooks.set(model.ceasing, byTransitions);
    }
    let book = byTransitions.get(model.transitions);
    if (!book) {
      book = new RuleBook(model.ceasing, model.transitions, this.interner);
      byTransitions.set(model.transitions, book);
    }
    return book;
  }

  private inputs(model: Model, lastYear: AcademicYear): DemandInputs {
    const entries = this.inputsByCohort.get(model.cohort) ?? [];
    const growth = model.assumptions.newPlansGrowth.toString();
    const hit = entries.find(
      (e) =>
        e.newPlans === model.newPlans &&
        e.population === model.population &&
        e.baseYear === model.baseYear &&
        e.lastYear === lastYear &&
        e.growth === growth,
    );
    if (hit) return hit.inputs;
    const inputs = demandInputs(model, lastYear, this.interner);
    // A goal-seek on growth makes a new entry per value tried: keep the last few.
    this.inputsByCohort.set(
      model.cohort,
      [
        {
          newPlans: model.newPlans,
          population: model.population,
          baseYear: model.baseYear,
          lastYear,
          growth,
          inputs,
        },
        ...entries,
      ].slice(0, INPUTS_PER_COHORT),
    );
    return inputs;
  }
}

const INPUTS_PER_COHORT = 8;

interface InputsEntry {
  readonly newPlans: Model['newPlans'];
  readonly population: Model['population'];
  readonly baseYear: AcademicYear;
  readonly lastYear: AcademicYear;
  readonly growth: string;
  readonly inputs: DemandInputs;
}
