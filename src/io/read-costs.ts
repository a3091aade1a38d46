import * as path from 'node:path';
import type { CostRow } from '../core/calibrate/calibrated-model.js';
import { error, type Issue, type Location, warning } from '../core/issue.js';
import type { CsvTable } from './csv-table.js';
import { decimalCell, requiredText } from './cell-parsers.js';
import { flushNormalisations } from './normalise.js';
import type { CodeReader } from './read-history-codes.js';

export const COSTS_COLUMNS = { required: ['need', 'setting', 'cost'], optional: [] } as const;

/** A costs.csv row with where its setting was written, to locate a setting the history lacks. */
export interface LocatedCost {
  readonly row: CostRow;
  readonly setting: Location;
}

/** costs.csv: the annual cost per pupil by need (`*` or blank: any) and setting, for the tariff stub's top-ups. */
export function readCosts(table: CsvTable, codes: CodeReader, issues: Issue[]): LocatedCost[] {
  const rows = table.rows.flatMap((row): LocatedCost[] => {
    const before = issues.length;
    const needText = row.get('need');
    const need = needText === '' || needText === '*' ? '*' : codes.need(row, 'need', issues);
    const setting = requiredText(row, 'setting', issues) && codes.setting(row, 'setting', issues);
    const cost = decimalCell(row, 'cost', issues, { kind: 'amount' });
    if (issues.length > before || !need || !setting || !cost) return [];
    return [{ row: { need, setting, cost }, setting: row.at('setting') }];
  });
  flushNormalisations(issues);
  return rows;
}

/**
 * A cost is a top-up of the stub tariff, whose settings are the history's: a cost for any other
 * setting (a misspelling, a local code codes.csv does not map) would be dropped and leave the
 * setting it meant at £0, so it is an error at the cell, as an unknown need there is.
 */
export function costsOfSettings(
  costs: readonly LocatedCost[],
  settings: readonly string[],
  issues: Issue[],
): CostRow[] {
  const known = new Set(settings);
  for (const cost of costs)
    if (!known.has(cost.row.setting))
      issues.push(
        error(
          'UNKNOWN_SETTING',
          `setting "${cost.row.setting}" is in no row of the history, whose settings are ${settings.join(', ')}`,
          cost.setting,
          'correct the spelling, or map the local code in codes.csv (setting,<code>,<setting id>)',
        ),
      );
  return costs.map((cost) => cost.row);
}

/**
 * A setting of the history with no row in costs.csv is priced at £0 in the tariff stub: rightly so
 * until the officer fills it in, but when costs.csv was given, such a setting is more often a code
 * written two ways (a user trial's MMSlB for MMSIB, a new setting of its own) than one left out.
 * A warning at the setting's first cell (else at costs.csv), one per setting.
 */
export function settingsWithoutCost(
  costs: readonly LocatedCost[],
  settings: readonly string[],
  costsFile: string,
  firstAt: (setting: string) => Location | undefined,
): Issue[] {
  const costed = new Set(costs.map((cost) => cost.row.setting));
  const name = path.basename(costsFile);
  return settings
    .filter((setting) => !costed.has(setting))
    .map((setting) =>
      warning(
        'NO_COST_FOR_SETTING',
        `setting "${setting}" has no cost in ${name}: its pupils are priced at £0 in the tariff stub until it is filled in`,
        firstAt(setting) ?? { file: costsFile },
        `if "${setting}" is a slip or a local code for a setting, map it in codes.csv (setting,${setting},<setting id>); else give it a row in ${name} (*,${setting},<annual cost>)`,
      ),
    );
}
