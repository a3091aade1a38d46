// Profiles with node --cpu-prof and prints where the time goes: top functions by self time,
// self time by file, and inclusive time of the project's own functions (dist/).
// Profiles go to bench/data/prof/ (git-ignored). Build first (npm run build).
//   node bench/profile.mjs [model-dir] [runs]   in-process loadModel + project, 2 warm-up + runs (default 30)
//   node bench/profile.mjs [model-dir] --cli    one cold `highneeds project <dir> --format csv --quiet`
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCohort } from './make-cohort.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const cli = args.includes('--cli');
const positional = args.filter((a) => !a.startsWith('--'));
const dir = positional[0] ?? makeCohort({ pupils: 20000 });
const runs = positional[1] ?? '30';
const out = path.join(here, 'data', 'prof');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const target = cli
  ? [path.join(root, 'bin', 'highneeds'), 'project', dir, '--format', 'csv', '--quiet']
  : [path.join(here, 'inprocess.mjs'), dir, runs, 'model'];
const result = spawnSync(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${out}`, '--cpu-prof-interval=100', ...target],
  { cwd: root, stdio: ['ignore', cli ? 'ignore' : 'inherit', 'inherit'] },
);
if (result.status !== 0) process.exit(result.status ?? 1);
const file = readdirSync(out).find((name) => name.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(path.join(out, file), 'utf8'));

const where = ({ url, lineNumber }) =>
  url
    ? `${url.startsWith('file:') ? path.relative(root, fileURLToPath(url)) : url}:${lineNumber + 1}`
    : '(native)';
const label = (node) => `${node.callFrame.functionName || '(anonymous)'}  ${where(node.callFrame)}`;

// Self time of a node = the sampling intervals attributed to it.
const selfUs = new Map();
profile.samples.forEach((id, i) =>
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const self = new Map();
const byFile = new Map();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us) continue;
  self.set(label(node), (self.get(label(node)) ?? 0) + us);
  const fileKey = node.callFrame.url
    ? where(node.callFrame).replace(/:\d+$/, '')
    : `(${node.callFrame.functionName})`;
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
}

// Inclusive time of each dist/ function: its subtree, counting a function once per path (no double count under recursion).
const inclusive = new Map();
function walk(id, onPath) {
  const node = nodes.get(id);
  const key = label(node);
  const mine = node.callFrame.url.includes('/dist/') && !onPath.has(key);
  if (mine) onPath.add(key);
  let sum = selfUs.get(id) ?? 0;
  for (const child of node.children ?? []) sum += walk(child, onPath);
  if (mine) {
    onPath.delete(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
  }
  return sum;
}
walk(profile.nodes[0].id, new Set());

const show = (map, limit) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([k, us]) =>
        `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
    )
    .join('\n');
console.log(
  `\nprofile ${path.relative(root, path.join(out, file))} (${cli ? 'one cold CLI run' : `in-process load+project, ${Number(runs) + 2} runs`}): ${(total / 1000).toFixed(0)} ms sampled`,
);
console.log(`\ntop functions by self time:\n${show(self, 25)}`);
console.log(`\nself time by file:\n${show(byFile, 20)}`);
console.log(`\ninclusive time of dist/ functions:\n${show(inclusive, 25)}`);
