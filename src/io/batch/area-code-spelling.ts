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
