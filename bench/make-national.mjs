// Writes a synthetic national model for `highneeds batch` to bench/data/national[-xN]/ (git-ignored):
// 153 areas x scale, about 640,000 pupil rows x scale, one cohort.csv with an area column, and
// areas.csv, new-plans.csv, places.csv, funding.csv, ceasing.csv, transitions.csv, tariff.json,
// scenarios.json (3 scenarios). The figures are synthetic; their shapes follow the national
// figures in ../shared/domain.md (section 4):
// - EHCPs: 638,745 in January 2025 (4.5), split over areas of very different sizes (a Kent-sized
//   county of ~20,600 down to two tiny areas);
// - primary need: the Jan 2025 counts as weights (4.5), varied by +-10% per area;
// - age: about 4% under 5, 35% 5-10, 36% 11-15, 20% 16-19, 5% 20-25 (4.6);
// - placement: about 44% mainstream and 30% special school, 1 in 5 special placements
//   independent or NMSS at an average ~64k a year (4.3), FE after 16; varied per area;
// - new plans ~16% of the stock a year (97,747 in 2024), peaking at 4-5 and 10-11 (4.6);
// - funding: HNB near ~14-16k per plan, nine in ten areas opening in deficit, a national
//   opening deficit of a few billion pounds (4.9); 2026-27 hnb_deductions (illustrative) that are the
//   place funding of the tariff's "dfe" settings (academy, NMSS, FE), so no area's deductions are
//   computed (no DEDUCTIONS_COMPUTED warning).
// Deterministic: a fixed seed and integer arithmetic only, so reruns give the same bytes.
// Usage: node bench/make-national.mjs [--scale 1|2|4] [--force]     (npm run bench:data)
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const example = path.join(root, 'fixtures', 'example');

/** fixtures/example's tariff file: its model.json names a file in the folder or a library id. */
function exampleTariffFile() {
  const name = JSON.parse(readFileSync(path.join(example, 'model.json'), 'utf8')).tariff;
  return existsSync(path.resolve(example, name))
    ? path.resolve(example, name)
    : path.join(root, 'tariffs', `${name}.json`);
}
const AREAS = 153;
const TOTAL_PUPILS = 638745;

