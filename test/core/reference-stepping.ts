import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../../src/core/adjustments.js';
import { Dec } from '../../src/core/decimal.js';
import type { Cell, Model, NewPlanRow } from '../../src/core/model.js';
import { NCY_MAX, type Need } from '../../src/core/need.js';

/** One setting's flows over a step, each counted where it happens. */
interface ReferenceFlows {
  opening: Decimal;
  newPlans: Decimal;
  ceased: Decimal;
  movedIn: Decimal;
  movedOut: Decimal;
  overflowIn: Decimal;
  overflowOut: Decimal;
  agedOut: Decimal;
  closing: Decimal;
}

/** What a reference year reports: pupils and bespoke costs by lane (need|setting|band|bespoke), and the flows by setting, counted cell by cell. */
export interface ReferenceYear {
  readonly byLane: Map<string, Decimal>;
  readonly bespokeByLane: Map<string, Decimal>;
  readonly pupils: Decimal;
  readonly flows: Map<string, ReferenceFlows>;
}

type Slot = {
  ncy: number;
  need: Need;
  setting: string;
  band: string;
  count: Decimal;
  bespoke?: Decimal;
  joined: Decimal;
  movedIn: Decimal;
};

const zero = new Dec(0);
const one = new Dec(1);

/**
 * The stepping rules of docs/methodology.md written as plainly as possible: one Map entry per
 * cell, every flow added where it happens, in Decimal arithmetic, with its own lookups of the
 * ceasing, transition and new-plan rules. Slow, and independent of src/core/demand/, so that
 * property tests can hold the engine to it, with a scenario's adjustments as the engine applies
 * them: a ceasing change (rate × its group's factor, kept within 0–1), new plans after levers, moves after
 * the new plans join, then capacity (newest arrivals first).
 */
