import { type FinancialYear, formatFinancialYear, parseFinancialYear } from '../period.js';
import { described } from '../scenario/scenario-argument.js';
import type { ExplainRequest } from './explain.js';
import { FIGURE_NAMES, FIGURES, type FigureName } from './figures.js';
import type { ExplainRun } from './run.js';

/** What a library caller may ask explainFigure for: the year as 2027 or as its text, "2027-28". */
export interface ExplainFigureRequest {
  readonly figure: FigureName;
  readonly year: FinancialYear | string;
  readonly setting?: string;
}

/**
 * A library caller's run and request, checked before the figure is taken apart, as simulate's
 * arguments are (core/simulate/simulate-arguments.ts): passing explainRun's result rather than
 * its `run`, a misspelt figure, a year outside the projection or a setting the tariff does not
 * have would otherwise surface as a TypeError deep inside or an InternalError that reads as a
 * bug. Throws a TypeError (the wrong kind of thing) or a RangeError (a value the run has not),
 * naming what to pass; the CLI's checks are explainRequest's (request.ts), located issues.
 */
export function explainArguments(
  run: unknown,
  request: unknown,
): { run: ExplainRun; request: ExplainRequest } {
  const given = run as { run?: unknown; issues?: unknown; projection?: unknown } | null;
  if (typeof given !== 'object' || given === null || given.projection === undefined)
    throw new TypeError(
      given !== null && typeof given === 'object' && 'issues' in given
        ? `explainFigure: pass the run inside explainRun's result, explainRun(model).run, not the result { run, issues }${given.run === undefined ? ' (here it has no run: its issues say why the model did not project)' : ''}`
        : `explainFigure: run must be explainRun(model).run, not ${described(run)}`,
    );
  const checked = run as ExplainRun;
  const asked = request as Partial<Record<'figure' | 'year' | 'setting', unknown>> | null;
  if (typeof asked !== 'object' || asked === null)
    throw new TypeError(
      `explainFigure: request must be { figure, year, setting? }, such as { figure: 'spend_total', year: '2027-28' }, not ${described(request)}`,
    );
  const figure = FIGURE_NAMES.find((name) => name === asked.figure);
  if (!figure)
    throw new RangeError(
      `explainFigure: figure ${JSON.stringify(asked.figure)} is not a figure of the summary; figures: ${FIGURE_NAMES.join(', ')}`,
    );
  const years = checked.projection.years.map((y) => y.financialYear);
  const year =
    typeof asked.year === 'string'
      ? parseFinancialYear(asked.year.trim())
      : typeof asked.year === 'number'
        ? asked.year
        : undefined;
  if (year === undefined || !years.includes(year))
    throw new RangeError(
      `explainFigure: year ${JSON.stringify(asked.year)} is not a projected financial year; give one as ${years[0]} or "${formatFinancialYear(years[0] ?? 0)}": years ${years.map(formatFinancialYear).join(', ')}`,
    );
  const setting = asked.setting;
  if (setting !== undefined) {
    const settings = checked.projection.years[0]?.settings.map((s) => s.setting) ?? [];
    if (typeof setting !== 'string' || !settings.includes(setting))
      throw new RangeError(
        `explainFigure: setting ${JSON.stringify(setting)} is not a setting of the projection; settings: ${settings.join(', ')}`,
      );
    if (!FIGURES[figure].bySetting)
      throw new RangeError(
        `explainFigure: ${figure} is not given by setting; with a setting, figures: ${FIGURE_NAMES.filter((n) => FIGURES[n].bySetting).join(', ')}`,
      );
  }
  return {
    run: checked,
    request: { figure, year, ...(setting !== undefined ? { setting: setting as string } : {}) },
  };
}
