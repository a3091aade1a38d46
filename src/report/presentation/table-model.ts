import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from '../../core/decimal.js';
import { toCount2dp, toPence } from '../../core/rounding.js';

/**
 * How a column's figures are rounded and shown: money to pence, counts to 2 dp, shares (0–1) to
 * 4 dp, shown as a percentage, and whole numbers of things (areas) as whole numbers. A figure is
 * a number in the workbook whatever its kind: a count of areas given as text would not sum or sort.
 */
export type ColumnKind = 'text' | 'money' | 'count' | 'share' | 'whole';

export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: ColumnKind;
}

/**
 * A row whose figures are worked out from other rows of the same table, column by column, as a
 * spreadsheet formula: Σ sign × the cell of `row` in the same column (a row above) or, with
 * `previous`, in the column before (any row: a balance brought forward is the column before's
 * carried forward, below it); the first figure column takes `first` instead. The XLSX writes the
 * formula with its value cached; every renderer shows that value, computed from the rounded cells
 * it refers to, as the spreadsheet will.
 */
interface RowFormula {
  readonly terms: readonly {
    readonly row: number;
    readonly sign: 1 | -1;
    readonly previous?: boolean;
  }[];
  /**
   * Terms for the first figure column, when `previous` has no column before it; `'value'`: the
   * first column holds the row's own figure (the opening balance brought forward), not a formula.
   */
  readonly first?: RowFormula['terms'] | 'value';
}

export type TableCell = string | Decimal | undefined;

/** A text cell that is a web address (a source's): a link in the page and the workbook. */
export const WEB_ADDRESS = /^https?:\/\/[^\s"<>]+$/;

export interface ReportRow {
  readonly cells: Readonly<Record<string, TableCell>>;
  readonly formula?: RowFormula;
  /** Shown bold, as a total. */
  readonly strong?: boolean;
  /** How this row's figures are rounded and shown, whatever their columns' kind (a row of shares in a table of money by year). */
  readonly kind?: Exclude<ColumnKind, 'text'>;
}

export interface ReportTable {
  readonly title: string;
  readonly note?: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  /** Add a last column summing each row's figures across the figure columns (as a formula). */
  readonly totalColumn?: { readonly key: string; readonly label: string };
}

/** A figure rounded as its column is printed: the value a cell holds. */
function rounded(kind: ColumnKind, value: Decimal): Decimal {
  if (kind === 'share') return value.toDecimalPlaces(4, Dec.ROUND_HALF_UP);
  if (kind === 'whole') return value.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return new Dec(kind === 'count' ? toCount2dp(value) : toPence(value));
}

/** The figure columns of a table: those a formula row works across. */
const figureColumns = (table: ReportTable): ReportColumn[] =>
  table.columns.filter((c) => c.kind !== 'text');

/** Whether a row's figure in figure column `c` is its formula's (else its own value, rounded). */
export const isFormulaCell = (row: ReportRow, c: number): boolean =>
  row.formula !== undefined && !(c === 0 && row.formula.first === 'value');

/**
 * Every cell's value as the reader sees it: figures rounded, formula cells worked out from the
 * rounded cells they refer to, column by column and in row order within a column (a formula
 * refers to rows above it in its own column, or to any row of the column before), and the total
 * column as the sum of the row's figures.
 */
export function resolvedRows(table: ReportTable): Record<string, TableCell>[] {
  const figures = figureColumns(table);
  const out: Record<string, TableCell>[] = table.rows.map((row) => ({ ...row.cells }));
  figures.forEach((column, c) => {
    table.rows.forEach((row, r) => {
      const cells = out[r]!;
      const value = isFormulaCell(row, c)
        ? evaluate(row.formula!, (at) => out[at], figures, c)
        : (row.cells[column.key] as Decimal | undefined);
      if (value !== undefined && typeof value !== 'string')
        cells[column.key] = isFormulaCell(row, c) ? value : rounded(row.kind ?? column.kind, value);
    });
  });
  if (table.totalColumn)
    for (const cells of out)
      cells[table.totalColumn.key] = figures.reduce((t, c) => {
        const v = cells[c.key];
        return v === undefined || typeof v === 'string' ? t : t.plus(v);
      }, ZERO);
  return out;
}

function evaluate(
  formula: RowFormula,
  rowAt: (row: number) => Readonly<Record<string, TableCell>> | undefined,
  figures: readonly ReportColumn[],
  c: number,
): Decimal {
  const terms = c === 0 && typeof formula.first === 'object' ? formula.first : formula.terms;
  return terms.reduce((total, term) => {
    const column = figures[term.previous ? c - 1 : c]!;
    const value = rowAt(term.row)?.[column.key];
    const figure = value === undefined || typeof value === 'string' ? ZERO : value;
    return term.sign === 1 ? total.plus(figure) : total.minus(figure);
  }, ZERO);
}
