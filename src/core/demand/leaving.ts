import { ONE, sum } from '../decimal.js';
import type { TransitionRow } from '../model.js';
import { NCY_MIN, type Need } from '../need.js';
import type { TransitionRules } from '../rules.js';
import { toDouble } from './count.js';
import { SPAN } from './lanes.js';

/**
 * The transitions out of one (setting, need), whatever the lane's band, fee or placement: each
 * rate made a double once for all the lanes that share them. Rows out of NCY offset o are
 * `rows[start[o]] … rows[start[o + 1]]` (none past NCY 20: every continuing pupil ages out).
 */
export interface Leaving {
  readonly start: Int32Array;
  readonly rows: readonly TransitionRow[];
  readonly share: Float64Array;
  /** The share that stays at each offset: 1 − Σ rates, exactly, then a double. */
  readonly keep: Float64Array;
  /**
   * Where each row sends pupils, as an index into `places`: the distinct (to need, to setting, to
   * band) of the rows, in order of the first row that names each.
   */
  readonly place: Int32Array;
  readonly places: readonly { readonly row: TransitionRow }[];
}

export function leavingOf(rules: TransitionRules, setting: string, need: Need): Leaving {
  const start = new Int32Array(SPAN + 1);
  const rows: TransitionRow[] = [];
  const keep = new Float64Array(SPAN).fill(1);
  for (let offset = 0; offset < SPAN; offset += 1) {
    start[offset] = rows.length;
    if (offset === SPAN - 1) continue;
    const from = rules.from(offset + NCY_MIN, setting, need);
    rows.push(...from);
    if (from.length) keep[offset] = toDouble(ONE.minus(sum(from.map((row) => row.rate))));
  }
  start[SPAN] = rows.length;
  const placeOf = new Map<string, number>();
  const places: { row: TransitionRow }[] = [];
  const place = Int32Array.from(rows, (row) => {
    const key = `${row.toNeed ?? ''}\u0000${row.toSetting}\u0000${row.toBand ?? ''}`;
    let index = placeOf.get(key);
    if (index === undefined) {
      index = places.push({ row }) - 1;
      placeOf.set(key, index);
    }
    return index;
  });
  return {
    start,
    rows,
    share: Float64Array.from(rows, (row) => toDouble(row.rate)),
    keep,
    place,
    places,
  };
}
