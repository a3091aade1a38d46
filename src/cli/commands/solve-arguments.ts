import type { Decimal } from 'decimal.js';
import { parseDecimal } from '../../core/decimal.js';
import { UsageError } from '../../core/errors.js';
import {
  firstProjectedFinancialYear,
  formatFinancialYear,
  parseFinancialYear,
} from '../../core/period.js';
import { yearHint } from '../../core/year-hint.js';
import type { Model } from '../../core/model.js';
import type { Metric, Target } from '../../core/scenario/goal-seek.js';
import { type Lever, LOWEST_SHARE, type Scenario } from '../../core/scenario/types.js';
import { ASSUMPTION_KEYS } from '../../io/read-manifest.js';
import { amountOption } from '../amount-option.js';
import type { SolveOptions } from './solve.js';

/**
 * What solve's --target, --vary and --range say, read and checked: the target (metric, comparison,
 * amount and year), the parameter a value is put into, and the years and shares they may take.
 */
// The amount as a spreadsheet may write it too (45,000,000, £45,000,000): src/cli/amount-option.ts.
const TARGET = /^(in-year-balance|cumulative-balance|spend-total)(>=|<=)([^@]+)@(.+)$/;

export function parseTarget(text: string): Target {
  const match = TARGET.exec(text.replace(/\s+/g, ''));
  const year = match ? parseFinancialYear(match[4]!) : undefined;
  const threshold = match ? amountOption(match[3]!) : undefined;
  // The year alone miswritten (2028/29, an academic year's way): say so, as explain --year does
  // (found by a user trial, told only that the whole target "is not like" the examples).
  const hint = match && year === undefined ? yearHint(match[4]!, 'financial') : undefined;
  if (match && threshold !== undefined && year === undefined)
    throw new UsageError(
      `--target "${text}": "${match[4]!}" is not a financial year written like 2028-29${hint ? `; ${hint}` : ''}`,
    );
  if (match && threshold === undefined)
    throw new UsageError(
      `--target "${text}": "${match[3]!}" is not an amount in pounds; write it in full, as 6000000 or £6,000,000`,
    );
  if (
    /^(in-year-balance|cumulative-balance|spend-total)(>|<|=>|=<|==?)[^=<>]/.test(
      text.replace(/\s+/g, ''),
    )
  )
    throw new UsageError(
      `--target "${text}": compare with >= (at least) or <= (at most), as in-year-balance>=0@2028-29`,
    );
  if (!match || year === undefined || threshold === undefined)
    throw new UsageError(
      `--target "${text}" is not like in-year-balance>=0@2028-29, cumulative-balance>=0@2030-31 or spend-total<=45000000@2028-29`,
    );
  return {
    metric: match[1] as Metric,
    comparison: match[2] as '>=' | '<=',
    threshold,
    year,
  };
}

/**
 * What --vary changes, as a scenario for a value: `lever:ID.share`, `lever:ID.places`,
 * `assumption:newPlansGrowth|hnbGrowth|tariffUplift`, or `transfer:YEAR:SCHOOLS_BLOCK`
 * (a block transfer in that financial year of value × the stated schools block, added to the
 * year's others). `scenarios`: the model's, to say which has a lever this one lacks.
 */
export function parameter(
  spec: string,
  scenario: Scenario,
  scenarios: readonly Scenario[] = [],
): (value: Decimal) => Scenario {
  const lever = /^lever:([^.]+)\.(share|places)$/.exec(spec);
  if (lever) {
    const [, id, field] = lever as unknown as [string, string, 'share' | 'places'];
    const index = scenario.levers.findIndex((l) => l.id === id);
    const found = scenario.levers[index];
    if (!found || !(field in found) || found[field as keyof Lever] === undefined)
      throw new UsageError(noSuchLever(spec, id, field, scenario, scenarios));
    return (value) => ({
      ...scenario,
      levers: scenario.levers.map((l, i) =>
        i === index ? ({ ...l, [field]: value } as Lever) : l,
      ),
    });
  }
  const assumption = /^assumption:(newPlansGrowth|hnbGrowth|tariffUplift)$/.exec(spec);
  if (assumption)
    return (value) => ({
      ...scenario,
      assumptions: { ...scenario.assumptions, [assumption[1]!]: value },
    });
  const transfer = /^transfer:([^:]+):(.+)$/.exec(spec);
  if (transfer) return transferParameter(spec, transfer[1]!, transfer[2]!, scenario);
  // The kind is right but not what follows it: say what it takes (found by a user trial,
  // told only that assumption:nope "is not ... assumption:NAME").
  if (/^assumption:/.test(spec))
    throw new UsageError(
      `--vary "${spec}": the assumptions solve can vary are assumption:newPlansGrowth, assumption:hnbGrowth and assumption:tariffUplift`,
    );
  if (/^transfer:/.test(spec)) throw new UsageError(notTransfer(spec));
  throw new UsageError(
    `--vary "${spec}" is not lever:ID.share, lever:ID.places, assumption:NAME or transfer:YEAR:SCHOOLS_BLOCK${bareName(spec, scenario)}`,
  );
}

