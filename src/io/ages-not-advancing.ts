import { error, type Issue, type Location } from '../core/issue.js';
import { withThousands } from '../core/thousands.js';

/** A person whose NCY in one January is not one more than in the January before. */
export interface AgeSkip {
  readonly person: string;
  /** The January before. */
  readonly year: number;
  readonly from: number;
  readonly to: number;
  /** The later row's NCY cell. */
  readonly at: Location;
}

/** More persons than this in one step, most of them by one difference, are one problem of a January. */
const FOLD_ABOVE = 10;

const OTHERWISE = "the year group a pupil goes into, or an extract's own year groups";

const PUPIL_HINT =
  'the engine ages every pupil one NCY a year: for a pupil taught out of year group, give the NCY of their age (age at 31 August − 4) in every January';

/**
 * AGE_NOT_ADVANCING for snapshots: an error per person, or, where more than FOLD_ABOVE persons of
 * one step (a January to the next) move by one same wrong difference, most of the step's, one for
 * the step. Found by an officer's trial: a January whose NCYs were all written one up (the year
 * group a pupil goes into) was 583 errors of one person each, the first 200 said, each telling of
 * a pupil taught out of year group.
 */
export function agesNotAdvancing(skips: readonly AgeSkip[], issues: Issue[]): void {
  const bySteps = new Map<number, AgeSkip[]>();
  for (const skip of skips) {
    const step = bySteps.get(skip.year);
    if (step) step.push(skip);
    else bySteps.set(skip.year, [skip]);
  }
  const folded = new Map<number, number>();
  for (const [year, step] of bySteps) {
    const common = commonest(step.map((skip) => skip.to - skip.from));
    if (step.length > FOLD_ABOVE && 2 * common.count > step.length) folded.set(year, common.value);
    else issues.push(...step.map(onePerson));
  }
  for (const [year, difference] of folded) {
    // A January in two steps that do not advance, the one before it and the one after, is the one
    // whose NCYs are written otherwise.
    const suspect = folded.has(year - 1) ? year : folded.has(year + 1) ? year + 1 : undefined;
    issues.push(oneStep(bySteps.get(year)!, difference, suspect));
  }
}

function onePerson(skip: AgeSkip): Issue {
  return error(
    'AGE_NOT_ADVANCING',
    `person "${skip.person}" is in NCY ${skip.from} in January ${skip.year} and NCY ${skip.to} in January ${skip.year + 1}; it must advance by one`,
    skip.at,
    // Said how: a pupil taught out of year group is real, and the extract cannot be "corrected" (found by a user trial).
    PUPIL_HINT,
  );
}

function oneStep(step: readonly AgeSkip[], difference: number, suspect?: number): Issue {
  const first = step[0]!;
  const { year } = first;
  const by =
    difference === 0
      ? 'stay in the same NCY'
      : `go ${difference > 0 ? 'up' : 'down'} ${Math.abs(difference)} NCY${Math.abs(difference) === 1 ? '' : 's'}`;
  return error(
    'AGE_NOT_ADVANCING',
    `${withThousands(String(step.length))} persons do not advance by one NCY from January ${year} to January ${year + 1}, where each must: most of them ${by} (the first, "${first.person}" here, NCY ${first.from} to ${first.to})`,
    first.at,
    suspect === undefined
      ? `one of the two Januaries' NCYs is likely written otherwise than the other's (${OTHERWISE}): check the ncy column of January ${year} and of January ${year + 1}, and correct the one that is not the pupils' NCY at that census; ${PUPIL_HINT}`
      : `January ${suspect} is in this step and the one ${suspect === year ? 'before' : 'after'} it, which does not advance either: its NCYs are likely written otherwise than the other Januaries' (${OTHERWISE}); correct its ncy column; ${PUPIL_HINT}`,
  );
}

/** The value most often in `values`, the smallest of those as often, and how often. */
function commonest(values: readonly number[]): { value: number; count: number } {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = { value: 0, count: 0 };
  for (const [value, count] of counts)
    if (count > best.count || (count === best.count && value < best.value)) best = { value, count };
  return best;
}
