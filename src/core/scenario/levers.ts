import type { Decimal } from 'decimal.js';
import type {
  Adjustments,
  CeasingChange,
  CellPlace,
  LanePlace,
  NcyRange,
  NewPlanShare,
  NewPlanStep,
  PlacementMove,
} from '../adjustments.js';
import { toDouble } from '../demand/count.js';
import { ONE, ZERO } from '../decimal.js';
import type { AcademicYear } from '../period.js';
import { matches, ncyRange } from './filter.js';
import { profileFactor } from './profile.js';
import type {
  CeasingLever,
  Lever,
  MovePlacementsLever,
  NewPlansLever,
  PlacesLever,
  ShiftNewPlansLever,
} from './types.js';

/** The adjustments of the cohort levers, applied in lever order (docs/scenarios.md, "Levers"). */
export function leverAdjustments(levers: readonly Lever[]): Adjustments {
  const newPlanLevers = levers.flatMap((lever, index) =>
    lever.kind === 'new-plans' || lever.kind === 'shift-new-plans' ? [{ lever, index }] : [],
  );
  const ceasingLevers = levers.filter((l): l is CeasingLever => l.kind === 'ceasing');
  const moveLevers = levers.flatMap((l, index) =>
    l.kind === 'move-placements' ? [{ lever: l, index }] : [],
  );
  const placeLevers = levers.filter((l): l is PlacesLever => l.kind === 'places');
  return {
    ...(newPlanLevers.length
      ? {
          newPlans: newPlanShares(newPlanLevers),
          // A cell no lever's filter matches keeps its plans (a shifted part is seen by later levers only).
          newPlansReach: (cell: CellPlace) =>
            newPlanLevers.some(({ lever }) => matches(lever.filter, cell)),
        }
      : {}),
    ...(ceasingLevers.length ? { ceasing: ceasingChange(ceasingLevers) } : {}),
    ...(moveLevers.length ? { moves: placementMoves(moveLevers) } : {}),
    ...(placeLevers.length
      ? {
          extraPlaces: (ay: AcademicYear, setting: string) => extraPlaces(placeLevers, ay, setting),
        }
      : {}),
  };
}

/**
 * The ceasing levers as a change by group: a cell's group is the set of levers whose filter it
 * matches (0: none), and a group's factor in AY ay the product of (1 + share × profile) over them.
 * A set is numbered by its bits while they fit a double exactly (52 levers), else by a table.
 */
function ceasingChange(levers: readonly CeasingLever[]): CeasingChange {
  const products = new Map<string, Decimal>();
  const sets = [''];
  const numbered = new Map<string, number>([['', 0]]);
  const bits = levers.length <= 52;
  const inSet = (group: number, i: number): boolean =>
    bits ? Math.floor(group / 2 ** i) % 2 === 1 : sets[group]![i] === '1';
  /** The group of the set of levers for which `matched(i)` holds. */
  const groupOfSet = (matched: (i: number) => boolean): number => {
    if (bits) return levers.reduce((group, _, i) => (matched(i) ? group + 2 ** i : group), 0);
    const set = levers.some((_, i) => matched(i))
      ? levers.map((_, i) => (matched(i) ? '1' : '0')).join('')
      : '';
    let group = numbered.get(set);
    if (group === undefined) {
      group = sets.push(set) - 1;
      numbered.set(set, group);
    }
    return group;
  };
  return {
    groupOf: (cell) => groupOfSet((i) => matches(levers[i]!.filter, cell)),
    groupsAt: (place) => {
      const ranges = levers.map((lever) => ncyRange(lever.filter, place));
      // The set can change only where a lever's range starts or ends.
      const edges: number[] = [];
      for (const range of ranges) if (range) edges.push(range.from, range.to + 1);
      if (edges.length === 2)
        return [{ from: edges[0]!, to: edges[1]! - 1, group: groupOfSet((i) => !!ranges[i]) }];
      const sorted = [...new Set(edges)].sort((a, b) => a - b);
      return sorted.slice(0, -1).flatMap((from, k) => {
        const group = groupOfSet((i) => ranges[i] !== undefined && within(from, ranges[i]));
        return group === 0 ? [] : [{ from, to: sorted[k + 1]! - 1, group }];
      });
    },
    factor: (group, ay) => {
      const key = `${group}\u0000${ay}`;
      let product = products.get(key);
      if (product === undefined) {
        product = levers.reduce(
          (f, l, i) =>
            inSet(group, i) ? f.times(ONE.plus(l.share.times(profileFactor(l.profile, ay)))) : f,
          ONE,
        );
        products.set(key, product);
      }
      return product;
    },
  };
}