const notTransfer = (spec: string, why = ''): string =>
  `--vary "${spec}" is not transfer:YEAR:SCHOOLS_BLOCK, the financial year and the schools block in pounds, e.g. transfer:2028-29:300000000${why}`;

/**
 * transfer:YEAR:SCHOOLS_BLOCK. The block is read as an amount cell is (£295,000,000 too), as
 * --target's amount is: it was refused, with the example's 300000000 its only hint (found by an
 * officer's trial); an academic year's 2028/29 is told how to write it, as --target's year is.
 */
function transferParameter(
  spec: string,
  yearText: string,
  blockText: string,
  scenario: Scenario,
): (value: Decimal) => Scenario {
  const year = parseFinancialYear(yearText);
  const block = amountOption(blockText);
  if (year === undefined) {
    const hint = yearHint(yearText, 'financial');
    throw new UsageError(notTransfer(spec, hint ? `: "${yearText}": ${hint}` : ''));
  }
  if (!block?.greaterThan(0))
    throw new UsageError(notTransfer(spec, `: "${blockText}" is not an amount in pounds above 0`));
  return (value) => ({
    ...scenario,
    funding: [
      ...scenario.funding,
      // The schools block stated, so that the transfer at the answer is checked against
      // the Forum's 0.5% (src/core/scenario/added-transfers.ts), located at the option.
      {
        financialYear: year,
        line: 'block_transfer',
        amount: value.times(block),
        share: value,
        schoolsBlock: block,
        origin: { file: '--vary' },
      },
    ],
  });
}

/**
 * Why a lever cannot be varied as asked, and what can. "scenario "model" has no lever" was all
 * an officer's trial was told when --scenario was left out (the model as given has no levers), or
 * when the lever was a funding lever, whose share is per line.
 */
function noSuchLever(
  spec: string,
  id: string,
  field: 'share' | 'places',
  scenario: Scenario,
  scenarios: readonly Scenario[],
): string {
  const where =
    scenario.id === 'model' && !scenarios.includes(scenario)
      ? 'the model as given (no --scenario) has no levers'
      : `scenario "${scenario.id}" has no lever "${id}"`;
  const found = scenario.levers.find((l) => l.id === id);
  if (found)
    return `--vary ${spec}: lever "${id}" of scenario "${scenario.id}" ${noField(found, field)}`;
  const holders = scenarios.filter((s) => s.levers.some((l) => l.id === id)).map((s) => s.id);
  if (holders.length)
    return `--vary ${spec}: ${where}; ${holders.length === 1 ? 'scenario' : 'scenarios'} ${holders.map((h) => `"${h}"`).join(', ')} ${holders.length === 1 ? 'has' : 'have'} it: add --scenario ${holders[0]!}`;
  const varied = scenario.levers.filter((l) => field in l && l[field as keyof Lever] !== undefined);
  const withField = field === 'share' ? 'with a share' : 'with places';
  const list = varied.length
    ? `; its levers ${withField}: ${varied.map((l) => l.id).join(', ')}`
    : '';
  return `--vary ${spec}: ${where}${where.endsWith('levers') ? '' : ` ${withField}`}${list}`;
}