export function referenceYears(
  model: Model,
  lastYear: number,
  adjustments: Adjustments = {},
): ReferenceYear[] {
  const key = (c: Omit<Slot, 'count' | 'joined' | 'movedIn'>) =>
    `${c.ncy}|${c.need}|${c.setting}|${c.band}|${c.bespoke !== undefined ? 'b' : ''}`;
  const add = (into: Map<string, Slot>, c: Omit<Slot, 'joined' | 'movedIn'> & Partial<Slot>) => {
    const existing = into.get(key(c));
    if (!existing) into.set(key(c), { joined: zero, movedIn: zero, ...c });
    else {
      existing.count = existing.count.plus(c.count);
      existing.joined = existing.joined.plus(c.joined ?? zero);
      existing.movedIn = existing.movedIn.plus(c.movedIn ?? zero);
      if (c.bespoke !== undefined) existing.bespoke = existing.bespoke!.plus(c.bespoke);
    }
  };
  const settings = [...model.tariff.settings.map((s) => s.id)];
  const flowsOf = (flows: Map<string, ReferenceFlows>, setting: string): ReferenceFlows => {
    let f = flows.get(setting);
    if (!f) {
      f = {
        opening: zero,
        newPlans: zero,
        ceased: zero,
        movedIn: zero,
        movedOut: zero,
        overflowIn: zero,
        overflowOut: zero,
        agedOut: zero,
        closing: zero,
      };
      flows.set(setting, f);
    }
    return f;
  };
  const moveCells = (
    from: Map<string, Slot>,
    ay: number,
    flows?: Map<string, ReferenceFlows>,
  ): Map<string, Slot> => {
    let current = from;
    for (const move of adjustments.moves?.(ay) ?? []) {
      const moved = new Map<string, Slot>();
      for (const c of current.values()) {
        const toBand = move.toBand ?? c.band;
        // A cell already where the move puts it does not move.
        const inPlace = c.setting === move.toSetting && c.band === toBand;
        if (!move.matches(c) || inPlace) {
          add(moved, c);
          continue;
        }
        const share = c.count.times(move.fraction);
        const stay = one.minus(move.fraction);
        add(moved, {
          ...c,
          count: c.count.minus(share),
          joined: c.joined.times(stay),
          movedIn: c.movedIn.times(stay),
          ...(c.bespoke !== undefined ? { bespoke: c.bespoke.times(stay) } : {}),
        });
        // Within its setting a bespoke cell keeps its fee (a share of its cost); elsewhere the tariff prices it.
        add(moved, {
          ncy: c.ncy,
          need: c.need,
          setting: move.toSetting,
          band: toBand,
          count: share,
          movedIn: c.setting === move.toSetting ? zero : share,
          ...(c.bespoke !== undefined && c.setting === move.toSetting
            ? { bespoke: c.bespoke.times(move.fraction) }
            : {}),
        });
        if (flows) {
          flowsOf(flows, c.setting).movedOut = flowsOf(flows, c.setting).movedOut.plus(share);
          flowsOf(flows, move.toSetting).movedIn = flowsOf(flows, move.toSetting).movedIn.plus(
            share,
          );
        }
      }
      current = moved;
    }
    return current;
  };
  let cells = new Map<string, Slot>();
  for (const c of model.cohort)
    add(cells, {
      ncy: c.ncy,
      need: c.need,
      setting: c.setting,
      band: c.band,
      count: c.count,
      ...(c.bespokeAnnual ? { bespoke: c.bespokeAnnual } : {}),
    });
  cells = moveCells(cells, model.baseYear);
  const years: ReferenceYear[] = [summary(cells, new Map())];
  for (let ay = model.baseYear + 1; ay <= lastYear; ay += 1) {
    const flows = new Map<string, ReferenceFlows>();
    for (const c of cells.values())
      flowsOf(flows, c.setting).opening = flowsOf(flows, c.setting).opening.plus(c.count);
    const next = new Map<string, Slot>();
    for (const c of cells.values()) {
      const f = flowsOf(flows, c.setting);
      const given = ceasingRate(model, c);
      const group = adjustments.ceasing?.groupOf(c) ?? 0;
      const factored =
        group !== 0 ? given.times(adjustments.ceasing!.factor(group, ay - 1)) : given;
      const rate = Dec.min(one, Dec.max(zero, factored));
      f.ceased = f.ceased.plus(c.count.times(rate));
      const continuing = c.count.times(one.minus(rate));
      if (c.ncy === NCY_MAX) {
        f.agedOut = f.agedOut.plus(continuing);
        continue;
      }
      let staying = continuing;
      let share = zero;
      for (const rule of transitionsFrom(model, c)) {
        const part = continuing.times(rule.rate);
        staying = staying.minus(part);
        share = share.plus(rule.rate);
        f.movedOut = f.movedOut.plus(part);
        flowsOf(flows, rule.toSetting).movedIn = flowsOf(flows, rule.toSetting).movedIn.plus(part);
        // Only pupils who change setting are arrivals there, to overflow before its existing pupils.
        add(next, {
          ncy: c.ncy + 1,
          need: rule.toNeed ?? c.need,
          setting: rule.toSetting,
          band: rule.toBand ?? c.band,
          count: part,
          movedIn: rule.toSetting === c.setting ? zero : part,
          ...(c.bespoke !== undefined && rule.toSetting === c.setting
            ? { bespoke: c.bespoke.times(one.minus(rate)).times(rule.rate) }
            : {}),
        });
      }
      add(next, {
        ncy: c.ncy + 1,
        need: c.need,
        setting: c.setting,
        band: c.band,
        count: staying,
        ...(c.bespoke ? { bespoke: c.bespoke.times(one.minus(rate)).times(one.minus(share)) } : {}),
      });
    }
    const joining = newPlansOf(model, ay);
    for (const cell of joining) {
      // A scenario's levers may scale a cell's plans or send shares of them elsewhere.
      const shares = adjustments.newPlans?.(ay, cell) ?? [
        { setting: cell.setting, band: cell.band, share: 1 },
      ];
      for (const { setting, band, share } of shares) {
        const count = cell.count.times(new Dec(String(share)));
        flowsOf(flows, setting).newPlans = flowsOf(flows, setting).newPlans.plus(count);
        add(next, { ncy: cell.ncy, need: cell.need, setting, band, count, joined: count });
      }
    }
    cells = overflow(model, ay, moveCells(next, ay, flows), flows, settings, add, flowsOf);
    for (const c of cells.values())
      flowsOf(flows, c.setting).closing = flowsOf(flows, c.setting).closing.plus(c.count);
    years.push(summary(cells, flows));
  }
  return years;
}