/**
 * A cell's new plans after the new-plan levers, in lever order: a new-plans lever scales the plans
 * that match it by (1 + share × profile); a shift-new-plans lever sends that share of the matching
 * plans to another setting (and band), where a later lever sees them in their new place. Each
 * lever's factor is a double once per year; a cell no lever touches is left as given (undefined).
 */
function newPlanShares(
  levers: readonly { lever: NewPlansLever | ShiftNewPlansLever; index: number }[],
): NonNullable<Adjustments['newPlans']> {
  const factors = new Map<AcademicYear, number[]>();
  const factorsIn = (ay: AcademicYear): number[] => {
    let byLever = factors.get(ay);
    if (!byLever) {
      byLever = levers.map(({ lever }) =>
        toDouble(lever.share.times(profileFactor(lever.profile, ay))),
      );
      factors.set(ay, byLever);
    }
    return byLever;
  };
  return (ay, cell) => {
    const byLever = factorsIn(ay);
    // Most cells match no lever: they are left as given without building their parts.
    if (!levers.some(({ lever }, i) => byLever[i] !== 0 && matches(lever.filter, cell)))
      return undefined;
    let parts: NewPlanShare[] = [{ setting: cell.setting, band: cell.band, share: 1, steps: [] }];
    let changed = false;
    levers.forEach(({ lever, index }, i) => {
      const factor = byLever[i]!;
      if (factor === 0) return;
      parts = parts.flatMap((part) => {
        const place: CellPlace = {
          ncy: cell.ncy,
          need: cell.need,
          setting: part.setting,
          band: part.band,
        };
        if (!matches(lever.filter, place)) return [part];
        changed = true;
        const step = (role: NewPlanStep['role']) => [...(part.steps ?? []), { lever: index, role }];
        if (lever.kind === 'new-plans')
          return [{ ...part, share: part.share * (1 + factor), steps: step('scaled') }];
        return [
          { ...part, share: part.share * (1 - factor), steps: step('stayed') },
          {
            setting: lever.toSetting,
            band: lever.toBand ?? part.band,
            share: part.share * factor,
            steps: step('shifted'),
          },
        ];
      });
    });
    return changed ? parts : undefined;
  };
}

/**
 * Moves existing pupils once: by AY y a share × f(y) of the pupils who matched has moved.
 * Each year moves the part of the remaining matching pupils that brings the total to that.
 * A lever's moves share one `matches` function from year to year, so the projection can see
 * they reach the same placements.
 */
function placementMoves(
  levers: readonly { lever: MovePlacementsLever; index: number }[],
): NonNullable<Adjustments['moves']> {
  const matchers = levers.map(({ lever }) => ({
    matches: (cell: CellPlace) => matches(lever.filter, cell),
    ncysAt: (place: LanePlace) => ncyRange(lever.filter, place),
  }));
  return (ay) =>
    levers.flatMap(({ lever, index }, i) => {
      const before = lever.share.times(profileFactor(lever.profile, ay - 1));
      const now = lever.share.times(profileFactor(lever.profile, ay));
      if (now.eq(before)) return [];
      const move: PlacementMove = {
        ...matchers[i]!,
        fraction: now.minus(before).div(ONE.minus(before)),
        toSetting: lever.toSetting,
        ...(lever.toBand !== undefined ? { toBand: lever.toBand } : {}),
        lever: index,
      };
      return [move];
    });
}

const within = (ncy: number, { from, to }: NcyRange): boolean => ncy >= from && ncy <= to;

function extraPlaces(
  levers: readonly PlacesLever[],
  ay: AcademicYear,
  setting: string,
): Decimal | undefined {
  let total: Decimal | undefined;
  for (const lever of levers) {
    if (lever.setting !== setting) continue;
    total = (total ?? ZERO).plus(lever.places.times(profileFactor(lever.profile, ay)));
  }
  return total;
}
