import type { Decimal } from 'decimal.js';
import type { Adjustments } from '../adjustments.js';
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
    ...(newPlanLevers.length ? { newPlans: (ay: AcademicYear, cells: readonly Cell[]) => newPlanLevers.reduce((current, lever) => applyToNewPlans(lever, ay, current), [...cells]) } : {}),
    ...(ceasingLevers.length ? { ceasingFactor: (ay: AcademicYear, cell: Cell) => ceasingLevers.reduce((f, l) => (matches(l.filter, cell) ? f.times(ONE.plus(l.share.times(profileFactor(l.profile, ay)))) : f), ONE) } : {}),
    ...(moveLevers.length ? { cohort: (ay: AcademicYear, cells: readonly Cell[]) => moveLevers.reduce((current, lever) => movePlacements(lever, ay, current), [...cells]) } : {}),
    ...(placeLevers.length ? { extraPlaces: (ay: AcademicYear, setting: string) => extraPlaces(placeLevers, ay, setting) } : {}),
  };
}

function applyToNewPlans(lever: NewPlansLever | ShiftNewPlansLever, ay: AcademicYear, cells: readonly Cell[]): Cell[] {
  const factor = lever.share.times(profileFactor(lever.profile, ay));
  if (factor.isZero()) return [...cells];
  const out = new CellAccumulator();
  for (const { count, bespokeAnnual: _bespoke, ...attributes } of cells) {
    if (!matches(lever.filter, attributes)) { out.add(attributes, count); continue; }
    if (lever.kind === 'new-plans') { out.add(attributes, count.times(ONE.plus(factor))); continue; }
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
function movePlacements(lever: MovePlacementsLever, ay: AcademicYear, cells: readonly Cell[]): Cell[] {
  const before = lever.share.times(profileFactor(lever.profile, ay - 1));
  const now = lever.share.times(profileFactor(lever.profile, ay));
  if (now.eq(before)) return [...cells];
  const fraction = now.minus(before).div(ONE.minus(before));
  const out = new CellAccumulator();
  for (const { count, bespokeAnnual, ...attributes } of cells) {
    if (!matches(lever.filter, attributes)) { out.add(attributes, count, bespokeAnnual); continue; }
    const moved = count.times(fraction);
    out.add(attributes, count.minus(moved), bespokeAnnual?.times(ONE.minus(fraction)));
    // A moved pupil is priced by the tariff of the new placement: any bespoke fee stays behind.
    out.add({ ...attributes, setting: lever.toSetting, band: lever.toBand ?? attributes.band }, moved);
  }
  return out.toCells();
}

function extraPlaces(levers: readonly PlacesLever[], ay: AcademicYear, setting: string): Decimal | undefined {
  let total: Decimal | undefined;
  for (const lever of levers) {
    if (lever.setting !== setting) continue;
    total = (total ?? ZERO).plus(lever.places.times(profileFactor(lever.profile, ay)));
  }
  return total;
}
