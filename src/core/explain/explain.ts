import { InternalError } from '../errors.js';
import { error, type Issue } from '../issue.js';
import type { Model } from '../model.js';
import { type FinancialYear, formatFinancialYear, parseFinancialYear } from '../period.js';
import { firstProjectedFinancialYear } from '../period.js';
import { FIGURE_NAMES, FIGURES, type FigureName } from './figures.js';
import { type ExplainNode, unreconciled } from './node.js';
import type { ExplainRun } from './run.js';
import type { Reference } from '../tariff.js';

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
export function explainFigure(run: ExplainRun, request: ExplainRequest): Explanation {
  const figure = FIGURES[request.figure];
  const year = run.projection.years.find((y) => y.financialYear === request.year);
  if (!year) throw new InternalError(`explain: ${request.year} is not a projected year`);
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
    financialYear: request.year,
    figure: request.figure,
    ...(request.setting !== undefined ? { setting: request.setting } : {}),
    unit: figure.unit,
    how: figure.how,
    tree,
  };
}

export interface ExplainOptions {
  readonly figure?: string;
  readonly year?: string;
  readonly setting?: string;
}

/**
 * The request, or every problem with it at once: located at the option that names something the
 * model does not have, with the values it does (usage errors: exit 2).
 */
export function explainRequest(
  model: Model,
  settings: readonly string[],
  options: ExplainOptions,
): { request?: ExplainRequest; issues: Issue[] } {
  const issues: Issue[] = [];
  const first = firstProjectedFinancialYear(model.baseYear);
  const years: string[] = [];
  for (let fy = first; fy <= model.horizon; fy += 1) years.push(formatFinancialYear(fy));
  const figure = FIGURE_NAMES.find((name) => name === options.figure);
  if (!figure)
    issues.push(
      error(
        'UNKNOWN_FIGURE',
        `"${options.figure ?? ''}" is not a figure of the summary`,
        { file: '--figure' },
        `figures: ${FIGURE_NAMES.join(', ')}`,
      ),
    );
  const year = parseFinancialYear(options.year ?? '');
  if (year === undefined || year < first || year > model.horizon)
    issues.push(
      error(
        'UNKNOWN_YEAR',
        `"${options.year ?? ''}" is not a financial year of the projection`,
        { file: '--year' },
        `years: ${years.join(', ')}`,
      ),
    );
  if (options.setting !== undefined) {
    if (!settings.includes(options.setting))
      issues.push(
        error(
          'UNKNOWN_SETTING',
          `setting "${options.setting}" is not in tariff "${model.tariff.id}"`,
          { file: '--setting' },
          `settings: ${settings.join(', ')}`,
        ),
      );
    else if (figure && !FIGURES[figure].bySetting)
      issues.push(
        error(
          'UNKNOWN_FIGURE',
          `${figure} is not given by setting`,
          { file: '--figure' },
          `with --setting, figures: ${FIGURE_NAMES.filter((n) => FIGURES[n].bySetting).join(', ')}`,
        ),
      );
  }
  if (issues.length || !figure || year === undefined) return { issues };
  return {
    request: {
      figure,
      year,
      ...(options.setting !== undefined ? { setting: options.setting } : {}),
    },
    issues,
  };
}
