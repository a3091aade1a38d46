import { InternalError } from '../errors.js';
import { NCY_MAX, NCY_MIN, type Need } from '../need.js';
import type { HistoryStep } from './history.js';
import { fitNewPlans } from './fit-new-plans.js';
import {
  type Fit,
  type FitOptions,
  type FittedCeasing,
  type FittedTransition,
  printed,
} from './fitted.js';
import { shrinkDown } from './shrink.js';
import { CEASED, type Levels, tally } from './tallies.js';

/** Fits ceasing, transitions and new plans to the steps of the fit years (docs/calibration.md). */
export function fitRates(steps: readonly HistoryStep[], options: FitOptions): Fit {
  const t = tally(steps);
  const w = options.weight;
  const ceasing: FittedCeasing[] = [];
  for (let ncy = NCY_MIN; ncy < NCY_MAX; ncy += 1) {
    const s = shrinkDown(CEASED, t.ceasing.all, [[`${ncy}`, t.ceasing.ncy]], w);
    ceasing.push({ ncy, ...printed('ncy', s) });
  }
  for (const key of sortedKeys(t.ceasing.ncySetting)) {
    const [ncy, setting] = split2(key);
    const s = shrinkDown(CEASED, t.ceasing.all, chain(t.ceasing, key, 2), w);
    ceasing.push({ ncy, setting, ...printed('ncy-setting', s) });
  }
  for (const key of sortedKeys(t.ceasing.state)) {
    const [ncy, need, setting] = split3(key);
    const s = shrinkDown(CEASED, t.ceasing.all, chain(t.ceasing, key, 3), w);
    ceasing.push({ ncy, need, setting, ...printed('ncy-need-setting', s) });
  }

  const transitions: FittedTransition[] = [];
  for (const key of sortedKeys(t.moves.ncySetting)) {
    const [fromNcy, fromSetting] = split2(key);
    const targets = [...(t.moves.ncy.groups.get(`${fromNcy}`)?.events.keys() ?? [])]
      .filter((to) => to !== fromSetting)
      .sort();
    for (const toSetting of targets) {
      const s = shrinkDown(toSetting, t.moves.all, chain(t.moves, key, 2), w);
      transitions.push({ fromNcy, fromSetting, toSetting, ...printed('ncy-setting', s, true) });
    }
  }
  for (const key of [...t.needChangers].sort(byState)) {
    const [fromNcy, need, fromSetting] = split3(key);
    const events = [
      ...(t.changes.ncySetting.groups.get(`${fromNcy}|${fromSetting}`)?.events.keys() ?? []),
    ];
    for (const event of events.sort()) {
      const [toSetting, toNeedText] = event.split('|') as [string, string];
      // A change to the pupil's own need is no change; a move keeping it is the event `setting|`.
      if (toNeedText === need) continue;
      const s = shrinkDown(event, t.changes.all, chain(t.changes, key, 3), w);
      const toNeed = toNeedText === '' ? undefined : (toNeedText as Need);
      transitions.push({
        fromNcy,
        fromSetting,
        toSetting,
        need,
        ...(toNeed ? { toNeed } : {}),
        ...printed('ncy-need-setting', s, true),
      });
    }
  }
  return { ceasing, transitions, newPlans: fitNewPlans(steps, t.joiners, options) };
}

/** The levels below the top, most general first, down to `depth` (2: NCY × setting; 3: the state). */
function chain(l: Levels, key: string, depth: 2 | 3): [string, typeof l.ncy][] {
  const parts = key.split('|');
  const ncy = parts[0]!;
  const setting = parts[parts.length - 1]!;
  const levels: [string, typeof l.ncy][] = [
    [ncy, l.ncy],
    [`${ncy}|${setting}`, l.ncySetting],
  ];
  if (depth === 3) levels.push([key, l.state]);
  return levels;
}

const sortedKeys = (tally: { groups: Map<string, unknown> }): string[] =>
  [...tally.groups.keys()].sort(byState);

/** NCY in numeric order, then the rest of the key as text. */
function byState(a: string, b: string): number {
  const na = Number(a.split('|', 1)[0]);
  const nb = Number(b.split('|', 1)[0]);
  return na !== nb ? na - nb : a < b ? -1 : a > b ? 1 : 0;
}

function split2(key: string): [number, string] {
  const [ncy, setting] = key.split('|');
  if (setting === undefined) throw new InternalError(`bad key ${key}`);
  return [Number(ncy), setting];
}

function split3(key: string): [number, Need, string] {
  const [ncy, need, setting] = key.split('|');
  if (setting === undefined) throw new InternalError(`bad key ${key}`);
  return [Number(ncy), need as Need, setting];
}
