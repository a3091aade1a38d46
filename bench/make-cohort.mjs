// Writes a pupil-level benchmark model to bench/data/pupils-<N>/ (bench/data is git-ignored).
// cohort.csv has one row per pupil (no count column): ncy,need,setting,band,annual_cost, with
// ~3% independent placements priced by annual_cost and an empty band. The tariff and the
// ceasing/transitions files are copied from fixtures/example; new-plans counts, places and
// funding amounts are scaled x8 (an area ~8 times the example's ~2,500 plans).
// Deterministic: a fixed seed and integer/string arithmetic only, so reruns give the same bytes.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const SCALE = 8n;

/** mulberry32: 32-bit integer state, integer results only. */
function rng(seed) {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n; // an integer in [0, n)
  };
}

/** Integer weights only. */
function picker(randInt) {
  return (pairs) => {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = randInt(total);
    for (const [v, w] of pairs) {
      if (r < w) return v;
      r -= w;
    }
    return pairs[pairs.length - 1][0];
  };
}

// Jan 2025 primary need counts (as scripts/make-example.mjs), used as weights.
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
// Pupils per NCY in the example area, as weights.
const PER_NCY = [
  [-1, 22],
  [0, 80],
  [1, 108],
  [2, 124],
  [3, 141],
  [4, 153],
  [5, 164],
  [6, 170],
  [7, 186],
  [8, 192],
  [9, 192],
  [10, 186],
  [11, 181],
  [12, 158],
  [13, 136],
  [14, 96],
  [15, 68],
  [16, 51],
  [17, 40],
  [18, 28],
  [19, 17],
  [20, 11],
];
// Setting mixes of scripts/make-example.mjs without 'independent' (placed separately at 3%), x10 so weights are integers.
function settingWeights(ncy, need) {
  const heavy = ['SLD', 'PMLD', 'MSI'].includes(need);
  if (ncy >= 14)
    return [
      ['fe-college', 800],
      ['special-maintained', heavy ? 150 : 40],
    ];
  if (ncy >= 12)
    return [
      ['fe-college', 450],
      ['mainstream', 200],
      ['special-maintained', heavy ? 300 : 120],
      ['special-academy', heavy ? 200 : 100],
    ];
  const semh = need === 'SEMH';
  return [
    ['mainstream', heavy ? 100 : 460],
    ['resourced-provision', 50],
    ['special-maintained', heavy ? 450 : 160],
    ['special-academy', heavy ? 350 : 130],
    ['nmss', 20],
    ['ap', semh && ncy >= 5 ? 80 : 2],
  ];
}
// Lower bands more common: weights for band 1..k.
const BAND_WEIGHTS = [40, 27, 17, 10, 6];

/** Scales a decimal string ("-18500000.00", "330", "1.5") by an integer, exactly. */
function scaleDecimal(text, factor) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`not a decimal: ${text}`);
  const [, sign, whole, frac = ''] = m;
  const digits = (BigInt(whole + frac) * factor).toString().padStart(frac.length + 1, '0');
  const intPart = digits.slice(0, digits.length - frac.length);
  return `${sign}${frac ? `${intPart}.${digits.slice(digits.length - frac.length)}` : intPart}`;
}

/** Scales one named column of a simple CSV (no quoted fields) by SCALE. */
function scaleColumn(text, column) {
  const lines = text.split(/\r?\n/);
  const header = lines[0].split(',');
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  return lines
    .map((line, i) => {
      if (i === 0 || line.trim() === '') return line;
      const fields = line.split(',');
      fields[index] = scaleDecimal(fields[index], SCALE);
      return fields.join(',');
    })
    .join('\n');
}

/** Builds the model folder; returns its path. Skips the work when it is already there unless force. */
export function makeCohort({ pupils = 20000, seed = 20000, force = false } = {}) {
  const dir = path.join(here, 'data', `pupils-${pupils}`);
  if (
    !force &&
    existsSync(path.join(dir, 'cohort.csv')) &&
    existsSync(path.join(dir, 'model.json'))
  )
    return dir;
  mkdirSync(dir, { recursive: true });

  const randInt = rng(seed);
  const pick = picker(randInt);
  const tariffFile = exampleTariffFile();
  const tariff = JSON.parse(readFileSync(tariffFile, 'utf8'));
  const bands = new Map();
  for (const rate of tariff.rates) {
    if (!bands.has(rate.setting)) bands.set(rate.setting, []);
    if (!bands.get(rate.setting).includes(rate.band)) bands.get(rate.setting).push(rate.band);
  }

  const rows = ['ncy,need,setting,band,annual_cost'];
  for (let i = 0; i < pupils; i += 1) {
    const ncy = pick(PER_NCY);
    const need = pick(NEEDS);
    if (randInt(100) < 3) {
      // Independent placement: priced per pupil, £45,000–£95,000 in £500 steps, no band.
      rows.push(`${ncy},${need},independent,,${45000 + randInt(101) * 500}.00`);
      continue;
    }
    const setting = pick(settingWeights(ncy, need));
    const options = bands.get(setting);
    if (!options) throw new Error(`tariff has no bands for ${setting}`);
    const band = pick(
      options.map((b, k) => [b, BAND_WEIGHTS[Math.min(k, BAND_WEIGHTS.length - 1)]]),
    );
    rows.push(`${ncy},${need},${setting},${band},`);
  }
  writeFileSync(path.join(dir, 'cohort.csv'), `${rows.join('\n')}\n`);

  writeFileSync(path.join(dir, 'tariff.json'), readFileSync(tariffFile));
  const manifest = JSON.parse(readFileSync(path.join(example, 'model.json'), 'utf8'));
  manifest.area = {
    code: manifest.area.code,
    name: `${manifest.area.name} x${SCALE} benchmark of ${pupils} pupil rows`,
  };
  manifest.tariff = 'tariff.json';
  writeFileSync(path.join(dir, 'model.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const name of ['ceasing.csv', 'transitions.csv'])
    copyFileSync(path.join(example, name), path.join(dir, name));
  writeFileSync(
    path.join(dir, 'new-plans.csv'),
    scaleColumn(readFileSync(path.join(example, 'new-plans.csv'), 'utf8'), 'count'),
  );
  writeFileSync(
    path.join(dir, 'places.csv'),
    scaleColumn(readFileSync(path.join(example, 'places.csv'), 'utf8'), 'places'),
  );
  writeFileSync(
    path.join(dir, 'funding.csv'),
    scaleColumn(readFileSync(path.join(example, 'funding.csv'), 'utf8'), 'amount'),
  );
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pupils = Number(process.argv[2] ?? 20000);
  const dir = makeCohort({ pupils, force: true });
  console.log(`wrote ${path.relative(process.cwd(), dir)}`);
}
