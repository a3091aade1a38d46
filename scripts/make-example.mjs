// Writes fixtures/example/cohort.csv and new-plans.csv for the shipped example area.
// Deterministic (fixed seed, integer arithmetic only): rerunning gives the same bytes.
// Mixes follow national figures (sources in fixtures/example/README.md): primary need shares (Jan 2025,
// EES), 44% mainstream / 30% special among school pupils, ~26% of plans starting at 4–5
// and ~19% at 10–11. Bands and counts are illustrative; see fixtures/example/README.md.
import { writeFileSync } from 'node:fs';

const out = new URL('../fixtures/example/', import.meta.url);
let state = 20251;
const random = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};

// Jan 2025 primary need counts (EES; fixtures/example/README.md), used as weights.
const needs = [
  ['ASD', 201183],
  ['SLCN', 135836],
  ['SEMH', 132217],
  ['MLD', 67861],
  ['SLD', 25681],
  ['PD', 24897],
  ['SpLD', 14374],
  ['HI', 8765],
  ['PMLD', 8577],
  ['OTH', 7512],
  ['VI', 5280],
  ['MSI', 1692],
];
const pick = (pairs) => {
  const total = pairs.reduce((t, [, w]) => t + w, 0);
  let r = random() * total;
  for (const [v, w] of pairs) {
    r -= w;
    if (r < 0) return v;
  }
  return pairs[pairs.length - 1][0];
};

// Pupils per NCY for a ~2,500-plan area: few in early years, a peak through secondary, a post-16 tail.
const perNcy = {
  '-1': 22,
  0: 80,
  1: 108,
  2: 124,
  3: 141,
  4: 153,
  5: 164,
  6: 170,
  7: 186,
  8: 192,
  9: 192,
  10: 186,
  11: 181,
  12: 158,
  13: 136,
  14: 96,
  15: 68,
  16: 51,
  17: 40,
  18: 28,
  19: 17,
  20: 11,
};

function settingFor(ncy, need) {
  const heavy = ['SLD', 'PMLD', 'MSI'].includes(need);
  if (ncy >= 14)
    return pick([
      ['fe-college', 80],
      ['independent', heavy ? 12 : 6],
      ['special-maintained', heavy ? 15 : 4],
    ]);
  if (ncy >= 12)
    return pick([
      ['fe-college', 45],
      ['mainstream', 20],
      ['special-maintained', heavy ? 30 : 12],
      ['special-academy', heavy ? 20 : 10],
      ['independent', 6],
    ]);
  const semh = need === 'SEMH';
  return pick([
    ['mainstream', heavy ? 10 : 46],
    ['resourced-provision', 5],
    ['special-maintained', heavy ? 45 : 16],
    ['special-academy', heavy ? 35 : 13],
    ['independent', semh || need === 'ASD' ? 7 : 3],
    ['nmss', 2],
    ['ap', semh && ncy >= 5 ? 8 : 0.2],
  ]);
}
const bandsFor = {
  mainstream: ['1', '2', '3', '4', '5'],
  'resourced-provision': ['1', '2', '3'],
  'special-maintained': ['1', '2', '3', '4', '5'],
  'special-academy': ['1', '2', '3', '4', '5'],
  ap: ['1', '2'],
  nmss: ['fee'],
  'fe-college': ['1', '2', '3'],
};

const cells = new Map();
const bespoke = [];
for (const [ncyText, size] of Object.entries(perNcy)) {
  const ncy = Number(ncyText);
  for (let i = 0; i < size; i += 1) {
    const need = pick(needs);
    const setting = settingFor(ncy, need);
    if (setting === 'independent') {
      // Independent placements are priced per pupil: fees of £45k–£95k in £500 steps.
      bespoke.push([ncy, need, setting, '', `${45000 + Math.floor(random() * 101) * 500}.00`]);
      continue;
    }
    const bands = bandsFor[setting];
    const band =
      bands[Math.min(bands.length - 1, Math.floor(random() * random() * bands.length * 1.6))];
    const key = [ncy, need, setting, band].join(',');
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
}
const byNcy = (a, b) =>
  Number(a.split(',')[0]) - Number(b.split(',')[0]) || (a < b ? -1 : a > b ? 1 : 0);
const cohort = ['ncy,need,setting,band,count,annual_cost'];
for (const key of [...cells.keys()].sort(byNcy)) cohort.push(`${key},${cells.get(key)},`);
for (const [ncy, need, setting, band, cost] of bespoke.sort((a, b) => a[0] - b[0]))
  cohort.push(`${ncy},${need},${setting},${band},,${cost}`);
writeFileSync(new URL('cohort.csv', out), `${cohort.join('\n')}\n`);

// New plans in the first projected year: ~15% of the stock (97,747 new plans in 2024 against
// 575,963 plans), concentrated at NCY 0 and 6–7 (phase transfers).
const newPerNcy = {
  '-1': 20,
  0: 70,
  1: 30,
  2: 25,
  3: 25,
  4: 25,
  5: 25,
  6: 40,
  7: 35,
  8: 20,
  9: 18,
  10: 15,
  11: 10,
  12: 8,
  13: 5,
};
const plans = new Map();
for (const [ncyText, size] of Object.entries(newPerNcy)) {
  const ncy = Number(ncyText);
  for (let i = 0; i < size; i += 1) {
    const need = pick(needs);
    let setting = settingFor(ncy, need);
    if (setting === 'independent' || setting === 'nmss') setting = 'special-academy';
    const bands = bandsFor[setting];
    const band =
      bands[Math.min(bands.length - 1, Math.floor(random() * random() * bands.length * 1.6))];
    const key = [ncy, need, setting, band].join(',');
    plans.set(key, (plans.get(key) ?? 0) + 1);
  }
}
const newPlans = ['ncy,need,setting,band,count'];
for (const key of [...plans.keys()].sort(byNcy)) newPlans.push(`${key},${plans.get(key)}`);
writeFileSync(new URL('new-plans.csv', out), `${newPlans.join('\n')}\n`);
console.log(
  `cohort: ${[...cells.values()].reduce((a, b) => a + b, 0) + bespoke.length} pupils in ${cells.size + bespoke.length} rows; new plans: ${[...plans.values()].reduce((a, b) => a + b, 0)}`,
);
