import { NCY_MAX } from '../need.js';
import { distinctSteps, type HistoryStep } from './history.js';
import { Tally } from './shrink.js';

/**
 * What the fit counts in the steps of its years (docs/calibration.md, "Estimators"), at each level of
 * the hierarchy NCY × need × setting → NCY × setting → NCY → all. Keys: `ncy|need|setting`,
 * `ncy|setting`, `ncy`, and '' for all.
 */
export interface Tallies {
  /** Ceasing: exposure = pupils in a state in January; event 'ceased' = no plan the January after. */
  readonly ceasing: Levels;
  /** Moves between settings: exposure = pupils who continue (below NCY 20); event = the setting moved to. */
  readonly moves: Levels;
  /** Moves and need changes: event = `setting|need` moved to (need '' when unchanged). */
  readonly changes: Levels;
  /** New plans: joiners by `ncy|need|setting` (their state the January after), by `ncy`, and by `ncy|setting`. */
  readonly joiners: Map<string, number>;
  /** States with at least one need change among those who continue: where need-specific rows are fitted. */
  readonly needChangers: Set<string>;
}

export interface Levels {
  readonly state: Tally;
  readonly ncySetting: Tally;
  readonly ncy: Tally;
  readonly all: Tally;
}

const levels = (): Levels => ({
  state: new Tally(),
  ncySetting: new Tally(),
  ncy: new Tally(),
  all: new Tally(),
});

export const CEASED = 'ceased';

export function tally(steps: readonly HistoryStep[]): Tallies {
  const t: Tallies = {
    ceasing: levels(),
    moves: levels(),
    changes: levels(),
    joiners: new Map(),
    needChangers: new Set(),
  };
  for (const [step, n] of distinctSteps(steps)) {
    const { from, to } = step;
    if (!from) {
      if (to) {
        const key = `${to.ncy}|${to.need}|${to.setting}`;
        t.joiners.set(key, (t.joiners.get(key) ?? 0) + n);
      }
      continue;
    }
    // Everyone at NCY 20 ages out whatever happens (docs/methodology.md): nothing to fit there.
    if (from.ncy >= NCY_MAX) continue;
    const keys = [
      `${from.ncy}|${from.need}|${from.setting}`,
      `${from.ncy}|${from.setting}`,
      `${from.ncy}`,
      '',
    ] as const;
    count(t.ceasing, keys, n, to ? undefined : CEASED);
    if (!to) continue;
    const moved = to.setting !== from.setting ? to.setting : undefined;
    count(t.moves, keys, n, moved);
    const needTo = to.need !== from.need ? to.need : '';
    if (needTo !== '') t.needChangers.add(keys[0]);
    count(
      t.changes,
      keys,
      n,
      moved !== undefined || needTo !== '' ? `${to.setting}|${needTo}` : undefined,
    );
  }
  return t;
}

/** `n` pupils exposed at each level, and the event (if any) they all had. */
function count(
  l: Levels,
  keys: readonly [string, string, string, string],
  n: number,
  event?: string,
): void {
  const tallies = [l.state, l.ncySetting, l.ncy, l.all];
  tallies.forEach((tally, i) => {
    const counts = tally.expose(keys[i]!, n);
    if (event !== undefined) tally.event(counts, event, n);
  });
}