/** mulberry32: 32-bit integer state; r(n) is an integer in [0, n). */
function rng(seed) {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

/** Picks from [value, integer weight] pairs. */
function pick(r, pairs) {
  let total = 0;
  for (const [, w] of pairs) total += w;
  let x = r(total);
  for (const [v, w] of pairs) {
    if (x < w) return v;
    x -= w;
  }
  return pairs[pairs.length - 1][0];
}

const NEEDS = [
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
// Per-NCY weights (per 1,000 plans): under 5 (NCY -3..0) ~4%, 5-10 (1..6) ~35%, 11-15 (7..11) ~36%, 16-19 (12..15) ~20%, 20-25 (16..20) ~5%.
const PER_NCY = [
  [-2, 2],
  [-1, 8],
  [0, 30],
  [1, 48],
  [2, 54],
  [3, 58],
  [4, 61],
  [5, 63],
  [6, 66],
  [7, 74],
  [8, 74],
  [9, 73],
  [10, 71],
  [11, 68],
  [12, 62],
  [13, 55],
  [14, 47],
  [15, 36],
  [16, 17],
  [17, 13],
  [18, 10],
  [19, 6],
  [20, 4],
];
// New plans start mostly at 4-5 (NCY 0-1) and 10-11 (NCY 6-7); 5% at 16+.
const NEW_PER_NCY = [
  [-1, 40],
  [0, 190],
  [1, 75],
  [2, 50],
  [3, 48],
  [4, 46],
  [5, 45],
  [6, 110],
  [7, 78],
  [8, 50],
  [9, 45],
  [10, 40],
  [11, 30],
  [12, 30],
  [13, 20],
];
const BAND_WEIGHTS = [40, 27, 17, 10, 6];

/** Setting weights (per 1,000) by NCY and need, scaled per area by its special and independent factors (per 100). */
function settingWeights(ncy, need, area) {
  const heavy = need === 'SLD' || need === 'PMLD' || need === 'MSI';
  const semh = need === 'SEMH';
  const sp = (w) => Math.max(1, Math.trunc((w * (heavy ? 3 : 1) * area.special) / 100));
  const ind = (w) =>
    Math.max(1, Math.trunc((w * (semh || need === 'ASD' ? 2 : 1) * area.independent) / 100));
  const main = (w) => Math.max(1, heavy ? Math.trunc(w / 4) : w);
  if (ncy <= 0)
    return [
      ['mainstream', main(700)],
      ['special-maintained', sp(180)],
      ['special-academy', sp(120)],
    ];
  if (ncy <= 6)
    return [
      ['mainstream', main(600)],
      ['resourced-provision', 50],
      ['special-maintained', sp(150)],
      ['special-academy', sp(130)],
      ['nmss', 10],
      ['independent', ind(20)],
      ['ap', semh ? 20 : 2],
    ];
  if (ncy <= 11)
    return [
      ['mainstream', main(470)],
      ['resourced-provision', 45],
      ['special-maintained', sp(170)],
      ['special-academy', sp(170)],
      ['nmss', 20],
      ['independent', ind(45)],
      ['ap', semh ? 90 : 6],
    ];
  if (ncy <= 13)
    return [
      ['fe-college', 450],
      ['mainstream', main(150)],
      ['special-maintained', sp(140)],
      ['special-academy', sp(140)],
      ['nmss', 15],
      ['independent', ind(45)],
    ];
  return [
    ['fe-college', 760],
    ['special-maintained', sp(70)],
    ['special-academy', sp(60)],
    ['independent', ind(60)],
  ];
}

/** Area sizes as integer weights by kind of authority, then scaled to the national total (largest remainder). */
function areaSizes(r, count, total) {
  const weights = [];
  for (let i = 0; i < count; i += 1) {
    const k = i % AREAS;
    if (k === 0)
      weights.push(20600); // the largest county (Kent had 20,635 plans in Jan 2025)
    else if (k === 1 || k === 2)
      weights.push(40 + r(160)); // City of London, Isles of Scilly
    else if (k < 27)
      weights.push(6000 + r(8000)); // shire counties
    else if (k < 63)
      weights.push(2500 + r(4500)); // metropolitan districts
    else if (k < 95)
      weights.push(1500 + r(3000)); // London boroughs
    else weights.push(1000 + r(3000)); // unitaries
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.trunc((w * total) / sum));
  const order = weights
    .map((w, i) => [(w * total) % sum, i])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let left = total - sizes.reduce((a, b) => a + b, 0), j = 0; left > 0; left -= 1, j += 1)
    sizes[order[j][1]] += 1;
  return sizes;
}

function bandsOf(tariff) {
  const bands = new Map();
  for (const rate of tariff.rates) {
    if (!bands.has(rate.setting)) bands.set(rate.setting, []);
    if (!bands.get(rate.setting).includes(rate.band)) bands.get(rate.setting).push(rate.band);
  }
  return bands;
}

const pounds = (whole) => `${whole}.00`;

/** The tariff's settings whose places the DfE funds directly ("dfe"), with their whole-pound place values. */
function dfePlaceValuesOf(tariff) {
  return tariff.settings
    .filter((s) => s.placeFundedBy === 'dfe')
    .map((s) => [s.id, Math.trunc(Number(s.placeValue))]);
}

/**
 * Illustrative 2026-27 hnb_deductions, in whole pounds: the "dfe" settings' place funding for the
 * FY as the model costs it (5/12 of the 2025/26 places, 7/12 of the 2026/27), from places.csv
 * where it commissions them and otherwise from the January cohort in the setting (the places a
 * published deduction is lagged on). No draw from the generator, so every other file is unchanged.
 */
function deductions(dfePlaceValues, commissionedIn, bySetting) {
  let twelfths = 0;
  for (const [setting, value] of dfePlaceValues) {
    const pupils = bySetting.get(setting) ?? 0;
    const [earlier, later] = commissionedIn.get(setting) ?? [pupils, pupils];
    twelfths += (5 * earlier + 7 * later) * value;
  }
  return Math.trunc(twelfths / 12);
}

/** Builds the folder; returns its path. Skips the work when it is already there unless force. */
export function makeNational({ scale = 1, force = false, seed = 2025 } = {}) {
  const dir = path.join(here, 'data', scale === 1 ? 'national' : `national-x${scale}`);
  if (
    !force &&
    existsSync(path.join(dir, 'scenarios.json')) &&
    existsSync(path.join(dir, 'cohort.csv'))
  )
    return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const tariffFile = exampleTariffFile();
  const tariffJson = JSON.parse(readFileSync(tariffFile, 'utf8'));
  const bands = bandsOf(tariffJson);
  const dfePlaceValues = dfePlaceValuesOf(tariffJson);
  const count = AREAS * scale;
  const sizes = areaSizes(r, count, TOTAL_PUPILS * scale);

  const areaRows = ['area_code,area_name,tariff,newPlansGrowth,hnbGrowth,tariffUplift'];
  const cohort = ['area,ncy,need,setting,band,annual_cost'];
  const newPlans = ['area,ncy,need,setting,band,count'];
  const places = ['area,academic_year,setting,places'];
  const funding = ['area,financial_year,line,amount'];
  for (let i = 0; i < count; i += 1) {
    const code = `E${String(1001 + i)}`;
    const area = { special: 80 + r(46), independent: 60 + r(101) };
    // One area in 17 is priced by the illustrative national table rather than the example's.
    const tariff = i % 17 === 5 ? 'national-illustrative' : '';
    const growth = `0.${String(3 + r(8)).padStart(2, '0')}`; // new plans +3% to +10% a year
    const hnbGrowth = `0.0${1 + r(4)}`;
    areaRows.push(
      `${code},Synthetic Area ${i + 1},${tariff},${growth},${hnbGrowth},${i % 9 === 0 ? '0.01' : ''}`,
    );
    const needs = NEEDS.map(([need, w]) => [need, w * (90 + r(21))]);
    const bySetting = new Map();
    for (let p = 0; p < sizes[i]; p += 1) {
      const ncy = pick(r, PER_NCY);
      const need = pick(r, needs);
      const setting = pick(r, settingWeights(ncy, need, area));
      bySetting.set(setting, (bySetting.get(setting) ?? 0) + 1);
      if (setting === 'independent') {
        // Independent placements carry their own fee: 40,000-88,000 in 500 steps (mean ~64k, 4.3).
        cohort.push(`${code},${ncy},${need},independent,,${pounds(40000 + r(97) * 500)}`);
        continue;
      }
      const options = bands.get(setting);
      const band = pick(
        r,
        options.map((b, k) => [b, BAND_WEIGHTS[Math.min(k, BAND_WEIGHTS.length - 1)]]),
      );
      cohort.push(`${code},${ncy},${need},${setting},${band},`);
    }
    const plans = new Map();
    for (let p = 0; p < Math.trunc((sizes[i] * 16) / 100); p += 1) {
      const ncy = pick(r, NEW_PER_NCY);
      const need = pick(r, needs);
      let setting = pick(r, settingWeights(ncy, need, area));
      if (setting === 'independent') setting = 'nmss';
      const options = bands.get(setting);
      const band = pick(
        r,
        options.map((b, k) => [b, BAND_WEIGHTS[Math.min(k, BAND_WEIGHTS.length - 1)]]),
      );
      const key = `${ncy},${need},${setting},${band}`;
      plans.set(key, (plans.get(key) ?? 0) + 1);
    }
    for (const [key, n] of [...plans].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
      newPlans.push(`${code},${key},${n}`);
    const commissionedIn = new Map(); // setting -> [places in 2025/26, in 2026/27]
    for (const setting of ['special-maintained', 'special-academy', 'resourced-provision']) {
      const base = bySetting.get(setting) ?? 0;
      if (base === 0) continue;
      let commissioned = Math.trunc((base * (95 + r(11))) / 100);
      for (let ay = 2025; ay <= 2030; ay += 1) {
        places.push(
          `${code},${ay}/${String((ay + 1) % 100).padStart(2, '0')},${setting},${commissioned}`,
        );
        if (ay <= 2026)
          commissionedIn.set(setting, [...(commissionedIn.get(setting) ?? []), commissioned]);
        commissioned += Math.trunc((commissioned * 2) / 100);
      }
    }
    // Nine in ten areas open in deficit (4.9): up to ~14,000 a plan; the rest a small surplus.
    const opening = i % 10 === 3 ? sizes[i] * r(1000) : -sizes[i] * (500 + r(13500));
    funding.push(`${code},2025-26,opening_balance,${pounds(opening)}`);
    funding.push(`${code},2026-27,hnb_allocation,${pounds(sizes[i] * (14000 + r(1800)))}`);
    funding.push(
      `${code},2026-27,hnb_deductions,${pounds(deductions(dfePlaceValues, commissionedIn, bySetting))}`,
    );
    // A 0.5% schools block transfer in a third of areas (schools block ~76k a plan nationally, 4.1).
    if (i % 3 === 0) funding.push(`${code},2026-27,block_transfer,${pounds(sizes[i] * 380)}`);
  }
  writeFileSync(path.join(dir, 'areas.csv'), `${areaRows.join('\n')}\n`);
  writeFileSync(path.join(dir, 'cohort.csv'), `${cohort.join('\n')}\n`);
  writeFileSync(path.join(dir, 'new-plans.csv'), `${newPlans.join('\n')}\n`);
  writeFileSync(path.join(dir, 'places.csv'), `${places.join('\n')}\n`);
  writeFileSync(path.join(dir, 'funding.csv'), `${funding.join('\n')}\n`);
  copyFileSync(tariffFile, path.join(dir, 'tariff.json'));
  // Ceasing and phase-transfer rules are national: no area column, so they apply to every area.
  for (const name of ['ceasing.csv', 'transitions.csv'])
    copyFileSync(path.join(example, name), path.join(dir, name));
  const model = {
    areas: 'areas.csv',
    baseYear: '2025/26',
    horizon: '2030-31',
    tariff: 'tariff.json',
    assumptions: { newPlansGrowth: '0.06', hnbGrowth: '0.03', tariffUplift: '0' },
  };
  writeFileSync(path.join(dir, 'model.json'), `${JSON.stringify(model, null, 2)}\n`);
  writeFileSync(path.join(dir, 'scenarios.json'), `${JSON.stringify(SCENARIOS, null, 2)}\n`);
  return dir;
}

const SCENARIOS = {
  scenarios: [
    { id: 'unmitigated', label: 'Unmitigated: current trends continue' },
    {
      id: 'mitigated',
      label: 'Mitigated: DBV-style workstreams in every area',
      base: 'unmitigated',
      levers: [
        {
          id: 'early-help-semh',
          label: '10% fewer new SEMH plans in primary',
          kind: 'new-plans',
          share: '-0.10',
          filter: { need: 'SEMH', ncy: { from: 0, to: 6 } },
          profile: { shape: 'linear', from: '2026/27', fullBy: '2028/29' },
        },
        {
          id: 'independent-returns',
          label: '10% of independent placements back to special academies',
          kind: 'move-placements',
          share: '0.10',
          filter: { setting: 'independent', ncy: { from: 3, to: 13 } },
          to: { setting: 'special-academy', band: '3' },
          profile: { shape: 'back-loaded', from: '2027/28', fullBy: '2028/29' },
        },
        {
          id: 'post-16-outcomes',
          label: 'A quarter more post-16 plans end where outcomes are met',
          kind: 'ceasing',
          share: '0.25',
          filter: { ncy: { from: 14, to: 20 } },
          profile: { shape: 'front-loaded', from: '2026/27', fullBy: '2028/29' },
        },
        {
          id: 'mainstream-band-review',
          label: 'Mainstream bands 4 and 5 down 3% from September 2026',
          kind: 'tariff',
          share: '-0.03',
          from: '2026-09-01',
          filter: { setting: 'mainstream', band: ['4', '5'] },
        },
      ],
    },
    {
      id: 'national-tariff',
      label: 'The illustrative national banding table from September 2027',
      base: 'unmitigated',
      levers: [
        {
          id: 'national-bands',
          label: 'Every setting priced by the national table',
          kind: 'tariff',
          tariff: 'national-illustrative',
          from: '2027-09-01',
        },
      ],
    },
  ],
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--scale');
  const scale = at >= 0 ? Number(args[at + 1]) : 1;
  if (![1, 2, 4].includes(scale)) throw new Error('--scale is 1, 2 or 4');
  const dir = makeNational({ scale, force: true });
  console.log(`wrote ${path.relative(process.cwd(), dir)} (${AREAS * scale} areas)`);
}
