// `highneeds report` and `batch --report` timed (issue 17, "Performance"): the example's report
// as HTML and as XLSX, start-up included, against 1.5 s; the national batch with and without
// --report, in turn, against 10 s for the batch that writes the national report.
// Run by `npm run bench` (bench/run.mjs), or alone: `node bench/report.mjs` (after npm run build
// and npm run bench:data), which prints the lines for bench/RESULTS.md.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternated, repeated } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join('bin', 'highneeds');
const EXAMPLE_TARGET_MS = 1500;
const NATIONAL_TARGET_MS = 10000;
const f = (x) => x.toFixed(0);
const verdict = (pass) => (pass ? 'PASS' : 'NOT MET');

export function reportBench(n) {
  const out = mkdtempSync(path.join(tmpdir(), 'highneeds-bench-report-'));
  try {
    const html = repeated(
      [CLI, 'report', 'fixtures/example', '--out', path.join(out, 'r.html'), '--quiet'],
      n,
    );
    const xlsx = repeated(
      [CLI, 'report', 'fixtures/example', '--out', path.join(out, 'r.xlsx'), '--quiet'],
      n,
    );
    const lines = [
      `target: \`report fixtures/example\` (4 scenarios) under ${EXAMPLE_TARGET_MS} ms wall incl. start-up: HTML median ${f(html.median)} ms (min ${f(html.min)}, CPU ${f(html.cpuMedian ?? NaN)} ms), XLSX median ${f(xlsx.median)} ms (min ${f(xlsx.min)}, CPU ${f(xlsx.cpuMedian ?? NaN)} ms) -> ${verdict(Math.max(html.median, xlsx.median) < EXAMPLE_TARGET_MS)}`,
    ];
    const national = path.join(here, 'data', 'national');
    if (existsSync(national)) {
      const dir = path.relative(path.resolve(here, '..'), national);
      const plain = [CLI, 'batch', dir, '--out-dir', path.join(out, 'plain'), '--force', '--quiet'];
      const withReport = [
        CLI,
        'batch',
        dir,
        '--out-dir',
        path.join(out, 'rep'),
        '--report',
        path.join(out, 'rep'),
        '--force',
        '--quiet',
      ];
      const [a, b] = alternated([plain, withReport], Math.max(3, Math.min(n, 5)));
      lines.push(
        `target: national report (\`batch bench/data/national --report DIR\`, 153 areas, 3 scenarios, HTML and XLSX) under ${NATIONAL_TARGET_MS} ms wall: median ${f(b.median)} ms (min ${f(b.min)}) against ${f(a.median)} ms for the batch alone, in turn: the report adds ${f(b.median - a.median)} ms -> ${verdict(b.median < NATIONAL_TARGET_MS)}`,
      );
    } else lines.push('national report: bench/data/national is missing; run npm run bench:data');
    return lines;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  for (const line of reportBench(Number(process.env.BENCH_N ?? 5))) console.log(`- ${line}`);
