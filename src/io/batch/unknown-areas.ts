import * as path from 'node:path';
import { error, type Issue } from '../../core/issue.js';
import type { AreaTable } from './wire.js';
import type { NationalCsv } from './rows-by-area.js';
import { codeKey, codeSystems, otherSystem, respelling } from './area-code-spelling.js';

/** Rows naming an area that areas.csv does not list: one error per area and file, at its first row. */
export function unknownAreas(
  tables: ReadonlyMap<AreaTable, NationalCsv>,
  known: ReadonlySet<string>,
  /** An area's other code (ons_code, la_code) → its code. */
  aliases: ReadonlyMap<string, string>,
  /** areas.csv's columns of other codes (ons_code, la_code). */
  otherColumns: readonly string[],
  failures: Map<string, { name: string; issues: Issue[] }>,
): void {
  const written = new Map<string, string>();
  // An area's other code written another way (e09000202) is said to be that code, not "not in the
  // areas table" with a hint to add a column areas.csv has (found by a review); its own code first.
  for (const other of aliases.keys()) written.set(codeKey(other), other);
  for (const code of known) written.set(codeKey(code), code);
  const codes = [...known];
  // With every area's code of the other system given, a row's code of that system is simply not
  // an area's: "fill in areas.csv's ons_code" would be no help (found by a review).
  const otherGiven = new Set(
    [...aliases].filter(([other, code]) => codeSystems(other, [code])).map(([, code]) => code),
  );
  const everyOtherGiven = codes.length > 0 && codes.every((code) => otherGiven.has(code));
  for (const csv of tables.values()) {
    const column = csv.columns.indexOf('area') + 1;
    for (const [code, rows] of csv.byArea) {
      if (code === '' || known.has(code)) continue;
      const count = csv.rowCounts.get(code) ?? 0;
      const failure = failures.get(code) ?? { name: '', issues: [] };
      // The same area written another way (0202 for 202, e1001 for E1001): its rows are left out
      // of that area's figures, which a failed "0202" alone would not say (found by a user trial).
      const meant = written.get(codeKey(code));
      const spelt =
        meant === undefined
          ? everyOtherGiven
            ? undefined
            : otherSystem(code, codes, path.basename(csv.file), otherColumns)
          : respelling(meant, code, path.basename(csv.file));
      failure.issues.push({
        ...error(
          'UNKNOWN_AREA',
          `area "${code}" is not in the areas table (${count} row${count === 1 ? '' : 's'} of ${path.basename(csv.file)}, the first here)${spelt === undefined ? '' : meant === undefined ? spelt.how : `; areas.csv has "${meant}"${aliases.has(meant) ? ` (area "${aliases.get(meant)!}"'s other code)` : ''}, written another way, which is modelled without these rows${spelt.how}`}`,
          { file: csv.file, line: rows.line(0), column },
          spelt?.hint ?? 'add the area to areas.csv, or correct the code',
        ),
        area: code,
      });
      failures.set(code, failure);
    }
  }
}
