import type { Decimal } from 'decimal.js';
import type { Tariff } from './tariff.js';
import { tariffTable, type TariffTableRow } from './tariff-table.js';

type DiffKind = 'added' | 'removed' | 'changed';

export interface TariffDiffRow {
  readonly kind: DiffKind;
  /** `top-up` for a rate, `place` for a setting's place value. */
  readonly what: 'top-up' | 'place';
  readonly setting: string;
  readonly band: string;
  readonly need: string;
  /** Without --at, rows are matched by their effectiveFrom too. */
  readonly effectiveFrom: string;
  readonly a?: Decimal;
  readonly b?: Decimal;
  /** b − a, for a changed row. */
  readonly change?: Decimal;
  /** (b − a) ÷ a, for a changed row with a non-zero a. */
  readonly changeShare?: Decimal;
}

/**
 * Row-by-row differences between two tariffs: at a date, the rows in force (matched by
 * setting, band and need); without one, every published row (matched by its date too).
 * Place values are compared per setting. Unchanged rows are left out.
 */
export function diffTariffs(a: Tariff, b: Tariff, at?: string): TariffDiffRow[] {
  const key = (row: TariffTableRow) =>
    `${row.setting}\u0000${row.band}\u0000${row.need}\u0000${at === undefined ? row.row.effectiveFrom : ''}`;
  const rowsA = new Map(tariffTable(a, at).map((row) => [key(row), row]));
  const rowsB = new Map(tariffTable(b, at).map((row) => [key(row), row]));
  const out: TariffDiffRow[] = [];
  for (const [k, row] of rowsA) {
    const other = rowsB.get(k);
    const base = {
      what: 'top-up' as const,
      setting: row.setting,
      band: row.band,
      need: row.need,
      effectiveFrom: at === undefined ? row.row.effectiveFrom : '',
    };
    if (!other) out.push({ kind: 'removed', ...base, a: row.topUp });
    else if (!other.topUp.eq(row.topUp))
      out.push({
        kind: 'changed',
        ...base,
        a: row.topUp,
        b: other.topUp,
        ...changeOf(row.topUp, other.topUp),
      });
  }
  for (const [k, row] of rowsB) {
    if (!rowsA.has(k))
      out.push({
        kind: 'added',
        what: 'top-up',
        setting: row.setting,
        band: row.band,
        need: row.need,
        effectiveFrom: at === undefined ? row.row.effectiveFrom : '',
        b: row.topUp,
      });
  }
  const placesA = new Map(a.settings.map((s) => [s.id, s.placeValue]));
  const placesB = new Map(b.settings.map((s) => [s.id, s.placeValue]));
  for (const [id, value] of placesA) {
    const other = placesB.get(id);
    const base = { what: 'place' as const, setting: id, band: '', need: '', effectiveFrom: '' };
    if (other === undefined) out.push({ kind: 'removed', ...base, a: value });
    else if (!other.eq(value))
      out.push({ kind: 'changed', ...base, a: value, b: other, ...changeOf(value, other) });
  }
  for (const [id, value] of placesB)
    if (!placesA.has(id))
      out.push({
        kind: 'added',
        what: 'place',
        setting: id,
        band: '',
        need: '',
        effectiveFrom: '',
        b: value,
      });
  return out.sort(compareDiff);
}

function changeOf(a: Decimal, b: Decimal): { change: Decimal; changeShare?: Decimal } {
  const change = b.minus(a);
  return a.isZero() ? { change } : { change, changeShare: change.div(a) };
}

const ORDER: Record<DiffKind, number> = { changed: 0, added: 1, removed: 2 };
function compareDiff(x: TariffDiffRow, y: TariffDiffRow): number {
  return (
    (x.what === y.what ? 0 : x.what === 'place' ? -1 : 1) ||
    x.setting.localeCompare(y.setting, 'en') ||
    x.band.localeCompare(y.band, 'en', { numeric: true }) ||
    x.need.localeCompare(y.need, 'en') ||
    x.effectiveFrom.localeCompare(y.effectiveFrom) ||
    ORDER[x.kind] - ORDER[y.kind]
  );
}
