import { error, type Issue, warning } from '../../core/issue.js';
import type { AreaSpec } from './wire.js';
import type { NationalCsv } from './rows-by-area.js';
import { columnCountIssue, fitsHeader } from '../row-width.js';
import { ASSUMPTION_KEYS } from '../read-manifest.js';
import { codeKey } from './area-code-spelling.js';
import { type AreaFailure, duplicateArea } from './area-code-clash.js';

/**
 * areas.csv's columns of an area's code in the other system (DfE's tables give both, as
 * new_la_code and old_la_code): a table keyed by either is read as keyed by area_code.
 */
export const OTHER_CODE_COLUMNS = ['ons_code', 'la_code'] as const;

export const AREAS_COLUMNS = {
  required: ['area_code', 'area_name'],
  // As the docs spell them (README, "National batch"); headers match them in any case.
  optional: ['tariff', ...ASSUMPTION_KEYS, 'baseYear', 'horizon', ...OTHER_CODE_COLUMNS],
} as const;

/** areas.csv rows; a code given twice fails that area, a row without a code is an error in the table. */
export function areaSpecs(
  csv: NationalCsv | undefined,
  issues: Issue[],
): { specs: AreaSpec[]; failures: Map<string, AreaFailure> } {
  const specs: AreaSpec[] = [];
  const failures = new Map<string, AreaFailure>();
  if (!csv) return { specs, failures };
  const codeAt = csv.columns.indexOf('area_code');
  const nameAt = csv.columns.indexOf('area_name');
  const otherAt = OTHER_CODE_COLUMNS.map((name) => csv.columns.indexOf(name)).filter(
    (at) => at >= 0,
  );
  const records = csv.byArea.get('')?.records() ?? [];
  const first = new Map<string, AreaSpec>();
  // Every area's own code, as codeKey reads it, before any other code is taken: an ons_code equal
  // to a later row's area_code took that area's rows for its own (found by a review), and one
  // written in another case ("n02" for N02) would have taken the rows a spreadsheet respelt.
  const owner = ownCodes(records, codeAt);
  /** The area each other code is of, by codeKey: it names one area, and is no area's own code. */
  const otherOf = new Map<string, AreaSpec>();
  for (const { fields, line } of records) {
    if (fields.every((field) => field.trim() === '')) continue;
    const where = (index: number) => ({ file: csv.file, line, column: index + 1 });
    if (!fitsHeader(fields, csv.columns.length)) {
      issues.push(columnCountIssue(fields, csv.columns.length, csv.file, line));
      continue;
    }
    const code = fields[codeAt]!.trim();
    const name = fields[nameAt]!.trim();
    if (code === '') {
      issues.push(error('MISSING_VALUE', '"area_code" is empty', where(codeAt)));
      continue;
    }
    const earlier = first.get(code);
    // A row pasted twice names the area once: it is read from its first row (found by a national trial).
    if (earlier && sameCells(earlier.fields, fields)) {
      issues.push({
        ...warning(
          'AREA_REPEATED',
          `area "${code}" repeats line ${earlier.line} cell for cell; it is read once`,
          where(codeAt),
          'delete the repeated row',
        ),
        area: code,
      });
      continue;
    }
    if (earlier) {
      duplicateArea({ code, name, line }, earlier, where(codeAt), failures);
      continue;
    }
    const others = otherAt.flatMap((at) => {
      const other = (fields[at] ?? '').trim();
      if (other === '' || other === code) return [];
      const own = owner.get(codeKey(other));
      return [
        { other, at, taken: otherOf.get(codeKey(other)) ?? (own?.code === code ? undefined : own) },
      ];
    });
    const own = others.filter(({ taken }) => taken === undefined).map(({ other }) => other);
    const spec: AreaSpec = { code, name, line, fields, ...(own.length ? { otherCodes: own } : {}) };
    for (const other of own) otherOf.set(codeKey(other), spec);
    first.set(code, spec);
    // The area fails, but stays listed under its own code: its rows there are its, not UNKNOWN_AREA's.
    const clashes = others.flatMap(({ other, at, taken }) =>
      taken === undefined
        ? []
        : [
            {
              ...error(
                'DUPLICATE_AREA',
                `code "${other}" is ${taken.line < line ? 'already ' : ''}area "${taken.code}"'s, on line ${taken.line}`,
                where(at),
                "give each area codes of its own: rows under a code are that area's",
              ),
              area: code,
            },
          ],
    );
    const missingName =
      name === '' ? [error('MISSING_VALUE', '"area_name" is empty', where(nameAt))] : [];
    if (clashes.length || missingName.length)
      failures.set(code, { name, issues: [...clashes, ...missingName] });
    // An earlier area's code written another way (e06000001 for E06000001) fails this one too.
    const alike = first.get(owner.get(codeKey(code))!.code);
    if (alike && alike !== spec)
      duplicateArea({ code, name, line }, alike, where(codeAt), failures);
    specs.push(spec);
  }
  return { specs, failures };
}

/** Each area code of areas.csv (by codeKey) → the code and the line it is first on. */
function ownCodes(
  records: readonly { readonly fields: readonly string[]; readonly line: number }[],
  codeAt: number,
): Map<string, { readonly code: string; readonly line: number }> {
  const owner = new Map<string, { readonly code: string; readonly line: number }>();
  for (const { fields, line } of records) {
    const code = fields[codeAt]?.trim() ?? '';
    if (code !== '' && !owner.has(codeKey(code))) owner.set(codeKey(code), { code, line });
  }
  return owner;
}

/**
 * Whether two rows hold the same cells, spaces around them aside. Empty cells past the header,
 * which a row may have (fitsHeader), are no cells: a repeat saved with one more comma was a
 * DUPLICATE_AREA (found by a review).
 */
function sameCells(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1)
    if ((a[i] ?? '').trim() !== (b[i] ?? '').trim()) return false;
  return true;
}
