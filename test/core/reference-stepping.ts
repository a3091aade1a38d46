import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../../src/core/adjustments.js';
import { Dec } from '../../src/core/decimal.js';
import type { Model } from '../../src/core/model.js';
import { NCY_MAX, type Need } from '../../src/core/need.js';
import { newPlansByYear } from '../../src/core/new-plans.js';
import { CeasingRules, TransitionRules } from '../../src/core/rules.js';

/** What a reference year reports: pupils by lane (need, setting, band, bespoke) and the flows, counted cell by cell. */
export interface ReferenceYear {
  readonly byLane: Map<string, Decimal>;
  readonly bespokeByLane: Map<string, Decimal>;
  readonly pupils: Decimal;
  readonly ceased: Decimal;
  readonly agedOut: Decimal;
  readonly moved: Decimal;
  readonly joined: Decimal;
}

type Slot = { ncy: number; need: Need; setting: string; band: string; count: Decimal; bespoke?: Decimal };

/**
 * The stepping rules of docs/methodology.md written as plainly as possible: one Map entry per
 * cell, every flow summed cell by cell, in Decimal arithmetic. Slow, and independent of
 * src/core/step.ts, cohort.ts, lanes.ts and units.ts, so that property tests can hold the fast
 * engine to it, with a scenario's adjustments as src/core/trajectory.ts applies them: ceasing
 * factors (rate × factor kept within 0–1), new plans after levers, and moves after each step.
 */
export function referenceYears(model: Model, lastYear: number, adjustments: Adjustments = {}): ReferenceYear[] {
  const ceasing = new CeasingRules(model.ceasing);
  const transitions = new TransitionRules(model.transitions);
  const joiningByYear = newPlansByYear(model.newPlans, model.baseYear, lastYear, model.assumptions.newPlansGrowth);
  const zero = new Dec(0);
  const key = (c: Omit<Slot, 'count'>) => `${c.ncy}|${c.need}|${c.setting}|${c.band}|${c.bespoke !== undefined}`;
  const add = (into: Map<string, Slot>, c: Slot) => {
    const existing = into.get(key(c));
    if (!existing) into.set(key(c), { ...c });
    else {
      existing.count = existing.count.plus(c.count);
      if (c.bespoke !== undefined) existing.bespoke = existing.bespoke!.plus(c.bespoke);
    }
  };
  const moveCells = (from: Map<string, Slot>, ay: number): Map<string, Slot> => {
    let current = from;
    for (const move of adjustments.moves?.(ay) ?? []) {
      const moved = new Map<string, Slot>();
      for (const c of current.values()) {
        if (!move.matches(c)) { add(moved, c); continue; }
        const share = c.count.times(move.fraction);
        add(moved, { ...c, count: c.count.minus(share), ...(c.bespoke !== undefined ? { bespoke: c.bespoke.times(new Dec(1).minus(move.fraction)) } : {}) });
        add(moved, { ncy: c.ncy, need: c.need, setting: move.toSetting, band: move.toBand ?? c.band, count: share });
      }
      current = moved;
    }
    return current;
  };
  let cells = new Map<string, Slot>();
  for (const c of model.cohort) add(cells, { ncy: c.ncy, need: c.need, setting: c.setting, band: c.band, count: c.count, ...(c.bespokeAnnual ? { bespoke: c.bespokeAnnual } : {}) });
  cells = moveCells(cells, model.baseYear);
  const years: ReferenceYear[] = [summary(cells, zero, zero, zero, zero)];
  for (let ay = model.baseYear + 1; ay <= lastYear; ay += 1) {
    const next = new Map<string, Slot>();
    let ceased = zero;
    let agedOut = zero;
    let moved = zero;
    for (const c of cells.values()) {
      const given = ceasing.rate(c.ncy, c.need, c.setting);
      const factored = adjustments.ceasingFactor ? given.times(adjustments.ceasingFactor(ay - 1, c)) : given;
      const rate = Dec.min(new Dec(1), Dec.max(zero, factored));
      ceased = ceased.plus(c.count.times(rate));
      const continuing = c.count.times(new Dec(1).minus(rate));
      if (c.ncy === NCY_MAX) { agedOut = agedOut.plus(continuing); continue; }
      let staying = continuing;
      let share = zero;
      for (const rule of transitions.from(c.ncy, c.setting)) {
        const part = continuing.times(rule.rate);
        staying = staying.minus(part);
        share = share.plus(rule.rate);
        moved = moved.plus(part);
        add(next, { ncy: c.ncy + 1, need: c.need, setting: rule.toSetting, band: rule.toBand ?? c.band, count: part });
      }
      add(next, { ncy: c.ncy + 1, need: c.need, setting: c.setting, band: c.band, count: staying, ...(c.bespoke ? { bespoke: c.bespoke.times(new Dec(1).minus(rate)).times(new Dec(1).minus(share)) } : {}) });
    }
    let joined = zero;
    const joining = joiningByYear.get(ay) ?? [];
    for (const p of adjustments.newPlans ? adjustments.newPlans(ay, joining) : joining) {
      joined = joined.plus(p.count);
      add(next, { ncy: p.ncy, need: p.need, setting: p.setting, band: p.band, count: p.count });
    }
    cells = moveCells(next, ay);
    years.push(summary(cells, ceased, agedOut, moved, joined));
  }
  return years;
}

function summary(cells: Map<string, Slot>, ceased: Decimal, agedOut: Decimal, moved: Decimal, joined: Decimal): ReferenceYear {
  const byLane = new Map<string, Decimal>();
  const bespokeByLane = new Map<string, Decimal>();
  let pupils = new Dec(0);
  for (const c of cells.values()) {
    const lane = `${c.need}|${c.setting}|${c.band}|${c.bespoke !== undefined}`;
    byLane.set(lane, (byLane.get(lane) ?? new Dec(0)).plus(c.count));
    if (c.bespoke !== undefined) bespokeByLane.set(lane, (bespokeByLane.get(lane) ?? new Dec(0)).plus(c.bespoke));
    pupils = pupils.plus(c.count);
  }
  return { byLane, bespokeByLane, pupils, ceased, agedOut, moved, joined };
}