/** What a lever found by its id has instead of the share or places asked for. */
function noField(lever: Lever, field: 'share' | 'places'): string {
  if (lever.kind === 'funding') {
    const row = lever.rows.find((r) => r.line === 'block_transfer' && r.schoolsBlock);
    const example = row
      ? `transfer:${formatFinancialYear(row.financialYear)}:${row.schoolsBlock!.toFixed()}`
      : 'transfer:YEAR:SCHOOLS_BLOCK';
    return `is a funding lever, whose lines solve does not vary: vary a block transfer with --vary ${example} (added to the year's other transfers)`;
  }
  if (lever.kind === 'tariff') return 'switches to another table and has no share to vary';
  const other = field === 'share' ? 'places' : 'share';
  return `has no ${field}: vary lever:${lever.id}.${other}`;
}

/**
 * A target year the projection does not reach cannot be met or missed: said at the option, with
 * the years there are. It was an error NO_RATE_IN_FORCE, "the model cannot be projected with the
 * parameter at 0" (found by a user trial: a target year past the horizon).
 */
export function checkTargetYear(text: string, target: Target, model: Model): void {
  const first = firstProjectedFinancialYear(model.baseYear);
  if (target.year >= first && target.year <= model.horizon) return;
  throw new UsageError(
    `--target "${text}": ${formatFinancialYear(target.year)} is not a financial year of the projection, which runs from ${formatFinancialYear(first)} to ${formatFinancialYear(model.horizon)}`,
  );
}

/**
 * A lever's share is searched only where scenarios.json could give it (LOWEST_SHARE to 1): a
 * new-plans share of -3 made new plans negative, and a move of 3 moved more pupils than there
 * are, each answered as if it were a plan (found by a user trial with --range -3,0).
 */
export function checkShareRange(
  options: SolveOptions,
  scenario: Scenario,
  low: Decimal,
  high: Decimal,
): void {
  const lever = /^lever:([^.]+)\.share$/.exec(options.vary);
  const kind = lever && scenario.levers.find((l) => l.id === lever[1])?.kind;
  if (!kind || !(kind in LOWEST_SHARE)) return;
  const lowest = LOWEST_SHARE[kind as keyof typeof LOWEST_SHARE];
  const outside = [low, high].find((bound) => bound.lessThan(lowest) || bound.greaterThan(1));
  if (outside)
    throw new UsageError(
      `--range "${options.range}": ${options.vary} at ${outside.toString()} is outside ${lowest} to 1, the shares a ${kind} lever takes (docs/scenarios.md, "Levers")`,
    );
}

/**
 * --range LOW,HIGH. A percentage, as the model's CSVs take a share (0,20%), is told the decimals
 * the option takes (found by an officer's trial: told only that it "is not LOW,HIGH"); it is not
 * read as them, since a range may be of places or pounds as well as of a share.
 */
export function parseRange(text: string): [Decimal, Decimal] {
  const parts = text.split(',').map((part) => part.trim());
  const decimals = parts.map((part) =>
    part.endsWith('%') ? parseDecimal(part.slice(0, -1))?.div(100) : parseDecimal(part),
  );
  if (parts.some((part) => part.endsWith('%')) && decimals.every(Boolean))
    throw new UsageError(
      `--range "${text}": write it ${decimals.join(',')}: a share is a decimal here (20% is 0.2)`,
    );
  const [low, high] = decimals;
  if (!low || !high || !low.lessThan(high) || parts.some((part) => part.endsWith('%')))
    throw new UsageError(`--range "${text}" is not LOW,HIGH with LOW < HIGH, e.g. -0.5,0`);
  return [low, high];
}

/**
 * "; did you mean assumption:hnbGrowth?" for a --vary that names an assumption or one of the
 * scenario's levers without its kind, or a lever without its figure (lever:ID) (found by a user
 * trial: `--vary hnbGrowth` was told only the four forms).
 */
function bareName(spec: string, scenario: Scenario): string {
  const assumption = ASSUMPTION_KEYS.find((name) => name.toLowerCase() === spec.toLowerCase());
  if (assumption) return `; did you mean assumption:${assumption}?`;
  // `lever:ID` without its figure too (lever:ID.share's own check takes only .share or .places).
  const id = spec.replace(/^lever:/, '').replace(/\.(share|places)$/, '');
  const lever = scenario.levers.find((l) => l.id === id);
  if (!lever) return '';
  const field = lever.kind === 'places' ? 'places' : 'share';
  return field in lever && lever[field as keyof Lever] !== undefined
    ? `; did you mean lever:${lever.id}.${field}?`
    : '';
}
