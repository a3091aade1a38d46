import type { AcademicYear, FinancialYear } from '../core/period.js';
import { formatAcademicYear } from '../core/period.js';
import { error, type Issue, type Location } from '../core/issue.js';

/**
 * The furthest horizon after the base year: a child with a plan at the youngest NCY (-3) leaves by
 * NCY 20, within 24 years, so past that a projection is of new plans alone; twice that is room
 * enough for any plan, and keeps counts grown by a yearly growth of up to 100% within a double.
 */
const MAX_HORIZON_YEARS = 50;

/**
 * HORIZON_TOO_FAR for a horizon more than MAX_HORIZON_YEARS after its base year, whichever file
 * gives them: model.json's `$.horizon`, or a national model's areas.csv `horizon` or `baseYear`
 * (found by a review: an area's own horizon of 3100-01 still stopped with an internal error).
 */
export function horizonTooFar(
  what: string,
  base: AcademicYear,
  horizon: FinancialYear,
  at: Location | undefined,
): Issue | undefined {
  if (horizon - base <= MAX_HORIZON_YEARS) return undefined;
  return error(
    'HORIZON_TOO_FAR',
    `${what} is ${horizon - base} years after the base year ${formatAcademicYear(base)}: a projection goes at most ${MAX_HORIZON_YEARS} years ahead`,
    at,
    'give the last financial year the plan needs, such as 2030-31',
  );
}
