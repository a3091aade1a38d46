import type { Decimal } from 'decimal.js';
import type { Adjustments, PlacementMove } from '../adjustments.js';
import { CellAccumulator } from '../cells.js';
import { ONE, ZERO } from '../decimal.js';
import type { Cell } from '../model.js';
import type { AcademicYear } from '../period.js';
import { matches } from './filter.js';
import { profileFactor } from './profile.js';
import type { CeasingLever, Lever, MovePlacementsLever, NewPlansLever, PlacesLever, ShiftNewPlansLever } from './types.js';

/** The adjustments of the cohort levers, applied in lever order (docs/scenarios.md, "Levers"). */
export function leverAdjustments(levers: readonly Lever[]): Adjustments {
  const newPlanLevers = levers.filter((l): l is NewPlansLever | ShiftNewPlansLever => l.kind === 'new-plans' || l.kind === 'shift-new-plans');
  const ceasingLevers = levers.filter((l): l is CeasingLever => l.kind === 'ceasing');
  const moveLevers = levers.filter((l): l is MovePlacementsLever => l.kind === 'move-placements');
  const placeLevers = levers.filter((l): l is PlacesLever => l.kind === 'places');
  return {
    ...(newPlanLevers.length ? { newPlans: (ay: AcademicYear, cells: readonly Cell[]) => newPlanLevers.reduce((current, lever) => applyToNewPlans(lever, ay, current), cells) } : {}),
    ...(ceasingLevers.length ? { ceasingFactor: ceasingFactor(ceasingLevers) } : {}),
    ...(moveLevers.length ? { moves: (ay: AcademicYear) => moveLevers.flatMap((lever) => placementMove(lever, ay)) } : {}),
    ...(placeLevers.length ? { extraPlaces: (ay: AcademicYear, setting: string) => extraPlaces(placeLevers, ay, setting) } : {}),
  };
}

/**
 * The product of (1 + share × profile) over the ceasing levers whose filter a cell matches.
 * One Decimal per year and set of matching levers, handed out again for every cell that matches
 * the same levers: the projection memoises its adjusted rates by these objects.
 */
function ceasingFactor(levers: readonly CeasingLever[]): NonNullable<Adjustments['ceasingFactor']> {
  const byYear = new Map<AcademicYear, Map<string, Decimal>>();
  return (ay, cell) => {
    let products = byYear.get(ay);
    if (!products) {
      products = new Map();
      byYear.set(ay, products);
    }
    // Which levers match, as a key: every cell of every year asks, so no lever matching is the
    // first test and hands back ONE itself (the projection then keeps the model's own outflow).
    let matched = '';
    let any = false;
    for (const lever of levers) {
      const hit = matches(lever.filter, cell);
      any ||= hit;
      matched += hit ? '1' : '0';
    }
    if (!any) return ONE;
    let product = products.get(matched);
    if (product === undefined) {
      product = levers.reduce((f, l, i) => (matched[i] === '1' ? f.times(ONE.plus(l.share.times(profileFactor(l.profile, ay)))) : f), ONE);
      products.set(matched, product);
    }
    return product;
  };
}

function applyToNewPlans(lever: NewPlansLever | ShiftNewPlansLever, ay: AcademicYear, cells: readonly Cell[]): readonly Cell[] {
  const factor = lever.share.times(profileFactor(lever.profile, ay));
  if (factor.isZero()) return cells;
  if (lever.kind === 'new-plans') {
    // A year's new plans are distinct cells, so scaling some keeps them distinct and in order;
    // the cells that do not match are handed on as they are.
    const scale = ONE.plus(factor);
    return cells.map((cell) => (matches(lever.filter, cell) ? { ...cell, count: cell.count.times(scale) } : cell));
  }
  const out = new CellAccumulator();
  for (const { count, bespokeAnnual: _bespoke, ...attributes } of cells) {
    if (!matches(lever.filter, attributes)) { out.add(attributes, count); continue; }
    const moved = count.times(factor);
    out.add(attributes, count.minus(moved));
    out.add({ ...attributes, setting: lever.toSetting, band: lever.toBand ?? attributes.band }, moved);
  }
  return out.toCells();
}

/**
 * Moves existing pupils once: by AY y a share × f(y) of the pupils who matched has moved.
 * Each year moves the part of the remaining matching pupils that brings the total to that.
 */
function placementMove(lever: MovePlacementsLever, ay: AcademicYear): PlacementMove[] {
  const before = lever.share.times(profileFactor(lever.profile, ay - 1));
  const now = lever.share.times(profileFactor(lever.profile, ay));
  if (now.eq(before)) return [];
  return [{
    matches: (cell) => matches(lever.filter, cell),
    fraction: now.minus(before).div(ONE.minus(before)),
    toSetting: lever.toSetting,
    ...(lever.toBand !== undefined ? { toBand: lever.toBand } : {}),
  }];
}

function extraPlaces(levers: readonly PlacesLever[], ay: AcademicYear, setting: string): Decimal | undefined {
  let total: Decimal | undefined;
  for (const lever of levers) {
    if (lever.setting !== setting) continue;
    total = (total ?? ZERO).plus(lever.places.times(profileFactor(lever.profile, ay)));
  }
  return total;
}
