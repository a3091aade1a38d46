import { derivedStatus } from '../derived-status.js';
import type { Reference, Tariff, TariffRate } from '../tariff.js';

/**
 * `row` with the standing of a rate made from it: `derivedStatus` of its own, and the row's notes
 * followed by how it was made (found by a review: a row scaled by a lever said only "scaled by
 * lever …", its table's notes on the rate gone, and kept "published" for a figure no one published).
 */
export function derivedRow(row: TariffRate, change: Partial<TariffRate>): TariffRate {
  const { status: _status, ...rest } = row;
  const status = derivedStatus(row.status);
  const notes =
    change.notes !== undefined && row.notes !== undefined
      ? { notes: `${row.notes}; ${change.notes}` }
      : {};
  return { ...rest, ...change, ...notes, ...(status ? { status } : {}) };
}

/**
 * A switch to another table brings that table's rows, which cite its own references by id: the
 * tariff gains those references, so that the rows' sources can be shown (`explain`). An id the
 * tariff already uses for another source is renamed `<other table>/<id>` in the rows that cite it.
 */
export function withReferencesOf(
  tariff: Tariff,
  other: Tariff,
  rows: readonly TariffRate[],
): { references: Reference[]; rows: TariffRate[] } {
  const references = [...tariff.references];
  const renamed = new Map<string, string>();
  for (const ref of other.references) {
    if (ref.id === undefined) continue;
    const same = references.find((r) => r.id === ref.id);
    if (same && same.url === ref.url && same.title === ref.title) continue;
    const id = same ? `${other.id}/${ref.id}` : ref.id;
    if (same) renamed.set(ref.id, id);
    if (!references.some((r) => r.id === id)) references.push({ ...ref, id });
  }
  return {
    references,
    rows: rows.map((row) =>
      row.reference !== undefined && renamed.has(row.reference)
        ? { ...row, reference: renamed.get(row.reference)! }
        : row,
    ),
  };
}
