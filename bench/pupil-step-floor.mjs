// How far below the shipped pupil step could a draw's step go? (issue 15: `batch --draws 1000`
// under 60 s.) Not part of `npm run bench`: an experiment whose figures the notes quote, kept so
// that they can be made again. On the median area's pupils (bench/simulate.mjs), for N draws
// (default 150) × 5 years of January state vectors as the shipped engine draws them, it times in
// one process, least of 9 rounds each:
// - the shipped step (drawStep, src/core/simulate/draw-step.ts), on the same vectors and rates;
// - the floor of any step that visits each occupied state: the walk over the occupied bits alone,
//   and the walk drawing one uniform a state;
// - the "changes only" idea: one uniform a state against the chance that none of its pupils
//   changes (stay^n, stay made for every state from the draw's rates), the per-pupil draw only
//   where one does, writing only the changes (as a vector in cohort coordinates would, where
//   ageing writes nothing). The draw where a pupil changes stands in for the exact conditional
//   draw with the shipped one (the same cost, not the same distribution);
// - each pupil drawn alone (one uniform each, a categorical over cease, the moves and stay)
//   instead of a Binomial of the leavers and a multinomial of the movers.
// Usage: npm run build && node bench/pupil-step-floor.mjs [N]
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianArea } from './simulate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(path.join(root, 'dist', file));
const { loadModel } = await dist('io/model-folder.js');
const { PupilDraws } = await dist('core/simulate/pupil-draws.js');
const { drawStream } = await dist('core/simulate/stream.js');
const { drawStep, movesAcross } = await dist('core/simulate/draw-step.js');
const { lowestBit, OccupiedStates } = await dist('core/simulate/occupied-states.js');
const { binomial } = await dist('core/simulate/sample.js');
const { flowTally } = await dist('core/demand/flows.js');
const { SPAN } = await dist('core/demand/lanes.js');

const areaDir = path.join(root, 'bench', 'data', 'median-area');
if (!existsSync(path.join(areaDir, 'model.json'))) medianArea();
const pupils = PupilDraws.prepare(loadModel(areaDir).model);
const { plan } = pupils;
const { moveStart, moveTarget } = plan.rates;
const draws = Number(process.argv[2] ?? 150);

/** Each draw's January vectors and its rates, year by year, as the shipped engine drew them. */
const cases = [];
let occupiedStates = 0;
let pupilCount = 0;
for (let i = 0; i < draws; i += 1) {
  pupils.draw(1, i);
  // The draw's rates: RateDrawer.draw, as PupilDraws.draw calls it (a stream of its own here).
  const rates = pupils.drawer.draw(drawStream(1, 'rates', i));
  pupils.januaryCounts.slice(0, plan.years.length).forEach((january, y) => {
    const counts = Float64Array.from(january);
    const occupied = new OccupiedStates(plan.size);
    occupied.setFrom(counts);
    for (const count of counts)
      if (count !== 0) {
        occupiedStates += 1;
        pupilCount += count;
      }
    cases.push({ year: plan.years[y], from: { counts, occupied }, rates: rates[y] });
  });
}

const to = { counts: new Float64Array(plan.size), occupied: new OccupiedStates(plan.size) };
const arrivals = { joined: new Float64Array(plan.size), movedIn: new Float64Array(plan.size) };
const tally = flowTally(plan.settings.length);
const crosses = movesAcross(plan);
const stay = new Float64Array(plan.size);
const delta = new Float64Array(plan.size);

const shipped = ({ year, from, rates }, u) =>
  drawStep(plan, year, rates, crosses, u, from, to, arrivals, tally);

function walk({ from }, u, withUniform) {
  let sum = 0;
  const { words } = from.occupied;
  for (let w = 0; w < words.length; w += 1)
    for (let word = words[w]; word !== 0; word &= word - 1) {
      const count = from.counts[(w << 5) | lowestBit(word)];
      sum += withUniform ? count * u.next() : count;
    }
  return sum;
}

