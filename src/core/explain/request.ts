import { error, type Issue } from '../issue.js';
import type { Model } from '../model.js';
import { firstProjectedFinancialYear, formatFinancialYear, parseFinancialYear } from '../period.js';
import type { ExplainRequest } from './explain.js';
import { FIGURE_NAMES, FIGURES } from './figures.js';
import { figureMeant } from './figure-labels.js';
import { yearHint } from '../year-hint.js';
import { settingsHint } from '../setting-key.js';

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
  const meant = figure ? undefined : figureMeant(options.figure ?? '', FIGURE_NAMES);
  if (!figure)
    issues.push(
      error(
        'UNKNOWN_FIGURE',
        `"${options.figure ?? ''}" is not a figure of the summary`,
        { file: '--figure' },
        meant ? `did you mean ${meant}?` : `figures: ${FIGURE_NAMES.join(', ')}`,
      ),
    );
  const year = parseFinancialYear(options.year ?? '');
  if (year === undefined || year < first || year > model.horizon)
    issues.push(
      error(
        'UNKNOWN_YEAR',
        `"${options.year ?? ''}" is not a financial year of the projection`,
        { file: '--year' },
        [
          year === undefined ? yearHint(options.year ?? '', 'financial') : undefined,
          `years: ${years.join(', ')}`,
        ]
          .filter(Boolean)
          .join('; '),
      ),
    );
  if (options.setting !== undefined) {
    if (!settings.includes(options.setting))
      issues.push(
        error(
          'UNKNOWN_SETTING',
          `setting "${options.setting}" is not in tariff "${model.tariff.id}"`,
          { file: '--setting' },
          settingsHint(options.setting, settings, model.tariff.settings),
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
