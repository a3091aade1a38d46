import * as path from 'node:path';
import { hasErrors, sortIssues, type Issue, type Location } from '../core/issue.js';
import type { Assumptions, Model } from '../core/model.js';
import {
  type AcademicYear,
  type FinancialYear,
  firstProjectedFinancialYear,
} from '../core/period.js';
import type { Tariff } from '../core/tariff.js';
import type { WriteOff } from '../core/write-off.js';
import { checkedOverflowSetting, growthUnused, isYearlyCount } from './check-manifest.js';
import type { CsvTable } from './csv-table.js';
import type { InputDigest } from './input-reader.js';
import { type ModelRows, type ModelTables, readModelRows } from './model-tables.js';
import { readModelMoney } from './model-money.js';
import { type HnbFromSeen, readHnbFrom, withHnbFrom } from './read-hnb-from.js';
import type { MoneySettings } from './read-money-settings.js';
import type { OverridePolicy } from './read-policy.js';
import type { TransferLimitPolicy } from './read-transfer-limit.js';
import { transferIssues } from '../core/transfers.js';
import { TariffCheck } from './tariff-check.js';

/** One area's settings: model.json's, or a national model.json's with the area's row of areas.csv over them. */
interface AreaSettings {
  readonly area?: { readonly code: string; readonly name: string };
  /** A national area's codes of the other system (areas.csv's ons_code, la_code): an --hnb-from row under one is the area's. */
  readonly otherCodes?: readonly string[];
  readonly baseYear?: AcademicYear;
  readonly horizon?: FinancialYear;
  readonly assumptions?: Assumptions;
  readonly writeOff?: WriteOff;
  /** As model.json gives it: checked against the area's tariff here. */
  readonly overflowSetting?: string;
  /** Where a field of model.json is, for problems found once the tariff and tables are read. */
  readonly at?: (path: string) => Location;
  /** overrideEnd, deficitFinancing and otherSpendGrowth (src/io/read-money-settings.ts). */
  readonly money?: MoneySettings;
}

/**
 * What an area's model is made from, as read from a model folder (src/io/model-folder.ts) or
 * from one area of a national model (src/io/batch/area-source.ts): the same settings, tariff and
 * tables either way, with the problems found reading them and the files read.
 */
export interface AreaSource {
  readonly settings: AreaSettings;
  readonly tariff?: Tariff;
  readonly tables: ModelTables;
  /** `highneeds nff` outputs (--hnb-from) whose allocation for the area replaces hnb_allocation. */
  readonly hnbFrom?: readonly CsvTable[];
  readonly issues: readonly Issue[];
  readonly inputs: readonly InputDigest[];
  /** policy/statutory-override.json as read (the source records it among its inputs). */
  readonly policy: OverridePolicy;
  /** policy/schools-forum-transfer-limit.json as read (among the inputs too); absent: transfers are not checked. */
  readonly transferLimit?: TransferLimitPolicy;
  /** GROWTH_UNUSED is checked once for a national model's new-plans.csv, not per area. */
  readonly growthChecked?: boolean;
  /** Rows the source shares between areas (the same objects for each), given the rows read for this one. */
  readonly shared?: (tariff: Tariff, rows: ModelRows) => Partial<ModelRows>;
}

export interface LoadedModel {
  /** Present only when the inputs had no errors. */
  readonly model?: Model;
  /**
   * The area model.json gives, whenever its code and name could be read, with or without a
   * model: a batch names a folder that failed by it, as summary.csv names one that did not.
   */
  readonly area?: { readonly code: string; readonly name: string };
  readonly issues: readonly Issue[];
  /** Every file read, with its SHA-256, in the order read. */
  readonly inputs: readonly InputDigest[];
}

/**
 * The one place a Model is made (README, "The model folder"): the settings checked against the
 * tariff, each table's rows read and checked against the tariff and years (src/io/model-tables.ts),
 * --hnb-from's allocations over funding.csv's, and every problem, sorted. No model when any is an error.
 */
export function assembleModel(source: AreaSource): LoadedModel {
  const { settings, tariff, tables } = source;
  const issues: Issue[] = [...source.issues];
  const check = new TariffCheck(tariff);
  const base = settings.baseYear;
  const horizon = settings.horizon;
  const overflowSetting = checkedOverflowSetting(settings, check, issues);
  const read = readModelRows(
    tables,
    settings.area?.code,
    base,
    horizon,
    check,
    settings.overflowSetting,
    issues,
  );
  const rows = tariff && source.shared ? { ...read, ...source.shared(tariff, read) } : read;
  // funding.csv's transfers, against the Schools Forum's limit (policy data).
  const transferLimit = source.transferLimit?.share;
  issues.push(
    ...(source.transferLimit?.issues ?? []),
    ...transferIssues(read.funding, transferLimit),
  );
  // A new-plans.csv with an error is not read as it is meant: its counts are not known to be
  // missing (a scripter's trial was told "no row is a count" of a file of 297 that a stray
  // quote or a column named cnt kept from being read).
  const newPlansUnread = issues.some(
    (i) =>
      i.severity === 'error' && i.location && path.basename(i.location.file) === 'new-plans.csv',
  );
  if (!source.growthChecked && !newPlansUnread)
    issues.push(
      ...growthUnused(
        settings.assumptions?.newPlansGrowth,
        tables.newPlans?.rows.some((row) => isYearlyCount((column) => row.get(column))) ?? false,
        settings,
      ),
    );
  const seen: HnbFromSeen = new Map();
  const fromNff = (source.hnbFrom ?? []).flatMap((table) =>
    settings.area && base !== undefined && horizon !== undefined
      ? readHnbFrom(
          table,
          settings.area.code,
          settings.otherCodes ?? [],
          { first: firstProjectedFinancialYear(base), last: horizon },
          issues,
          seen,
        )
      : [],
  );
  const funding = withHnbFrom(rows.funding, fromNff);
  const money = readModelMoney(tables.spend, settings.money, source.policy, base, horizon, issues);

  const sorted = sortIssues(issues);
  const { inputs } = source;
  if (
    hasErrors(sorted) ||
    !tariff ||
    !settings.area ||
    base === undefined ||
    horizon === undefined ||
    !settings.assumptions
  )
    return { issues: sorted, inputs, ...(settings.area ? { area: settings.area } : {}) };
  const model: Model = {
    area: settings.area,
    baseYear: base,
    horizon,
    tariff,
    assumptions: settings.assumptions,
    ...rows,
    funding,
    ...(overflowSetting ? { overflowSetting } : {}),
    ...(settings.writeOff ? { writeOff: settings.writeOff } : {}),
    ...money,
    ...(transferLimit ? { transferLimit } : {}),
    ...(transferLimit && source.transferLimit?.standing
      ? { transferLimitSource: source.transferLimit.standing }
      : {}),
  };
  return { model, area: settings.area, issues: sorted, inputs };
}
