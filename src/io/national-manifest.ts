import type { Decimal } from 'decimal.js';
import { ZERO } from '../core/decimal.js';
import { error, type Issue } from '../core/issue.js';
import type { Assumptions } from '../core/model.js';
import { type AcademicYear, type FinancialYear, firstProjectedFinancialYear, formatFinancialYear, parseAcademicYear, parseFinancialYear } from '../core/period.js';
import type { WriteOff } from '../core/write-off.js';
import { jsonFields } from './read-json.js';
import { readWriteOff } from './read-write-off.js';

/** model.json of a national model: `areas` names the areas table instead of one `area`. */
export interface NationalManifest {
  /** The areas table, relative to the folder. */
  readonly areas: string;
  readonly baseYear: AcademicYear;
  readonly horizon: FinancialYear;
  /** Tariff path relative to the folder (areas.csv may give another per area). */
  readonly tariff: string;
  readonly assumptions: Assumptions;
  /** The 2026 write-off, for every area (each on its own deficit). */
  readonly writeOff?: WriteOff;
}

const ASSUMPTIONS = ['newPlansGrowth', 'hnbGrowth', 'tariffUplift'] as const;

/** True when model.json text is a national manifest (an object with `areas`); malformed JSON is not. */
export function isNationalManifest(text: string): boolean {
  const fields = jsonFields(text, '', []);
  const root = fields?.root;
  return root !== null && typeof root === 'object' && !Array.isArray(root) && root['areas'] !== undefined;
}

/** Reads a national model.json; issues say what it could not read (as src/io/read-manifest.ts). */
export function parseNationalManifest(text: string, file: string, issues: Issue[]): Partial<NationalManifest> {
  const fields = jsonFields(text, file, issues);
  const root = fields?.object(fields.root, '$');
  if (!fields || !root) return {};
  if (root['area'] !== undefined) issues.push(error('INVALID_FIELD', '$.area cannot be given with $.areas: a national model names its areas in the areas table', fields.at('$.area')));
  const areas = fields.string(root, 'areas', '$');
  const baseText = fields.string(root, 'baseYear', '$');
  const baseYear = baseText === undefined ? undefined : parseAcademicYear(baseText);
  if (baseText !== undefined && baseYear === undefined) issues.push(error('INVALID_YEAR', `$.baseYear "${baseText}" is not an academic year written like 2025/26`, fields.at('$.baseYear')));
  const horizonText = fields.string(root, 'horizon', '$');
  const horizon = horizonText === undefined ? undefined : parseFinancialYear(horizonText);
  if (horizonText !== undefined && horizon === undefined) issues.push(error('INVALID_YEAR', `$.horizon "${horizonText}" is not a financial year written like 2030-31`, fields.at('$.horizon')));
  const before = baseYear !== undefined && horizon !== undefined && horizon < firstProjectedFinancialYear(baseYear);
  if (before) issues.push(error('HORIZON_BEFORE_BASE', `$.horizon ${horizonText} is before the first projected financial year ${formatFinancialYear(firstProjectedFinancialYear(baseYear))}`, fields.at('$.horizon')));
  const tariff = fields.string(root, 'tariff', '$');
  const assumptionsObject = root['assumptions'] === undefined ? undefined : fields.object(root['assumptions'], '$.assumptions');
  const values: Record<string, Decimal> = {};
  for (const key of ASSUMPTIONS) {
    values[key] = (assumptionsObject ? fields.decimal(assumptionsObject, key, '$.assumptions', { optional: true, allowNegative: true }) : undefined) ?? ZERO;
  }
  const projected = baseYear !== undefined && horizon !== undefined ? { first: firstProjectedFinancialYear(baseYear), last: horizon } : undefined;
  const writeOff = readWriteOff(fields, root, projected);
  return {
    ...(areas ? { areas } : {}),
    ...(baseYear !== undefined ? { baseYear } : {}),
    ...(horizon !== undefined && !before ? { horizon } : {}),
    ...(tariff ? { tariff } : {}),
    assumptions: { newPlansGrowth: values['newPlansGrowth']!, hnbGrowth: values['hnbGrowth']!, tariffUplift: values['tariffUplift']! },
    ...(writeOff ? { writeOff } : {}),
  };
}
