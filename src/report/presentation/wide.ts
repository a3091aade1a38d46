import type { Decimal } from 'decimal.js';
import { formatFinancialYear, type FinancialYear } from '../../core/period.js';
import { reconcileLines } from './reconcile-lines.js';
import type { ColumnKind, ReportColumn, ReportRow, ReportTable } from './table-model.js';

/** One column per financial year, keyed by the year's own text (2026-27). */
export function yearColumns(years: readonly FinancialYear[], kind: ColumnKind): ReportColumn[] {
  return years.map((fy) => ({
    key: formatFinancialYear(fy),
    label: formatFinancialYear(fy),
    kind,
  }));
}

export interface WideLine {
  readonly label: string;
  readonly values: readonly (Decimal | undefined)[];
  /** A figure of its own (printed elsewhere rounded alone): kept so when the lines are reconciled. */
  readonly fixed?: boolean;
}

/**
 * Under a table whose lines are reconciled to its total. Found by a Forum reading: a table of
 * EHCPs said a line "may differ by a penny", and nothing said why a count of plans has decimals.
 */
function reconciledNote(kind: ColumnKind): string {
  const step = kind === 'money' ? 'a penny' : '0.01';
  const counts =
    kind === 'count'
      ? ' The numbers of plans are expected numbers, averaged over the chances of each plan starting, ending or moving, so they are not whole.'
      : '';
  return `The lines are rounded so that they add up to the total, which is their exact sum rounded once, as the summary rounds its figures (largest remainder); a line may differ by ${step} from the same figure rounded on its own.${counts}`;
}

/**
 * Lines down, years across: the shape of a DSG management plan and of each chart's data table.
 * `total`: a last row summing every line, as a formula.
 */
export function wideTable(options: {
  readonly title: string;
  readonly note?: string;
  readonly first: string;
  readonly years: readonly FinancialYear[];
  readonly kind: ColumnKind;
  readonly lines: readonly WideLine[];
  readonly total?: string;
  readonly totalColumn?: string;
  /** Round the lines so that the total row is their exact sum rounded once (reconcile-lines.ts). */
  readonly reconcile?: boolean;
  /** With `reconcile`: the figure of the summary each year's lines add up to, instead of their own sum. */
  readonly totals?: readonly Decimal[];
}): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'line', label: options.first, kind: 'text' },
    ...yearColumns(options.years, options.kind),
  ];
  const lines = options.reconcile ? reconcileLines(options.lines, options.totals) : options.lines;
  const rows: ReportRow[] = lines.map((line) => ({ cells: cellsOf(line, columns) }));
  const note = [options.note, options.reconcile ? reconciledNote(options.kind) : undefined]
    .filter(Boolean)
    .join(' ');
  if (options.total !== undefined)
    rows.push({
      cells: { line: options.total },
      formula: { terms: options.lines.map((_, row) => ({ row, sign: 1 as const })) },
      strong: true,
    });
  return {
    title: options.title,
    ...(note ? { note } : {}),
    columns,
    rows,
    ...(options.totalColumn ? { totalColumn: { key: 'total', label: options.totalColumn } } : {}),
  };
}

export function cellsOf(line: WideLine, columns: readonly ReportColumn[]): ReportRow['cells'] {
  const cells: Record<string, Decimal | string | undefined> = { line: line.label };
  columns.slice(1).forEach((column, i) => {
    cells[column.key] = line.values[i];
  });
  return cells;
}
