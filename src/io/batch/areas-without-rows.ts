import { type Issue, warning } from '../../core/issue.js';
import type { AreaSpec, AreaTable } from './wire.js';
import type { NationalCsv } from './rows-by-area.js';
import { codeKey, codeSystems, otherCodesHint } from './area-code-spelling.js';
import { listed } from '../../core/words.js';

/**
 * Where an area's cohort rows may be when it has none under its code: written another way (n01
 * for N01, 0202 for 202), or the cohort keyed by the other system of codes (ONS codes for LA
 * codes). The national trial's area said only "check that the national cohort was exported in
 * full", beside the UNKNOWN_AREA of the same rows.
 */
export function cohortElsewhere(
  { code, otherCodes = [] }: AreaSpec,
  inCohort: readonly string[],
  file: string,
  known: ReadonlySet<string>,
  /** areas.csv's columns of other codes (ons_code, la_code). */
  otherColumns: readonly string[],
): { readonly how: string; readonly hint: string } | undefined {
  // Under its own code or its other one (ons_code, la_code) written another way: e09000202.
  for (const own of [code, ...otherCodes]) {
    const written = inCohort.find((other) => other !== own && codeKey(other) === codeKey(own));
    if (written !== undefined)
      return {
        how: `: its rows are written "${written}" there (UNKNOWN_AREA)`,
        hint: `write the code as areas.csv does, "${own}", in ${file}`,
      };
  }
  const unread = inCohort.filter((other) => other !== '' && !known.has(other));
  const systems = unread.length > 0 ? codeSystems(unread[0]!, [code]) : undefined;
  if (systems === undefined || !unread.every((other) => codeSystems(other, [code])))
    return undefined;
  // With the column given, the other areas' rows under their other codes were read as theirs: this
  // area's cell of it is empty (it was told to add the column it has; found by a review), or its
  // code is there, with no rows under it.
  if (otherColumns.includes(systems.column))
    return otherCodes.some((other) => codeSystems(other, [code]))
      ? undefined
      : {
          how: `; areas.csv gives it no ${systems.column}, and the codes of ${file} that areas.csv does not list are ${systems.ones}`,
          hint: otherCodesHint(file, systems.column, { given: true }),
        };
  if (unread.length < inCohort.filter((other) => other !== '').length) return undefined;
  return {
    how: `; ${file}'s area codes are ${systems.ones}, and areas.csv's are ${systems.others}`,
    hint: otherCodesHint(file, systems.column),
  };
}

/**
 * What an area without rows of its own in each table lacks, for NO_AREA_ROWS, and the row that
 * says it truly has none: the hint once said such an area "needs nothing", and the warning stayed
 * on every run (found by a review).
 */
const WITHOUT_ROWS: Partial<Record<AreaTable, { lacks: string; none: string }>> = {
  'new-plans.csv': { lacks: 'no new plans', none: 'a row of count 0' },
  'spend.csv': { lacks: "no other spend lines (spend.csv's)", none: 'a line of amount 0' },
};

/**
 * NO_AREA_ROWS: a table giving rows by area, with none for some areas and none for every area.
 * Either table is optional in one area's folder, so an area left out of a national export was
 * projected with no new plans at all and validate said "ok" (found by a DfE analyst's national
 * trial). One warning a table, naming the areas; the failed ones are left out, as they are not
 * modelled.
 */
export function areasWithoutRows(
  tables: ReadonlyMap<AreaTable, NationalCsv>,
  specs: readonly AreaSpec[],
  failures: ReadonlyMap<string, unknown>,
): { national: Issue[]; byArea: Map<string, Issue[]> } {
  const found = { national: [] as Issue[], byArea: new Map<string, Issue[]>() };
  const withoutRows = Object.entries(WITHOUT_ROWS) as [
    AreaTable,
    { lacks: string; none: string },
  ][];
  for (const [name, { lacks, none }] of withoutRows) {
    const csv = tables.get(name);
    if (!csv || csv.byArea.has('') || csv.byArea.size === 0) continue;
    const without = specs
      .filter((spec) => !failures.has(spec.code) && (csv.rowCounts.get(spec.code) ?? 0) === 0)
      .map((spec) => spec.code);
    if (without.length === 0) continue;
    const said = (codes: readonly string[]) =>
      warning(
        'NO_AREA_ROWS',
        `${name} has rows by area, but none for ${codes.length === 1 ? 'area' : `${codes.length} areas`} ${listed(codes)}, and none without an area: ${codes.length === 1 ? 'it is' : 'they are'} projected with ${lacks}`,
        { file: csv.file, line: csv.headerLine, column: csv.columns.indexOf('area') + 1 },
        `add each named area's rows, or rows without an area (every area's); give an area that truly has none ${none}, which says so`,
      );
    found.national.push(said(without));
    for (const code of without)
      found.byArea.set(code, [...(found.byArea.get(code) ?? []), said([code])]);
  }
  return found;
}
