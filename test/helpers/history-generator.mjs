// A seeded history generator for calibrate's tests and bench (issue 15): people followed January to
// January under known rates, in the engine's own terms (ceasing by NCY and setting, transitions by
// NCY × setting with need-specific rows, new plans per head by NCY, need and setting), so that a
// fit can be held to the truth and a projection from the fit to one from the true rates.
// Deterministic: one xoroshiro128+ stream (pure-rand) from the seed, consumed in a fixed order.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The ceasing rate of a state: the most specific row (setting before NCY only), as the engine reads it. */
function ceasingRate(truth, s) {
  let any = 0;
  for (const row of truth.ceasing) {
    if (row.ncy !== s.ncy) continue;
    if (row.setting === s.setting) return row.rate;
    if (row.setting === undefined) any = row.rate;
  }
  return any;
}

/** The transition rows that apply to a state: its need's own rows, else the rows without a need. */
function movesOf(truth, s) {
  const at = truth.transitions.filter((t) => t.fromNcy === s.ncy && t.fromSetting === s.setting);
  const own = at.filter((t) => t.need === s.need);
  return own.length ? own : at.filter((t) => t.need === undefined);
}

function binomial(rng, n, p) {
  let k = 0;
  for (let i = 0; i < n; i += 1) if (uniformFloat64(rng) < p) k += 1;
  return k;
}

/**
 * Generates `years` years of history from January `first`: `initial` people ({ncy, need, setting,
 * count}) in the first January, then each year each person ceases, ages out at NCY 20, moves or
 * stays a year older, and new plans join per head of population(january, ncy).
 */
export function generateHistory({ seed, first, years, initial, truth, population }) {
  const rng = xoroshiro128plus(seed);
  let nextId = 1;
  let people = [];
  for (const group of initial)
    for (let i = 0; i < group.count; i += 1)
      people.push({
        id: nextId++,
        state: { ncy: group.ncy, need: group.need, setting: group.setting },
      });
  const steps = [];
  for (let year = first; year < first + years; year += 1) {
    const next = [];
    for (const person of people) {
      const s = person.state;
      const u = uniformFloat64(rng);
      if (s.ncy >= 20 || u < ceasingRate(truth, s)) {
        steps.push({ year, id: person.id, from: s });
        continue;
      }
      let v = uniformFloat64(rng);
      let to = { ncy: s.ncy + 1, need: s.need, setting: s.setting };
      for (const t of movesOf(truth, s)) {
        if (v < t.rate) {
          to = { ncy: s.ncy + 1, need: t.toNeed ?? s.need, setting: t.toSetting };
          break;
        }
        v -= t.rate;
      }
      steps.push({ year, id: person.id, from: s, to });
      next.push({ id: person.id, state: to });
    }
    for (const row of truth.newPlans) {
      const joiners = binomial(rng, population(year + 1, row.ncy), row.rate);
      for (let i = 0; i < joiners; i += 1) {
        const state = { ncy: row.ncy, need: row.need, setting: row.setting };
        const id = nextId++;
        steps.push({ year, id, to: state });
        next.push({ id, state });
      }
    }
    people = next;
  }
  return steps;
}

/** The steps in the open transitions format (NONSEND for no plan). */
export function transitionsCsv(steps) {
  const side = (s) => (s ? [s.setting, s.need, String(s.ncy)] : ['NONSEND', 'NONSEND', '']);
  const lines = steps.map((st) => {
    const from = st.from ? side(st.from) : ['NONSEND', 'NONSEND', String(st.to.ncy - 1)];
    const to = st.to ? side(st.to) : ['NONSEND', 'NONSEND', String(st.from.ncy + 1)];
    return [String(st.year), ...from, ...to].join(',');
  });
  return `calendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2\n${lines.join('\n')}\n`;
}

/** The same history as January snapshots: each person in each January they hold a plan. */
export function snapshotsCsv(steps) {
  const rows = [];
  const last = steps.reduce((max, s) => Math.max(max, s.year), -Infinity);
  for (const st of steps) {
    if (st.from) rows.push([st.year, `P${st.id}`, st.from.ncy, st.from.need, st.from.setting]);
    if (st.to && st.year === last)
      rows.push([st.year + 1, `P${st.id}`, st.to.ncy, st.to.need, st.to.setting]);
  }
  return `year,person_id,ncy,need,setting\n${rows.map((r) => r.join(',')).join('\n')}\n`;
}

/** population(january, ncy) for the Januaries from `first` to `last`, in the transitions format's layout. */
export function populationCsv(population, first, last, ncys) {
  const lines = [];
  for (let january = first; january <= last; january += 1)
    for (const ncy of ncys) lines.push(`${january},${ncy},${population(january, ncy)}`);
  return `calendar-year,academic-year,population\n${lines.join('\n')}\n`;
}
