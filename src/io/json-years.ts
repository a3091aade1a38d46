import { error } from '../core/issue.js';
import {
  type AcademicYear,
  type FinancialYear,
  parseAcademicYear,
  parseFinancialYear,
} from '../core/period.js';
import { yearHint } from '../core/year-hint.js';
import type { JsonFields, JsonObject } from './json-fields.js';

/*
 * The years of a JSON input's fields (scenarios.json's profiles, funding rows and agreements):
 * an academic year written like 2026/27 and a financial year like 2026-27, each else an
 * INVALID_YEAR at the field with the spelling that was probably meant (src/core/year-hint.ts).
 */

export function academicYearField(
  fields: JsonFields,
  object: JsonObject,
  key: string,
  path: string,
  optional = false,
): AcademicYear | undefined {
  const text = fields.string(object, key, path, optional);
  if (text === undefined) return undefined;
  const year = parseAcademicYear(text);
  if (year === undefined)
    fields.issues.push(
      error(
        'INVALID_YEAR',
        `${path}.${key} "${text}" is not an academic year written like 2026/27`,
        fields.at(`${path}.${key}`),
        yearHint(text, 'academic'),
      ),
    );
  return year;
}

export function financialYearField(
  fields: JsonFields,
  object: JsonObject,
  key: string,
  path: string,
  optional = false,
): FinancialYear | undefined {
  const text = fields.string(object, key, path, optional);
  if (text === undefined) return undefined;
  const year = parseFinancialYear(text);
  if (year === undefined)
    fields.issues.push(
      error(
        'INVALID_YEAR',
        `${path}.${key} "${text}" is not a financial year written like 2026-27`,
        fields.at(`${path}.${key}`),
        yearHint(text, 'financial'),
      ),
    );
  return year;
}
