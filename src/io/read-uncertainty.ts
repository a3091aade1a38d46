import type { Decimal } from 'decimal.js';
import { Dec } from '../core/decimal.js';
import { error, type Issue } from '../core/issue.js';
import type { Uncertainty } from '../core/uncertainty.js';
import type { CsvRow } from './csv-table.js';
import { decimalCell } from './cell-parsers.js';

/**
 * A row's `observed`/`exposure` or `low`/`high` (docs/simulate.md, "Where the uncertainty comes
 * from"), checked against the row's own figure: `value` is its rate, or a new-plans row's count
 * (`isRate` false: a count takes a range only, since a Beta describes a share). Problems are
 * pushed to `issues`; undefined when the row gives neither pair or a cell is wrong.
 */
export function readUncertainty(
  row: CsvRow,
  value: { readonly figure: Decimal; readonly column: string; readonly isRate: boolean },
  issues: Issue[],
): Uncertainty | undefined {
  const given = (column: string): boolean => row.get(column) !== '';
  const posterior = given('observed') || given('exposure');
  const range = given('low') || given('high');
  const uniform = readDistribution(row, range, issues);
  if (uniform === undefined || (!posterior && !range)) return undefined;
  if (posterior && range) {
    issues.push(
      error(
        'UNCERTAINTY_TWICE',
        'the row gives both observed/exposure and low/high',
        row.at(given('low') ? 'low' : 'high'),
        'give observed and exposure (a history, as calibrate writes it) or low and high (a range), not both',
      ),
    );
    return undefined;
  }
  if (posterior) return readPosterior(row, value, issues);
  return readRange(row, value, uniform, issues);
}

/**
 * The row's `distribution`: empty or "triangular" (false), or "uniform" (true), given only with a
 * low/high range; undefined after pushing a DISTRIBUTION_INVALID.
 */
function readDistribution(row: CsvRow, range: boolean, issues: Issue[]): boolean | undefined {
  const text = row.get('distribution');
  const shape = text.toLowerCase();
  if (shape === '') return false;
  const known = shape === 'triangular' || shape === 'uniform';
  if (known && range) return shape === 'uniform';
  issues.push(
    error(
      'DISTRIBUTION_INVALID',
      known
        ? `"distribution" is "${text}", but the row gives no range in low and high`
        : `"distribution" is "${text}", not triangular or uniform`,
      row.at('distribution'),
      "leave it empty for a triangular range with its mode at the row's figure, or write uniform; it needs low and high",
    ),
  );
  return undefined;
}

function pairOf(
  row: CsvRow,
  [first, second]: readonly [string, string],
  kind: 'count' | 'rate',
  issues: Issue[],
  uncapped = false,
): [Decimal, Decimal] | undefined {
  const missing = row.get(first) === '' ? first : row.get(second) === '' ? second : undefined;
  if (missing) {
    issues.push(
      error(
        'UNCERTAINTY_INCOMPLETE',
        `"${first}" and "${second}" go together, but "${missing}" is empty`,
        row.at(missing),
        `fill in "${missing}", or empty both`,
      ),
    );
    return undefined;
  }
  const before = issues.length;
  const a = decimalCell(row, first, issues, { kind, atMostOne: kind === 'rate', uncapped });
  const b = decimalCell(row, second, issues, { kind, atMostOne: kind === 'rate', uncapped });
  return issues.length > before || !a || !b ? undefined : [a, b];
}

function readPosterior(
  row: CsvRow,
  { figure, column, isRate }: Parameters<typeof readUncertainty>[1],
  issues: Issue[],
): Uncertainty | undefined {
  if (!isRate) {
    issues.push(
      error(
        'UNCERTAINTY_INCOMPLETE',
        'observed and exposure describe a rate, but the row gives a count',
        row.at(row.get('observed') !== '' ? 'observed' : 'exposure'),
        'give the row a rate per head (new plans ÷ population), or a range for the count in low and high',
      ),
    );
    return undefined;
  }
  // Pseudo-counts: population summed over the history's Januaries, past 10,000,000 for a large area.
  const pair = pairOf(row, ['observed', 'exposure'], 'count', issues, true);
  if (!pair) return undefined;
  const [observed, exposure] = pair;
  if (exposure.isZero() || observed.greaterThan(exposure)) {
    issues.push(
      error(
        'OBSERVED_ABOVE_EXPOSURE',
        `observed is ${observed.toString()} out of an exposure of ${exposure.toString()}; the exposure must be more than 0 and at least what was observed`,
        row.at('exposure'),
        'exposure is the pupils (or, for new plans, the population) at risk; observed, those who ceased, moved or joined',
      ),
    );
    return undefined;
  }
  // The rate is observed ÷ exposure as written: rounded either way to its own decimal places, no
  // further (calibrate rounds a state's move rates down, so together they never pass 1).
  const places = figure.decimalPlaces();
  const share = observed.div(exposure);
  if (!share.minus(figure).abs().lessThan(new Dec(10).pow(-places))) {
    issues.push(
      error(
        'RATE_NOT_OBSERVED_SHARE',
        `"${row.label(column)}" is ${figure.toString()}, but observed ÷ exposure is ${share.toDecimalPlaces(places + 2).toString()}`,
        row.at(column),
        'the rate must be observed ÷ exposure (within one unit of the last decimal the rate is written with): correct one of the three',
      ),
    );
    return undefined;
  }
  return { kind: 'posterior', observed, exposure };
}

function readRange(
  row: CsvRow,
  { figure, column, isRate }: Parameters<typeof readUncertainty>[1],
  uniform: boolean,
  issues: Issue[],
): Uncertainty | undefined {
  const pair = pairOf(row, ['low', 'high'], isRate ? 'rate' : 'count', issues);
  if (!pair) return undefined;
  const [low, high] = pair;
  if (low.greaterThan(figure) || high.lessThan(figure)) {
    issues.push(
      error(
        'RANGE_EXCLUDES_RATE',
        `the range ${low.toString()} to ${high.toString()} does not hold the row's ${column}, ${figure.toString()}`,
        row.at(low.greaterThan(figure) ? 'low' : 'high'),
        `low is at most the ${column} and high at least it: the ${column} is the most likely value, the range what it could be`,
      ),
    );
    return undefined;
  }
  return { kind: 'range', low, high, ...(uniform ? { uniform } : {}) };
}
