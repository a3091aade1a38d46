/** A ".0" a spreadsheet puts after a code it took for a number (202.0; E09000001.0 in a column of numbers). */
const DOT_ZERO = /\.0+$/;

/** An area code as a spreadsheet may rewrite it, to match it to areas.csv's: any case, a number without leading zeros, a ".0" after it. */
export function codeKey(code: string): string {
  const plain = code.replace(DOT_ZERO, '');
  const number = /^0*(\d+)$/.exec(plain);
  return number ? number[1]! : plain.toUpperCase();
}

/**
 * What UNKNOWN_AREA says of a row's code that is areas.csv's written another way (the same
 * codeKey): how the two came apart where that is clear, and the code to write where. The code is
 * areas.csv's without a ".0", which only a spreadsheet adds: the hint once told the officer to copy
 * areas.csv's "202.0" into every other file. Leading zeros may be dropped by a spreadsheet or added
 * by a system that pads its codes, so areas.csv's stand; that the rows' code lost them is said.
 */
export function respelling(
  inAreas: string,
  inRows: string,
  file: string,
): { readonly how: string; readonly hint: string } {
  const code = inAreas.replace(DOT_ZERO, '');
  const rows = inRows.replace(DOT_ZERO, '');
  const notes = [inAreas, inRows]
    .filter((spelt) => DOT_ZERO.test(spelt))
    .map(
      (spelt) => `"${spelt}" ends in the ".0" a spreadsheet adds to a code it takes for a number`,
    );
  if (/^\d+$/.test(rows) && code.startsWith('0') && !rows.startsWith('0'))
    notes.push(`"${inRows}" has lost the leading zero, as a spreadsheet drops them`);
  const how = notes.length ? ` (${notes.join('; ')})` : '';
  if (code === inAreas)
    return { how, hint: `write the code as areas.csv does, "${code}", in ${file}` };
  const everywhere = `in every file that writes it "${inAreas}"`;
  return {
    how,
    hint:
      code === inRows
        ? `write the code "${code}" in areas.csv, as ${file} does, and ${everywhere}`
        : `write the code "${code}" in areas.csv, in ${file} and ${everywhere}`,
  };
}

/** An ONS (GSS) area code: a letter for the nation and eight digits (E09000001, E06000023). */
const GSS = /^[EWSN]\d{8}$/i;
/** DfE's LA code: three digits (201, 880). */
const LA = /^\d{3}$/;

/**
 * How a code and a set of codes are of the two systems: an ONS (GSS) code E09000202 against DfE's
 * three-digit LA codes, or the other way round; undefined when they are not so told apart.
 */
export function codeSystems(
  code: string,
  others: readonly string[],
):
  | {
      readonly one: string;
      readonly ones: string;
      readonly others: string;
      /** areas.csv's column for an area's code of this system (src/io/batch/areas-table.ts). */
      readonly column: string;
    }
  | undefined {
  if (others.length === 0) return undefined;
  if (GSS.test(code) && others.every((other) => LA.test(other)))
    return {
      one: 'an ONS (GSS) code',
      ones: 'ONS (GSS) codes',
      others: "DfE's three-digit LA codes",
      column: 'ons_code',
    };
  if (LA.test(code) && others.every((other) => GSS.test(other)))
    return {
      one: 'a DfE three-digit LA code',
      ones: "DfE's three-digit LA codes",
      others: 'ONS (GSS) codes',
      column: 'la_code',
    };
  return undefined;
}

/**
 * When a row's code is of the other system than areas.csv's (an ONS code E09000202 where areas.csv
 * has DfE's three-digit LA codes, or the other way round), what UNKNOWN_AREA says and the hint: DfE's
 * tables give both, and a national trial's places.csv written with the other failed every area with
 * "add the area to areas.csv". Undefined when the codes are not so told apart. The hint names no
 * row's code, so the same problem in every area is said once.
 */
export function otherSystem(
  inRows: string,
  known: readonly string[],
  file: string,
  /** areas.csv's columns of other codes (ons_code, la_code). */
  otherColumns: readonly string[],
): { readonly how: string; readonly hint: string } | undefined {
  const systems = codeSystems(inRows, known);
  if (systems === undefined) return undefined;
  const example = [...known].sort()[0]!;
  return {
    how: `; it is ${systems.one}, and areas.csv's are ${systems.others}`,
    hint: otherCodesHint(file, systems.column, {
      example,
      given: otherColumns.includes(systems.column),
    }),
  };
}

/**
 * UNKNOWN_AREA's and NO_COHORT_ROWS's hint for a table keyed by the other system of codes: an
 * areas.csv column of them reads it as it is (found by a DfE analyst's trial: DfE's tables give
 * both, and rewriting one file's codes was the only way). When areas.csv has the column
 * (`given`), an area's cell of it is empty or wrong.
 */
export function otherCodesHint(
  file: string,
  column: string,
  { example, given = false }: { readonly example?: string; readonly given?: boolean } = {},
): string {
  const fill = given
    ? `fill in areas.csv's ${column} for every area, with its code as ${file} writes it`
    : `add a column ${column} to areas.csv with each area's code as ${file} writes it`;
  return `${fill}, or write ${file}'s area codes as areas.csv does${example === undefined ? '' : ` (such as "${example}")`}: ${BOTH}`;
}

/** Where to find the code of the other system. */
export const BOTH = "DfE's tables give both, as old_la_code and new_la_code";