/** x^n for a whole n by squaring (Math.pow took some 20 ns a call here). */
function power(x, n) {
  let result = 1;
  for (let base = x, k = n; k > 0; k >>>= 1, base *= base) if (k & 1) result *= base;
  return result;
}

/** Each state's chance that a pupil stays in its lane, from the draw's rates: every state, every year. */
function stayTable({ rates }) {
  const { survival, moveShare } = rates;
  for (let s = 0; s < plan.size; s += 1) {
    let moving = 0;
    for (let k = moveStart[s]; k < moveStart[s + 1]; k += 1) moving += moveShare[k];
    stay[s] = survival[s] * (1 - moving);
  }
  delta.fill(0);
}

function changesOnly(c, u) {
  const { from, rates } = c;
  const { survival, moveShare } = rates;
  stayTable(c);
  const { words } = from.occupied;
  for (let w = 0; w < words.length; w += 1)
    for (let word = words[w]; word !== 0; word &= word - 1) {
      const s = (w << 5) | lowestBit(word);
      const count = from.counts[s];
      if (count === 0) continue;
      const none = power(stay[s], count);
      if (u.next() < none) continue;
      let left = count - binomial(u, count, 1 - survival[s]);
      delta[s] -= count - left;
      let chance = 1;
      for (let k = moveStart[s]; k < moveStart[s + 1] && left > 0; k += 1) {
        const share = moveShare[k];
        const moved = chance > share ? binomial(u, left, share / chance) : left;
        chance -= share;
        delta[moveTarget[k]] += moved;
        delta[s] -= moved;
        left -= moved;
      }
    }
}

function pupilByPupil({ from, rates }, u) {
  const { survival, moveShare } = rates;
  to.counts.fill(0);
  to.occupied.clear();
  const { words } = from.occupied;
  for (let w = 0; w < words.length; w += 1)
    for (let word = words[w]; word !== 0; word &= word - 1) {
      const s = (w << 5) | lowestBit(word);
      if (s % SPAN === SPAN - 1) continue;
      let stayed = 0;
      for (let left = from.counts[s]; left > 0; left -= 1) {
        let v = u.next();
        if (v >= survival[s]) continue;
        v /= survival[s];
        let t = -1;
        for (let k = moveStart[s]; k < moveStart[s + 1]; k += 1) {
          if (v < moveShare[k]) {
            t = moveTarget[k];
            break;
          }
          v -= moveShare[k];
        }
        if (t < 0) stayed += 1;
        else {
          to.counts[t] += 1;
          to.occupied.add(t);
        }
      }
      if (stayed > 0) {
        to.counts[s + 1] += stayed;
        to.occupied.add(s + 1);
      }
    }
}

const ways = [
  ['shipped step (drawStep)', shipped],
  ['walk over the occupied states only', (c, u) => walk(c, u, false)],
  ['walk, one uniform a state', (c, u) => walk(c, u, true)],
  ['changes only (one uniform a state vs stay^n)', changesOnly],
  ['  of which its stay table', stayTable],
  ['each pupil drawn alone', pupilByPupil],
];
const least = ways.map(() => Infinity);
for (let round = 0; round < 9; round += 1)
  ways.forEach(([, step], w) => {
    const start = performance.now();
    cases.forEach((c, i) => step(c, drawStream(7, 'step', i)));
    least[w] = Math.min(least[w], performance.now() - start);
  });
console.log(
  `median area: ${plan.size} states, ${(occupiedStates / cases.length).toFixed(0)} occupied a January, ${(pupilCount / occupiedStates).toFixed(2)} pupils each; ${draws} draws x ${plan.years.length} years`,
);
ways.forEach(([name], w) =>
  console.log(
    `${name.padEnd(46)} ${least[w].toFixed(1).padStart(7)} ms  ${((least[w] * 1e6) / occupiedStates).toFixed(1).padStart(5)} ns a state`,
  ),
);
