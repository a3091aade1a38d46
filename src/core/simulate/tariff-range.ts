import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
import type { ProjectionCache } from '../demand/cache.js';
import { toDouble } from '../demand/count.js';
import type { DemandPlan } from '../demand/plan.js';
import { Dec, ONE, ZERO } from '../decimal.js';
import type { Model } from '../model.js';
import { applyScenario } from '../scenario/apply.js';
import type { Scenario, TariffLever } from '../scenario/types.js';
import type { RangeUncertainty } from '../uncertainty.js';
import { rangeDraw } from './draw-range.js';
import { type DrawMoney, SpendPlan } from './spend-plan.js';
import { drawStream, type Uniform } from './stream.js';

/**
 * A scenario's tariff lever with a range (docs/simulate.md, "Lever ranges"). The lever scales the
 * top-ups it matches by 1 + share × profile (src/core/scenario/tariff-lever.ts), and every charge
 * is pupils × rates, so a draw's spend is linear in the share: spend(s) = spend(0) + s × (spend(1)
 * − spend(0)), exactly, in Decimal. Two spend plans, at shares 0 and 1, cost each draw's pupils.
 * A draw's share comes from a stream of its own (seed, area, draw index and "tariff"), so the
 * pupils drawn are those of the scenario without the range, and scenarios may share them.
 */
export class TariffRange {
  private constructor(
    private readonly area: string,
    private readonly drawShare: (u: Uniform) => number,
    private readonly atZero: SpendPlan,
    private readonly atOne: SpendPlan,
  ) {}

  /** Undefined when no tariff lever of `scenario` has a range (scenarios.json allows one at most). */
  static of(
    model: Model,
    scenario: Scenario | undefined,
    plan: DemandPlan,
    adjustments: Adjustments,
    cache: ProjectionCache,
  ): TariffRange | undefined {
    const levers = scenario?.levers ?? [];
    const at = levers.findIndex((lever) => lever.kind === 'tariff' && lever.range && lever.share);
    if (!scenario || at < 0) return undefined;
    const lever = levers[at] as TariffLever & { share: Decimal; range: RangeUncertainty };
    const spendAt = (share: Decimal): SpendPlan => {
      const withShare = levers.map((other, i) => (i === at ? { ...lever, share } : other));
      const m = applyScenario(model, { ...scenario, levers: withShare }, undefined, {
        cache,
      }).model;
      const rateBook = cache.rateBook(m.tariff, m.assumptions.tariffUplift);
      return new SpendPlan(plan, m, adjustments, rateBook);
    };
    return new TariffRange(
      model.area.code,
      rangeDraw(lever.range, toDouble(lever.share)),
      spendAt(ZERO),
      spendAt(ONE),
    );
  }

  /** Draw `index`'s share under `seed`, as a decimal from its shortest text. */
  share(seed: number, index: number): Decimal {
    return new Dec(String(this.drawShare(drawStream(seed, `${this.area}\u0000tariff`, index))));
  }

  /** The money of a draw's pupils (SpendPlan.money) with the lever at `share`. */
  money(laneTotals: readonly Float64Array[], withPlaceDfe: boolean, share: Decimal): DrawMoney {
    const zero = this.atZero.money(laneTotals, withPlaceDfe);
    const one = this.atOne.money(laneTotals, withPlaceDfe);
    const between = (a: Decimal, b: Decimal) => a.plus(share.times(b.minus(a)));
    return {
      spend: zero.spend.map((a, i) => between(a, one.spend[i]!)),
      placeDfe: zero.placeDfe.map((a, i) => between(a, one.placeDfe[i]!)),
    };
  }
}
