import type { Issue } from '../core/issue.js';
import type { Model } from '../core/model.js';
import {
  type AcademicYear,
  type FinancialYear,
  firstProjectedFinancialYear,
} from '../core/period.js';
import type { CsvTable } from './csv-table.js';
import type { MoneySettings } from './read-money-settings.js';
import type { OverridePolicy } from './read-policy.js';
import { readSpend } from './read-spend.js';

export type ModelMoney = Pick<
  Model,
  'spend' | 'overrideEnd' | 'overrideSource' | 'deficitFinancing'
>;

/**
 * The money inputs of issue 16 that are not funding.csv's or the tariff's: spend.csv's lines,
 * the override's end (model.json's, else the policy file's) and the deficit's financing rate.
 * One hook for a model folder (src/io/read-model.ts) and an area of a national model
 * (src/io/area-model.ts), so the two read them alike.
 */
export function readModelMoney(
  spendTable: CsvTable | undefined,
  money: MoneySettings | undefined,
  policy: OverridePolicy,
  base: AcademicYear | undefined,
  horizon: FinancialYear | undefined,
  issues: Issue[],
): ModelMoney {
  issues.push(...policy.issues);
  const spend =
    spendTable && base !== undefined && horizon !== undefined
      ? readSpend(spendTable, { first: firstProjectedFinancialYear(base), last: horizon }, issues)
      : undefined;
  const overrideEnd = money?.overrideEnd ?? policy.overrideEnd;
  const overrideSource: Model['overrideSource'] =
    money?.overrideEnd !== undefined
      ? { from: 'model.json' }
      : { from: 'policy', ...policy.standing };
  return {
    ...(spend?.length ? { spend } : {}),
    ...(overrideEnd !== undefined ? { overrideEnd, overrideSource } : {}),
    ...(money?.deficitFinancing ? { deficitFinancing: money.deficitFinancing } : {}),
  };
}
