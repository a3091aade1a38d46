// `highneeds nff` over 153 generated areas with --solve-cap (issue 5: under 1 s). Used by
// bench/run.mjs; run it alone with `npm run build && node bench/nff.mjs`. The areas are
// generated from a fixed seed into the git-ignored bench/data/nff-153/: a proxy pot shared by
// the seven factors with the 2017 weights, baselines set so that changes per head run from
// -5% to +25%, and a national total between the totals at the floor and with no cap.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { calculateNff } from '../dist/core/nff/calculate.js';
import { prepareArea, totalAllocation, unitValues } from '../dist/core/nff/formula.js';
import { loadNff } from '../dist/io/load-nff.js';
import { median, repeated } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const AREAS = 153;
const TARGET_MS = 1000;

/** mulberry32: a small seeded generator, so the areas are the same on every machine. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FACTORS = [
  ['population_2_18', '0.5'],
  ['fsm', '0.1'],
  ['idaci', '0.1'],
  ['bad_health', '0.075'],
  ['disability', '0.075'],
  ['ks2_low_attainment', '0.075'],
  ['ks4_low_attainment', '0.075'],
];
const HEADER = [
  'area_code',
  'area_name',
  ...FACTORS.map(([id]) => id),
  'basic_entitlement_pupils',
  'historic_spend',
  'hospital_education',
  'net_imported_pupils',
  'aca',
  'baseline_allocation',
  'baseline_population_2_18',
  'academy_place_deduction',
];

function parameters(nationalTotal) {
  const v = (value) => ({ value, status: 'illustrative', reference: 'bench' });
  return {
    financialYear: '2025-26',
    mode: 'formula',
    title: 'Benchmark: 153 generated areas (ILLUSTRATIVE)',
    references: [
      { id: 'bench', title: 'bench/nff.mjs: generated for timing only', url: 'bench/nff.mjs' },
    ],
    basicEntitlement: { rate: v('4660.00') },
    historicSpend: { share: v('0.5') },
    proxyFactors: {
      pot: v('7000000000.00'),
      factors: FACTORS.map(([id, weight]) => ({ id, weight: v(weight) })),
    },
    importExport: { rate: v('6000.00') },
    floorCap: {
      floor: v('0.07'),
      cap: v('0.10'),
      compare: {
        elements: ['historic_spend', 'proxies', 'hospital_education'],
        status: 'illustrative',
        reference: 'bench',
      },
    },
    ...(nationalTotal ? { nationalTotal: v(nationalTotal) } : {}),
  };
}

/** Writes bench/data/nff-153/{nff-factors.csv, nff-parameters/2025-26.json}; returns the folder. */
export function makeNational() {
  const dir = path.join(here, 'data', 'nff-153');
  mkdirSync(path.join(dir, 'nff-parameters'), { recursive: true });
  const random = generator(153);
  const int = (low, high) => Math.floor(low + random() * (high - low));
  const areas = Array.from({ length: AREAS }, (_, i) => {
    const population = int(20000, 300000);
    const share = (low, high) => String(Math.floor(population * (low + random() * (high - low))));
    return {
      area_code: String(800 + i),
      area_name: `Generated area ${i + 1}`,
      population_2_18: String(population),
      fsm: share(0.12, 0.3),
      idaci: share(0.08, 0.25),
      bad_health: share(0.1, 0.2),
      disability: share(0.04, 0.08),
      ks2_low_attainment: share(0.03, 0.06),
      ks4_low_attainment: share(0.02, 0.05),
      basic_entitlement_pupils: share(0.003, 0.006),
      historic_spend: `${Math.floor(population * (200 + random() * 200))}.00`,
      hospital_education: `${Math.floor(population * random() * 10)}.00`,
      net_imported_pupils: String(int(-60, 60)),
      aca: (1 + Math.floor(random() * 20000) / 100000).toFixed(5),
      baseline_population_2_18: String(Math.floor(population * (0.98 + random() * 0.03))),
      baseline_allocation: '1.00',
      academy_place_deduction: `${Math.floor(population * random() * 40)}.00`,
      change: -0.05 + random() * 0.3,
    };
  });
  const write = (nationalTotal) => {
    writeFileSync(
      path.join(dir, 'nff-factors.csv'),
      `${[HEADER.join(','), ...areas.map((a) => HEADER.map((c) => a[c]).join(','))].join('\n')}\n`,
    );
    writeFileSync(
      path.join(dir, 'nff-parameters', '2025-26.json'),
      `${JSON.stringify(parameters(nationalTotal), null, 2)}\n`,
    );
  };
  const load = () => {
    const loaded = loadNff(
      path.join(dir, 'nff-factors.csv'),
      path.join(dir, 'nff-parameters'),
      2025,
    );
    if (!loaded.areas) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
    return loaded;
  };
  // Baselines that put each area's change per head where the generator chose.
  write();
  const first = calculateNff(load().parameters, load().areas).result;
  first.areas.forEach((result, i) => {
    const area = areas[i];
    area.baseline_allocation = result.comparedPerHead
      .times(area.baseline_population_2_18)
      .div((1 + area.change).toFixed(6))
      .toFixed(2);
  });
  write();
  // A national total 60% of the way from the total at the floor to the total with no cap.
  const { parameters: p, areas: loaded } = load();
  const prepared = loaded.map((area) => prepareArea(area, p, unitValues(p, loaded)));
  const low = totalAllocation(prepared, p.floorCap.floor.value);
  const high = totalAllocation(prepared, p.floorCap.floor.value.plus(10));
  write(low.plus(high.minus(low).times('0.6')).toFixed(2));
  return dir;
}

/** Spawned CLI wall time (median and min of `runs`, after one warm-up) and the in-process calculation. */
export function nffBench(runs) {
  const dir = makeNational();
  const args = [
    'bin/highneeds',
    'nff',
    path.relative(root, path.join(dir, 'nff-factors.csv')),
    '--year',
    '2025-26',
    '--params',
    path.relative(root, path.join(dir, 'nff-parameters')),
    '--solve-cap',
    '--format',
    'csv',
  ];
  const check = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nff bench run failed: ${check.stderr}`);
  const wall = repeated(args, runs);
  const { parameters: p, areas } = loadNff(
    path.join(dir, 'nff-factors.csv'),
    path.join(dir, 'nff-parameters'),
    2025,
  );
  const times = [];
  let iterations = 0;
  for (let i = 0; i < runs + 2; i += 1) {
    const start = performance.now();
    iterations = calculateNff(p, areas, { solveCap: true }).result.solvedCap.iterations;
    if (i >= 2) times.push(performance.now() - start);
  }
  const inProcess = median(times);
  const line = `nff (${AREAS} generated areas, --solve-cap, ${iterations} bisections): CLI wall median ${wall.median.toFixed(1)} ms (min ${wall.min.toFixed(1)}), in-process calculation ${inProcess.toFixed(1)} ms; target under ${TARGET_MS} ms -> ${wall.median < TARGET_MS ? 'PASS' : 'NOT MET'}`;
  return { line, wall, inProcess, iterations };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(nffBench(Number(process.env.BENCH_N ?? 7)).line);
}
