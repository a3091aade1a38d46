// Writes fixtures/history/ (transitions.csv, snapshots.csv, population.csv): six years of a small
// made-up authority from known rates (test/helpers/history-example.mjs), drawn with the seeded
// generator test/helpers/history-generator.mjs, then written with local codes for settings and
// one need, which fixtures/history/codes.csv maps back. node scripts/make-history-fixture.mjs
import { writeFileSync } from 'node:fs';
import {
  generateHistory,
  populationCsv,
  snapshotsCsv,
  transitionsCsv,
} from '../test/helpers/history-generator.mjs';
import {
  EXAMPLE_TRUTH,
  exampleInitial,
  examplePopulation,
  POPULATION_NCYS,
} from '../test/helpers/history-example.mjs';

const LOCAL = { mainstream: 'MMSIB', special: 'MSSIB', independent: 'ISS', fe: 'FE', SLCN: 'SLCD' };
const local = (text) =>
  text
    .split('\n')
    .map((line) =>
      line
        .split(',')
        .map((cell) => LOCAL[cell] ?? cell)
        .join(','),
    )
    .join('\n');

const population = examplePopulation(1500);
const steps = generateHistory({
  seed: 15,
  first: 2019,
  years: 6,
  initial: exampleInitial(1),
  truth: EXAMPLE_TRUTH,
  population,
});
writeFileSync('fixtures/history/transitions.csv', local(transitionsCsv(steps)));
writeFileSync('fixtures/history/snapshots.csv', local(snapshotsCsv(steps)));
writeFileSync(
  'fixtures/history/population.csv',
  populationCsv(population, 2019, 2031, POPULATION_NCYS),
);
