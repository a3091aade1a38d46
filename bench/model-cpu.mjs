// The batch's modelling alone, cold and warm, for A/B between two builds (not part of npm run bench).
// Reads a national model once as the batch does (not timed), then models every area under each of
// its scenarios on this one thread, `rounds` times, and prints the CPU (user + sys) of round 0
// (cold: the JIT warming up, which each batch thread pays, as each models about half the areas
// once) and the median of the warm rounds. Run two builds in turn, several times, and compare.
// Usage: node bench/model-cpu.mjs [dist dir = dist] [rounds = 4] [national dir = bench/data/national]
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const [distArg = 'dist', roundsArg = '4', dirArg = path.join('bench', 'data', 'national')] =
  process.argv.slice(2);
const dist = path.resolve(distArg);
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const { readBatchSources } = await load('io/batch/read-sources.js');
const { DEFAULT_LIMITS } = await load('io/limits.js');
const { workspace, modelArea } = await load('io/batch/project-area.js');
const { loadScenarios } = await load('io/scenarios-file.js');
const { defaultTariffDir } = await load('cli/version.js');

const dir = path.resolve(dirArg);
const library = defaultTariffDir();
const sources = await readBatchSources(dir, DEFAULT_LIMITS, library);
const { scenarios } = loadScenarios(dir, library);
const init = {
  ...sources.init,
  scenarios: scenarios.map((s) => s.id),
  scenariosFile: path.join(dir, 'scenarios.json'),
};
const cpu = [];
for (let round = 0; round < Number(roundsArg); round += 1) {
  const space = workspace(init);
  const start = process.cpuUsage();
  for (const task of sources.tasks) modelArea(space, task);
  const used = process.cpuUsage(start);
  cpu.push((used.user + used.system) / 1000);
}
const warm = cpu.slice(1).sort((a, b) => a - b);
const median = warm.length ? warm[warm.length >> 1].toFixed(0) : '-';
console.log(
  `${distArg}: cold ${cpu[0].toFixed(0)} ms, warm median ${median} ms (${cpu.map((ms) => ms.toFixed(0)).join(' ')})`,
);
