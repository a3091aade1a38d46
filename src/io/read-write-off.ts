import { error, type Issue, warning } from '../core/issue.js';
import { type FinancialYear, formatFinancialYear } from '../core/period.js';
import type { ReportedDeficit, WriteOff } from '../core/write-off.js';
import type { JsonFields, JsonObject } from './json-fields.js';
import { financialYearField } from './json-years.js';

const KEYS = ['share', 'balanceYear', 'paidIn', 'eligibleDeficit', 'notes'] as const;
const SOURCE_KEYS = ['source', 'deficit'] as const;

/**
 * model.json's optional `writeOff` (README, "The model folder"):
 * `{ "share": "0.9", "balanceYear": "2025-26", "paidIn": "2026-27", "eligibleDeficit": [{ "source": "s251", "deficit": "12000000" }] }`.
 */
export function readWriteOff(
  fields: JsonFields,
  root: JsonObject,
  projected: { first: FinancialYear; last: FinancialYear } | undefined,
): WriteOff | undefined {
  if (root['writeOff'] === undefined) return undefined;
  const path = '$.writeOff';
  const object = fields.object(root['writeOff'], path);
  if (!object) return undefined;
  const issues: Issue[] = fields.issues;
  fields.knownKeys(object, path, KEYS);
  fields.string(object, 'notes', path, true);
  const share = fields.decimal(object, 'share', path);
  if (share && share.greaterThan(1))
    issues.push(
      error(
        'RATE_ABOVE_ONE',
        `${path}.share is ${share.toFixed()}; a share is from 0 to 1`,
        fields.at(`${path}.share`),
        'write 90% as 0.9',
      ),
    );
  const balanceYear = financialYearField(fields, object, 'balanceYear', path);
  const paidIn = financialYearField(fields, object, 'paidIn', path);
  const eligibleDeficit = readSources(fields, object, path);
  if (
    share === undefined ||
    share.greaterThan(1) ||
    balanceYear === undefined ||
    paidIn === undefined ||
    eligibleDeficit === null
  )
    return undefined;
  if (paidIn <= balanceYear) {
    issues.push(
      error(
        'WRITE_OFF_YEAR',
        `${path}.paidIn ${formatFinancialYear(paidIn)} is not after the balance year ${formatFinancialYear(balanceYear)}`,
        fields.at(`${path}.paidIn`),
        'the grant covers the deficit at the end of the balance year and is paid later (2026-27 for 2025-26)',
      ),
    );
    return undefined;
  }
  if (projected && balanceYear < projected.first - 1 && !eligibleDeficit) {
    issues.push(
      error(
        'WRITE_OFF_YEAR',
        `${path}.balanceYear ${formatFinancialYear(balanceYear)} is before the projection opens (end of ${formatFinancialYear(projected.first - 1)}), so the deficit then is not known`,
        fields.at(`${path}.balanceYear`),
        'give eligibleDeficit: the deficit as each source reports it',
      ),
    );
    return undefined;
  }
  if (projected && (paidIn < projected.first || paidIn > projected.last)) {
    issues.push(
      warning(
        'YEAR_OUT_OF_RANGE',
        `${path}.paidIn ${formatFinancialYear(paidIn)} is outside the projection ${formatFinancialYear(projected.first)} to ${formatFinancialYear(projected.last)}; the write-off is ignored`,
        fields.at(`${path}.paidIn`),
      ),
    );
  }
  return { share, balanceYear, paidIn, ...(eligibleDeficit ? { eligibleDeficit } : {}) };
}

/** The eligible deficit by source; undefined when not given, null when given but wrong. */
function readSources(
  fields: JsonFields,
  object: JsonObject,
  path: string,
): WriteOff['eligibleDeficit'] | null {
  if (object['eligibleDeficit'] === undefined) return undefined;
  const list = fields.array(object, 'eligibleDeficit', path);
  if (!list) return null;
  if (list.length === 0) {
    fields.issues.push(
      error(
        'MISSING_VALUE',
        `${path}.eligibleDeficit is empty; give each source's figure, or leave it out to use the projection's deficit`,
        fields.at(`${path}.eligibleDeficit`),
      ),
    );
    return null;
  }
  const sources = list.map((value, i) => {
    const at = `${path}.eligibleDeficit[${i}]`;
    const entry = fields.object(value, at);
    if (!entry) return undefined;
    fields.knownKeys(entry, at, SOURCE_KEYS);
    const source = fields.string(entry, 'source', at);
    const deficit = fields.decimal(entry, 'deficit', at);
    return source !== undefined && deficit !== undefined
      ? { source, deficit, origin: fields.at(`${at}.deficit`) }
      : undefined;
  });
  return sources.every((s) => s !== undefined) ? (sources as ReportedDeficit[]) : null;
}
