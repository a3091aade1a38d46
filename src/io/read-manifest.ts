import type { Decimal } from 'decimal.js';
import { ZERO } from '../core/decimal.js';
import { error, type Issue, type Location } from '../core/issue.js';
import type { Assumptions } from '../core/model.js';
import type { WriteOff } from '../core/write-off.js';
import {
  type AcademicYear,
  type FinancialYear,
  firstProjectedFinancialYear,
  formatFinancialYear,
  parseAcademicYear,
  parseFinancialYear,
} from '../core/period.js';
import type { JsonFields, JsonObject } from './json-fields.js';
import { jsonFields } from './read-json.js';
import { readWriteOff } from './read-write-off.js';
import {
  MONEY_SETTINGS_KEYS,
  type MoneySettings,
  readMoneySettings,
} from './read-money-settings.js';
import { yearHint } from '../core/year-hint.js';
import { horizonTooFar } from './horizon-too-far.js';

/** What model.json gives for every area it models: one area's folder, or a national model's areas. */
export interface ModelSettings {
  readonly baseYear: AcademicYear;
  readonly horizon: FinancialYear;
  /** Tariff: a path relative to the model folder, or the id of a table in the tariff library (a national areas.csv may give another per area). */
  readonly tariff: string;
  readonly assumptions: Assumptions;
  /** The 2026 write-off (a national model's, for every area on its own deficit: eligibleDeficit is refused there). */
  readonly writeOff?: WriteOff;
  /** Where pupils above a setting's capacity go when capacity.csv names no overflow_to; checked against the tariff by the caller. */
  readonly overflowSetting?: string;
  /** Where a field of model.json is (a JSON path such as `$.overflowSetting`), for problems found once the tariff and tables are read. */
  readonly at: (path: string) => Location;
  /** overrideEnd and deficitFinancing (src/io/read-money-settings.ts). */
  readonly money?: MoneySettings;
}

/** model.json of one area's model folder. */
export interface Manifest extends ModelSettings {
  readonly area: { readonly code: string; readonly name: string };
}

/** model.json's assumptions; a national model's areas.csv may give each for an area (its column: the key in lower case). */
export const ASSUMPTION_KEYS = ['newPlansGrowth', 'hnbGrowth', 'tariffUplift'] as const;

/** The fields model.json may hold besides `area` (one area) or `areas` (national): anything else is a misspelling, never ignored. */
export const MODEL_SETTINGS_KEYS = [
  'baseYear',
  'horizon',
  'tariff',
  'assumptions',
  'writeOff',
  'overflowSetting',
  'notes',
  ...MONEY_SETTINGS_KEYS,
] as const;

/** model.json: the model's manifest. Returns what it could read; issues say what it could not. */
export function parseManifest(text: string, file: string, issues: Issue[]): Partial<Manifest> {
  const fields = jsonFields(text, file, issues);
  const root = fields?.object(fields.root, '$');
  if (!fields || !root) return {};
  fields.knownKeys(root, '$', ['area', ...MODEL_SETTINGS_KEYS]);
  const areaObject = root['area'] === undefined ? undefined : fields.object(root['area'], '$.area');
  if (root['area'] === undefined)
    issues.push(
      error('MISSING_VALUE', '$.area is required: { "code": "…", "name": "…" }', fields.at('$')),
    );
  if (areaObject) fields.knownKeys(areaObject, '$.area', ['code', 'name']);
  const code = areaObject ? fields.string(areaObject, 'code', '$.area') : undefined;
  const name = areaObject ? fields.string(areaObject, 'name', '$.area') : undefined;

  const common = parseModelSettings(fields, root, issues);
  return { ...(code && name ? { area: { code, name } } : {}), ...common };
}

/**
 * What model.json gives for one area and for a national model alike: the base year and horizon
 * (a horizon before the first projected year is reported and dropped), the tariff, the
 * assumptions (each 0 when not given), the write-off and the overflow setting.
 */
export function parseModelSettings(
  fields: JsonFields,
  root: JsonObject,
  issues: Issue[],
): Partial<ModelSettings> {
  const baseText = fields.string(root, 'baseYear', '$');
  const baseYear = baseText === undefined ? undefined : parseAcademicYear(baseText);
  if (baseText !== undefined && baseYear === undefined)
    issues.push(
      error(
        'INVALID_YEAR',
        `$.baseYear "${baseText}" is not an academic year written like 2025/26`,
        fields.at('$.baseYear'),
        yearHint(baseText, 'academic'),
      ),
    );
  const horizonText = fields.string(root, 'horizon', '$');
  const horizon = horizonText === undefined ? undefined : parseFinancialYear(horizonText);
  if (horizonText !== undefined && horizon === undefined)
    issues.push(
      error(
        'INVALID_YEAR',
        `$.horizon "${horizonText}" is not a financial year written like 2030-31`,
        fields.at('$.horizon'),
        yearHint(horizonText, 'financial'),
      ),
    );
  const before =
    baseYear !== undefined &&
    horizon !== undefined &&
    horizon < firstProjectedFinancialYear(baseYear);
  if (before) {
    issues.push(
      error(
        'HORIZON_BEFORE_BASE',
        `$.horizon ${horizonText} is before the first projected financial year ${formatFinancialYear(firstProjectedFinancialYear(baseYear))}`,
        fields.at('$.horizon'),
        `the January ${baseYear + 1} census opens the projection in April ${baseYear + 1}`,
      ),
    );
  }
  // A projection of centuries grew its counts past what a double holds (found by a review).
  const far =
    baseYear !== undefined && horizon !== undefined
      ? horizonTooFar(`$.horizon ${horizonText}`, baseYear, horizon, fields.at('$.horizon'))
      : undefined;
  if (far) issues.push(far);
  const tariff = fields.string(root, 'tariff', '$');
  const overflowSetting = fields.string(root, 'overflowSetting', '$', true);
  const assumptionsObject =
    root['assumptions'] === undefined
      ? undefined
      : fields.object(root['assumptions'], '$.assumptions');
  if (assumptionsObject)
    fields.knownKeys(assumptionsObject, '$.assumptions', [...ASSUMPTION_KEYS, 'otherSpendGrowth']);
  const money = readMoneySettings(fields, root, assumptionsObject);
  const values: Record<string, Decimal> = {};
  for (const key of ASSUMPTION_KEYS) {
    values[key] =
      (assumptionsObject
        ? fields.decimal(assumptionsObject, key, '$.assumptions', { optional: true, growth: true })
        : undefined) ?? ZERO;
  }
  const projected =
    baseYear !== undefined && horizon !== undefined
      ? { first: firstProjectedFinancialYear(baseYear), last: horizon }
      : undefined;
  const writeOff = readWriteOff(fields, root, projected);
  const assumptions: Assumptions = {
    newPlansGrowth: values['newPlansGrowth']!,
    hnbGrowth: values['hnbGrowth']!,
    tariffUplift: values['tariffUplift']!,
    ...(money.otherSpendGrowth ? { otherSpendGrowth: money.otherSpendGrowth } : {}),
  };
  return {
    ...(baseYear !== undefined ? { baseYear } : {}),
    ...(horizon !== undefined && !before ? { horizon } : {}),
    ...(tariff ? { tariff } : {}),
    assumptions,
    ...(writeOff ? { writeOff } : {}),
    ...(overflowSetting ? { overflowSetting } : {}),
    money,
    at: (path: string) => fields.at(path),
  };
}
