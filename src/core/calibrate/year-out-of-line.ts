import { warning, type Issue, type Location } from '../issue.js';
import { NCY_MAX } from '../need.js';
import type { History } from './history.js';

/**
 * A year of a history whose plans that ended, or new plans, are out of line with its other years
 * (docs/calibration.md, "Inputs"): a January extract that is partial (a last January taken before
 * the census was complete, a first that missed a team's pupils) reads as plans that ended into it
 * and new plans out of it, and calibrate fitted them as the authority's rates without a word
 * (found by a user trial). A warning, since a year can truly be unusual: more than twice the other
 * years' share (or count a year) and beyond chance, four standard deviations above it.
 */
export function yearsOutOfLine(history: History, issues: Issue[]): void {
  const years = new Map<number, Year>();
  for (const step of history.steps) {
    let year = years.get(step.year);
    if (!year) years.set(step.year, (year = { exposed: 0, ceased: 0, joined: 0 }));
    if (!step.from) {
      year.joined += 1;
      year.firstJoiner ??= step.origin;
    } else if (step.from.ncy < NCY_MAX) {
      year.exposed += 1;
      if (!step.to) {
        year.ceased += 1;
        year.firstLeaver ??= step.origin;
      }
    }
  }
  if (years.size < 2) return;
  const others = years.size === 2 ? 'the other year' : 'the other years';
  const all = { exposed: 0, ceased: 0, joined: 0 };
  for (const y of years.values()) {
    all.exposed += y.exposed;
    all.ceased += y.ceased;
    all.joined += y.joined;
  }
  for (const [year, y] of [...years].sort(([a], [b]) => a - b)) {
    const exposed = all.exposed - y.exposed;
    const share = exposed === 0 ? 0 : (all.ceased - y.ceased) / exposed;
    const sd = Math.sqrt(y.exposed * share * (1 - share));
    if (share > 0 && y.ceased > 2 * share * y.exposed && y.ceased - share * y.exposed > 4 * sd)
      issues.push(
        warning(
          'YEAR_OUT_OF_LINE',
          `January ${year} to January ${year + 1}: ${percent(y.ceased / y.exposed)} of the pupils below NCY 20 have no plan the January after (${y.ceased} of ${y.exposed}), against ${percent(share)} in ${others} (${all.ceased - y.ceased} of ${exposed})`,
          y.firstLeaver,
          `is January ${year + 1}'s extract complete? A pupil missing from a January is fitted as a plan that ended${year + 1 === history.last ? ', and the last January is the cohort projected from' : ''}; give it whole or leave it out; if so many plans did end, nothing to do`,
        ),
      );
    const mean = (all.joined - y.joined) / (years.size - 1);
    if (mean > 0 && y.joined > 2 * mean && y.joined - mean > 4 * Math.sqrt(mean))
      issues.push(
        warning(
          'YEAR_OUT_OF_LINE',
          `January ${year} to January ${year + 1}: ${y.joined} new plans, against ${mean.toFixed(1)} a year in ${others}`,
          y.firstJoiner,
          `is January ${year}'s extract complete? A pupil missing from a January is fitted as a new plan the January after; give it whole or leave it out; if so many plans were new, nothing to do`,
        ),
      );
  }
}

interface Year {
  exposed: number;
  ceased: number;
  joined: number;
  firstLeaver?: Location;
  firstJoiner?: Location;
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
