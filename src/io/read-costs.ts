import * as path from 'node:path';
import type { CostRow } from '../core/calibrate/calibrated-model.js';
import type { Need } from '../core/need.js';
import { error, type Issue, type Location, warning } from '../core/issue.js';
import type { CsvTable } from './csv-table.js';
import { decimalCell, requiredText } from './cell-parsers.js';
import { flushNormalisations } from './normalise.js';
import type { CodeReader } from './read-history-codes.js';
import { codesFileToMapIn } from './codes-advice.js';

export const COSTS_COLUMNS = { required: ['need', 'setting', 'cost'], optional: [] } as const;

/** A costs.csv row with where its setting was written, to locate a setting the history lacks. */
export interface LocatedCost {
  readonly row: CostRow;
  readonly setting: Location;
}

/** costs.csv: the annual top-up per pupil (place funding not included) by need (`*` or blank: any) and setting, for the tariff stub's top-ups. */
export function readCosts(table: CsvTable, codes: CodeReader, issues: Issue[]): LocatedCost[] {
  /** The line of each need and setting's row, as codes.csv maps them: one cost each. */
  const lines = new Map<string, number>();
  // Costs by band repeat a need and setting (an officer's trial): say why they are one.
  const banded = table.columnNames?.includes('band') ?? false;
  const rows = table.rows.flatMap((row): LocatedCost[] => {
    const before = issues.length;
    const needText = row.get('need');
    const need = needText === '' || needText === '*' ? '*' : codes.need(row, 'need', issues);
    const setting = requiredText(row, 'setting', issues) && codes.setting(row, 'setting', issues);
    const cost = decimalCell(row, 'cost', issues, { kind: 'amount' });
    if (issues.length > before || !need || !setting || !cost) return [];
    // A second cost for one need and setting (a row pasted twice, or a local code and its id)
    // was dropped for '*', or written twice into the stub, which project then refuses (an
    // officer's trial).
    const key = `${need}\u0000${setting}`;
    const first = lines.get(key);
    if (first !== undefined) {
      issues.push(
        error(
          'DUPLICATE_ROW',
          `a cost for ${need === '*' ? 'any need' : `need ${need}`} in setting "${setting}" is already given on line ${first}`,
          row.at('cost'),
          `keep one row: a cost per pupil for each need and setting ("*" for any need)${banded ? '; the "band" column is not read, as bands are not fitted: give each band its top-up in the tariff.json calibrate writes' : ''}`,
        ),
      );
      return [];
    }
    lines.set(key, row.line);
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
  codesFile?: string,
): CostRow[] {
  const known = new Set(settings);
  for (const cost of costs)
    if (!known.has(cost.row.setting))
      issues.push(
        error(
          'UNKNOWN_SETTING',
          `setting "${cost.row.setting}" is in no row of the history, whose settings are ${settings.join(', ')}`,
          cost.setting,
          `correct the spelling, or map the local code in ${codesFileToMapIn(codesFile)} (setting,<code>,<setting id>)`,
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
  files: { readonly costs: string; readonly codes: string | undefined },
  firstAt: (setting: string) => Location | undefined,
): Issue[] {
  const costed = new Set(costs.map((cost) => cost.row.setting));
  const name = path.basename(files.costs);
  return settings
    .filter((setting) => !costed.has(setting))
    .map((setting) =>
      warning(
        'NO_COST_FOR_SETTING',
        `setting "${setting}" has no cost in ${name}: its pupils are priced at £0 in the tariff stub until it is filled in`,
        firstAt(setting) ?? { file: files.costs },
        `if "${setting}" is a slip or a local code for a setting, map it in ${codesFileToMapIn(files.codes)} (setting,${setting},<setting id>); else give it a row in ${name} (*,${setting},<annual cost>)`,
      ),
    );
}

/**
 * A setting costs.csv prices for some needs but not for any (`*`): its other needs are priced by
 * the stub's `*` row, at £0, until it is filled in. Found by a review: costs for ASD and SEMH in
 * mainstream left its MLD pupils free without a word (NO_COST_FOR_SETTING speaks only of a
 * setting with no row at all). A warning at the setting's first row in costs.csv, naming the
 * needs its pupils have in the history that no row prices.
 */
export function needsWithoutCost(
  costs: readonly LocatedCost[],
  needsBySetting: ReadonlyMap<string, ReadonlySet<Need>>,
  costsFile: string,
): Issue[] {
  const name = path.basename(costsFile);
  const bySetting = new Map<string, LocatedCost[]>();
  for (const cost of costs)
    bySetting.set(cost.row.setting, [...(bySetting.get(cost.row.setting) ?? []), cost]);
  const issues: Issue[] = [];
  for (const [setting, rows] of bySetting) {
    const costed = new Set<string>(rows.map((cost) => cost.row.need));
    if (costed.has('*')) continue;
    const missing = [...(needsBySetting.get(setting) ?? [])].filter((need) => !costed.has(need));
    if (missing.length === 0) continue;
    const given = [...costed].sort().join(', ');
    const without = missing.sort().join(', ');
    issues.push(
      warning(
        'NO_COST_FOR_NEED',
        `setting "${setting}" has a cost in ${name} for ${given} only, not for ${without}, which its pupils in the history have: the tariff stub prices ${missing.length === 1 ? 'that need' : 'those needs'} there at £0 (its row for any need) until it is filled in`,
        rows[0]!.setting,
        `give the setting a row for any other need (*,${setting},<annual cost>), or one for each need (${missing[0]!},${setting},<annual cost>)`,
      ),
    );
  }
  return issues;
}
