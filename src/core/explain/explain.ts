import { InternalError } from '../errors.js';
import { type FinancialYear, formatFinancialYear } from '../period.js';
import { FIGURES, type FigureName } from './figures.js';
import { type ExplainNode, unreconciled } from './node.js';
import { type ExplainRun, yearOf } from './run.js';
import { explainArguments, type ExplainFigureRequest } from './explain-arguments.js';
import type { Reference } from '../tariff.js';
import type { Scenario } from '../scenario/types.js';

/** The version of `explain --format json`'s shape: raised when a field changes meaning or goes. */
const EXPLAIN_SCHEMA_VERSION = 1;

export interface ExplainRequest {
  readonly figure: FigureName;
  readonly year: FinancialYear;
  readonly setting?: string;
}

/** How one figure of one year is built, down to its inputs (docs/explain.md). */
export interface Explanation {
  readonly schemaVersion: typeof EXPLAIN_SCHEMA_VERSION;
  readonly area: { readonly code: string; readonly name: string };
  readonly scenario?: { readonly id: string; readonly label: string };
  readonly tariff: {
    readonly id: string;
    readonly title: string;
    readonly references: readonly Reference[];
  };
  /**
   * The tables a scenario's tariff levers switch settings to, each from its date: the rates
   * charged after it are that table's, not `tariff`'s (an officer's trial read the model's table
   * alone named under rates from the new one).
   */
  readonly switchedTo?: readonly SwitchedTo[];
  readonly financialYear: FinancialYear;
  readonly figure: FigureName;
  readonly setting?: string;
  readonly unit: 'GBP' | 'pupils';
  readonly how: string;
  readonly tree: ExplainNode;
}

/**
 * Explains a figure of a traced projection. The tree's root is the figure as the projection
 * computed it, and every node is checked to be exactly its parts: a tree that does not add up
 * is a bug in highneeds, never a user's mistake.
 */
export function explainFigure(
  given: ExplainRun,
  asked: ExplainRequest | ExplainFigureRequest,
): Explanation {
  // A library caller's mistake is a TypeError or RangeError saying what to pass, never a bug.
  const { run, request } = explainArguments(given, asked);
  const figure = FIGURES[request.figure];
  const year = yearOf(run, request.year);
  const parts = figure.parts(run, request.year, request.setting);
  const tree = {
    ...parts,
    label: `${request.figure}${request.setting !== undefined ? ` (${request.setting})` : ''} ${formatFinancialYear(request.year)}`,
  };
  const expected = figure.value(year, request.setting);
  const problems = [
    ...(tree.value.eq(expected)
      ? []
      : [`${request.figure}: ${tree.value.toString()} ≠ ${expected.toString()}`]),
    ...unreconciled(tree),
  ];
  if (problems.length)
    throw new InternalError(
      `explain: the parts do not add up to the figure:\n${problems.join('\n')}`,
    );
  return {
    schemaVersion: EXPLAIN_SCHEMA_VERSION,
    area: run.projection.area,
    ...(run.scenario ? { scenario: { id: run.scenario.id, label: run.scenario.label } } : {}),
    tariff: {
      id: run.projection.tariff.id,
      title: run.projection.tariff.title,
      references: run.projection.tariff.references,
    },
    ...switchesOf(run.scenario),
    financialYear: request.year,
    figure: request.figure,
    ...(request.setting !== undefined ? { setting: request.setting } : {}),
    unit: figure.unit,
    how: figure.how,
    tree,
  };
}

/** A tariff lever's switch to another table: from `from`, the `settings` it names (all when none). */
interface SwitchedTo {
  readonly lever: string;
  readonly from: string;
  readonly id: string;
  readonly title: string;
  readonly settings?: readonly string[];
}

function switchesOf(scenario: Scenario | undefined): { switchedTo?: readonly SwitchedTo[] } {
  const switches = (scenario?.levers ?? []).flatMap((lever) =>
    lever.kind === 'tariff' && lever.tariff
      ? [
          {
            lever: lever.id,
            from: lever.fromDate,
            id: lever.tariff.id,
            title: lever.tariff.title,
            ...(lever.filter.settings ? { settings: lever.filter.settings } : {}),
          },
        ]
      : [],
  );
  return switches.length ? { switchedTo: switches } : {};
}
