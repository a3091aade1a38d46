// `highneeds simulate` and `batch --draws` (issue 15, item 3): 1,000 draws of a median area of the
// generated national model (the area with the median number of pupils, written out as a model
// folder: about 1,300 cohort cells, five years) on 2 threads, against a target of 1 s wall; and
// `batch --draws 1000` of the whole national model (153 areas, its 3 scenarios), against 60 s
// wall and 1 GB peak memory. Used by bench/run.mjs; alone: `npm run build && node bench/simulate.mjs`.
// BENCH_N (default 7) sets the timed runs of the area; the batch is timed once (BENCH_SIM_BATCH=0 skips it).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeNational } from './make-national.mjs';
import { measured, repeated } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const TARGET_AREA_MS = 1000;
const TARGET_BATCH_MS = 60000;
const TARGET_RSS_MB = 1024;
const DRAWS = 1000;
const f = (x) => x.toFixed(1);
const verdict = (pass) => (pass ? 'PASS' : 'NOT MET');

/** Rows of a national CSV (no quoted fields in the generated data), split by area (column `area`). */
function byArea(file) {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  const at = columns.indexOf('area');
  const groups = new Map();
  for (const row of rows) {
    const cells = row.split(',');
    const code = cells[at];
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code).push(cells.filter((_, i) => i !== at).join(','));
  }
  return { header: columns.filter((_, i) => i !== at).join(','), groups };
}

/**
 * The national model's median area (by pupils; among those priced by the national tariff.json) as
 * an ordinary model folder in bench/data/median-area: its own rows of each table, the national
 * ceasing, transitions, tariff and scenarios.
 */
export function medianArea(national = makeNational()) {
  const dir = path.join(here, 'data', 'median-area');
  const model = JSON.parse(readFileSync(path.join(national, 'model.json'), 'utf8'));
  const [areaHeader, ...areaRows] = readFileSync(path.join(national, 'areas.csv'), 'utf8')
    .trimEnd()
    .split('\n');
  const areaColumns = areaHeader.split(',');
  const areas = areaRows
    .map((row) => Object.fromEntries(row.split(',').map((v, i) => [areaColumns[i], v])))
    .filter((a) => a.tariff === '');
  const cohort = byArea(path.join(national, 'cohort.csv'));
  areas.sort(
    (a, b) => cohort.groups.get(a.area_code).length - cohort.groups.get(b.area_code).length,
  );
  const area = areas[areas.length >> 1];
  const rows = cohort.groups.get(area.area_code);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'cohort.csv'), `${[cohort.header, ...rows].join('\n')}\n`);
  for (const name of ['new-plans.csv', 'places.csv', 'funding.csv']) {
    const table = byArea(path.join(national, name));
    const own = table.groups.get(area.area_code) ?? [];
    writeFileSync(path.join(dir, name), `${[table.header, ...own].join('\n')}\n`);
  }
  for (const name of ['ceasing.csv', 'transitions.csv', 'tariff.json', 'scenarios.json'])
    if (existsSync(path.join(national, name)))
      copyFileSync(path.join(national, name), path.join(dir, name));
  const assumption = (name) => area[name] || model.assumptions[name];
  writeFileSync(
    path.join(dir, 'model.json'),
    `${JSON.stringify(
      {
        area: { code: area.area_code, name: area.area_name },
        baseYear: model.baseYear,
        horizon: model.horizon,
        tariff: 'tariff.json',
        assumptions: {
          newPlansGrowth: assumption('newPlansGrowth'),
          hnbGrowth: assumption('hnbGrowth'),
          tariffUplift: assumption('tariffUplift'),
        },
      },
      null,
      2,
    )}\n`,
  );
  // Cohort cells: the distinct (NCY, need, setting, band, own cost) of the rows.
  const cells = new Set(rows).size;
  return { dir, code: area.area_code, pupils: rows.length, cells };
}

export function simulateBench(n = Number(process.env.BENCH_N ?? 7)) {
  const national = makeNational();
  const area = medianArea(national);
  const args = [
    path.join('bin', 'highneeds'),
    'simulate',
    path.relative(root, area.dir),
    '--draws',
    String(DRAWS),
    '--seed',
    '1',
    '--format',
    'csv',
    '--quiet',
    '--jobs',
    '2',
  ];
  const run = repeated(args, n);
  const lines = [
    `target (issue 15): simulate ${DRAWS} draws of the median area (${area.code}: ${area.pupils} pupils, ${area.cells} cohort cells, 5 years) on 2 threads under ${TARGET_AREA_MS} ms wall: median ${f(run.median)} ms (min ${f(run.min)}), CPU ${f(run.cpuMedian)} ms, peak ${f(run.rssMb ?? 0)} MB -> ${verdict(run.median < TARGET_AREA_MS)}`,
  ];
  if (process.env.BENCH_SIM_BATCH !== '0') {
    const out = path.join('bench', 'data', 'out-draws');
    const batch = (extra) =>
      measured([
        path.join('bin', 'highneeds'),
        'batch',
        path.relative(root, national),
        '--out-dir',
        out,
        '--force',
        '--quiet',
        '--draws',
        String(DRAWS),
        '--seed',
        '1',
        ...extra,
      ]);
    const all = batch([]);
    lines.push(
      `target (issue 15): batch --draws ${DRAWS} of the national model (153 areas, 3 scenarios) under ${TARGET_BATCH_MS / 1000} s wall and ${TARGET_RSS_MB} MB: ${f(all.ms / 1000)} s wall, CPU ${f(all.cpuMs / 1000)} s, peak ${f(all.rssMb ?? 0)} MB -> ${verdict(all.ms < TARGET_BATCH_MS && (all.rssMb ?? 0) < TARGET_RSS_MB)} (timed once)`,
    );
    const one = batch(['--scenarios', 'unmitigated']);
    lines.push(
      `the same with one scenario (--scenarios unmitigated): ${f(one.ms / 1000)} s wall, CPU ${f(one.cpuMs / 1000)} s, peak ${f(one.rssMb ?? 0)} MB (timed once)`,
    );
  }
  return { lines };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  console.log(simulateBench().lines.join('\n'));
