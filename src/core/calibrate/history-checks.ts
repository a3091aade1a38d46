import type { Decimal } from 'decimal.js';
import { error, type Issue } from '../issue.js';
import { formatAcademicYear } from '../period.js';
import { type History, type HistoryStep, populationKey } from './history.js';

/** Checks of a history as a whole, after its rows are read (docs/calibration.md, "Inputs"). */

/**
 * Every January a new plan of the history joins in needs the population of each NCY new plans join
 * at (docs/calibration.md): one error per January and NCY, at the first new plan of that NCY; a
 * January the population file has no row for at all is one error, at that file (an analyst's
 * trial: a year left out of the population gave 13 errors, one per NCY, at the history's rows).
 */
export function missingPopulation(
  history: History,
  population: ReadonlyMap<string, Decimal>,
  populationFile: string,
  issues: Issue[],
): void {
  const firstJoiner = new Map<number, HistoryStep>();
  /** New plans by January and NCY (populationKey), and the first of them. */
  const joined = new Map<string, { count: number; first: HistoryStep }>();
  for (const step of history.steps) {
    if (step.from || !step.to) continue;
    if (!firstJoiner.has(step.to.ncy)) firstJoiner.set(step.to.ncy, step);
    const key = populationKey(step.year + 1, step.to.ncy);
    const seen = joined.get(key);
    if (seen) seen.count += 1;
    else joined.set(key, { count: 1, first: step });
  }
  const ncys = [...firstJoiner.keys()].sort((a, b) => a - b);
  const januaries = new Set([...population.keys()].map((key) => Number(key.split(':')[0])));
  for (let january = history.first + 1; january <= history.last; january += 1)
    if (ncys.length && !januaries.has(january))
      issues.push(
        error(
          'POPULATION_MISSING',
          `new plans join at NCY ${ncys.length === 1 ? ncys[0] : `${ncys[0]} to ${ncys.at(-1)}`}, but the population file has no row for January ${january} (${formatAcademicYear(january - 1)})`,
          { file: populationFile },
          'new plans are fitted per head of the population: give every January of the history after the first',
        ),
      );
  for (const ncy of ncys) {
    for (let january = history.first + 1; january <= history.last; january += 1) {
      if (!januaries.has(january)) continue;
      const given = population.get(populationKey(january, ncy));
      if (given !== undefined) {
        belowJoiners(ncy, january, given, joined.get(populationKey(january, ncy)), issues);
        continue;
      }
      const step = firstJoiner.get(ncy)!;
      issues.push(
        error(
          'POPULATION_MISSING',
          `new plans join at NCY ${ncy}, but the population file has no population for NCY ${ncy} in January ${january} (${formatAcademicYear(january - 1)})`,
          step.origin,
          'new plans are fitted per head of the population: give every January of the history after the first',
        ),
      );
    }
  }
}

/**
 * Fewer resident children than new plans at an NCY in a January cannot be: a population of 0, or
 * one in thousands, gave a rate per head above 1 (a user trial's folder calibrate wrote, which
 * project then refused), or one far above the history's.
 */
function belowJoiners(
  ncy: number,
  january: number,
  population: Decimal,
  joined: { readonly count: number; readonly first: HistoryStep } | undefined,
  issues: Issue[],
): void {
  if (!joined || population.greaterThanOrEqualTo(joined.count)) return;
  issues.push(
    error(
      'POPULATION_BELOW_JOINERS',
      `${joined.count} new ${joined.count === 1 ? 'plan joins' : 'plans join'} at NCY ${ncy} in January ${january} (${formatAcademicYear(january - 1)}), but the population file gives ${population.toFixed()} resident children there: fewer than the new plans`,
      joined.first.origin,
      'the population is every child living in the area at that NCY, not only those with plans, as a whole count (not in thousands)',
    ),
  );
}

/** A year missing between the first and the last: a transitions file's calendar year, or a snapshot's January. */
export function historyGap(
  steps: readonly HistoryStep[],
  januaries: readonly number[] | undefined,
  first: number,
  last: number,
  file: string,
  issues: Issue[],
): void {
  const missing: string[] = [];
  if (januaries) {
    const given = new Set(januaries);
    for (let january = januaries[0]!; january < januaries[januaries.length - 1]!; january += 1)
      if (!given.has(january)) missing.push(`January ${january}`);
  } else {
    const years = new Set<number>();
    for (const step of steps) years.add(step.year);
    for (let year = first; year < last; year += 1)
      if (!years.has(year)) missing.push(`${year} (January ${year} to January ${year + 1})`);
  }
  if (missing.length === 0) return;
  const span = januaries
    ? `January ${januaries[0]} and January ${januaries[januaries.length - 1]}`
    : `January ${first} and January ${last}`;
  issues.push(
    error(
      'HISTORY_GAP',
      `the history has no ${januaries ? 'snapshot for' : 'rows for'} ${missing.join(', ')}, between ${span}`,
      { file },
      'a history runs without a gap: give the missing year, or cut the history to the years after it',
    ),
  );
}