/** Pupils above each setting's capacity to its overflow setting: new plans first, then pupils who moved in, then the rest, the same share of each cell within a tier. */
function overflow(
  model: Model,
  ay: number,
  cells: Map<string, Slot>,
  flows: Map<string, ReferenceFlows>,
  settings: string[],
  add: (into: Map<string, Slot>, c: Slot) => void,
  flowsOf: (f: Map<string, ReferenceFlows>, s: string) => ReferenceFlows,
): Map<string, Slot> {
  const rows = (model.capacity ?? []).filter(
    (r) => r.academicYear === ay && (r.overflowTo ?? model.overflowSetting) !== undefined,
  );
  rows.sort((a, b) => settings.indexOf(a.setting) - settings.indexOf(b.setting));
  let current = cells;
  for (const row of rows) {
    const to = row.overflowTo ?? model.overflowSetting!;
    const tiers: ((c: Slot) => Decimal)[] = [
      (c) => c.joined,
      (c) => c.movedIn,
      (c) => c.count.minus(c.joined).minus(c.movedIn),
    ];
    let excess = [...current.values()]
      .filter((c) => c.setting === row.setting)
      .reduce((t, c) => t.plus(c.count), zero)
      .minus(row.places);
    for (const [tier, amount] of tiers.entries()) {
      if (!excess.greaterThan(0)) break;
      const inSetting = [...current.values()].filter((c) => c.setting === row.setting);
      const total = inSetting.reduce((t, c) => t.plus(amount(c)), zero);
      if (!total.greaterThan(0)) continue;
      const share = Dec.min(one, excess.div(total));
      const after = new Map<string, Slot>();
      for (const c of current.values()) {
        const moved = c.setting === row.setting ? amount(c).times(share) : zero;
        if (!moved.greaterThan(0)) {
          add(after, c);
          continue;
        }
        const left = c.count.minus(moved);
        add(after, {
          ...c,
          count: left,
          joined: tier === 0 ? c.joined.minus(moved) : c.joined,
          movedIn: tier === 1 ? c.movedIn.minus(moved) : c.movedIn,
          ...(c.bespoke !== undefined
            ? { bespoke: c.count.isZero() ? zero : c.bespoke.times(left).div(c.count) }
            : {}),
        });
        add(after, {
          ncy: c.ncy,
          need: c.need,
          setting: to,
          band: row.overflowBand ?? c.band,
          count: moved,
          joined: zero,
          movedIn: moved,
        });
        flowsOf(flows, row.setting).overflowOut = flowsOf(flows, row.setting).overflowOut.plus(
          moved,
        );
        flowsOf(flows, to).overflowIn = flowsOf(flows, to).overflowIn.plus(moved);
      }
      current = after;
      if (share.lessThan(one)) break;
      excess = excess.minus(total);
    }
  }
  return current;
}

/** The most specific ceasing row: need and setting, need, setting, NCY alone; none is 0. */
function ceasingRate(model: Model, c: Pick<Cell, 'ncy' | 'need' | 'setting'>): Decimal {
  const at = model.ceasing.filter((r) => r.ncy === c.ncy);
  const pick = (need: boolean, setting: boolean) =>
    at.find(
      (r) =>
        (need ? r.need === c.need : r.need === undefined) &&
        (setting ? r.setting === c.setting : r.setting === undefined),
    );
  return (
    (pick(true, true) ?? pick(true, false) ?? pick(false, true) ?? pick(false, false))?.rate ?? zero
  );
}

/** Rows naming the pupil's need replace the rows without a need. */
function transitionsFrom(model: Model, c: Pick<Cell, 'ncy' | 'need' | 'setting'>) {
  const here = model.transitions.filter((r) => r.fromNcy === c.ncy && r.fromSetting === c.setting);
  const own = here.filter((r) => r.need === c.need);
  return own.length ? own : here.filter((r) => r.need === undefined);
}

/** A year's new plans: rows for the year replace the every-year rows of their cell; counts grow, rates are per head of the population. */
function newPlansOf(model: Model, ay: number): Cell[] {
  const cellKey = (r: NewPlanRow) => `${r.ncy}|${r.need}|${r.setting}|${r.band}`;
  const fixed = model.newPlans.filter((r) => r.academicYear === ay);
  const fixedKeys = new Set(fixed.map(cellKey));
  let growth = one;
  for (let y = model.baseYear + 1; y < ay; y += 1)
    growth = growth.times(one.plus(model.assumptions.newPlansGrowth));
  const heads = (ncy: number) =>
    model.population?.find((p) => p.academicYear === ay && p.ncy === ncy)?.population ?? zero;
  const rows = [
    ...model.newPlans.filter((r) => r.academicYear === undefined && !fixedKeys.has(cellKey(r))),
    ...fixed,
  ];
  return rows.map((r) => ({
    ncy: r.ncy,
    need: r.need,
    setting: r.setting,
    band: r.band,
    count:
      r.rate !== undefined
        ? r.rate.times(heads(r.ncy))
        : r.academicYear === undefined
          ? r.count!.times(growth)
          : r.count!,
  }));
}

function summary(cells: Map<string, Slot>, flows: Map<string, ReferenceFlows>): ReferenceYear {
  const byLane = new Map<string, Decimal>();
  const bespokeByLane = new Map<string, Decimal>();
  let pupils = zero;
  for (const c of cells.values()) {
    const lane = `${c.need}|${c.setting}|${c.band}|${c.bespoke !== undefined}`;
    byLane.set(lane, (byLane.get(lane) ?? zero).plus(c.count));
    if (c.bespoke !== undefined)
      bespokeByLane.set(lane, (bespokeByLane.get(lane) ?? zero).plus(c.bespoke));
    pupils = pupils.plus(c.count);
  }
  return { byLane, bespokeByLane, pupils, flows };
}
