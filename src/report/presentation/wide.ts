import type { Decimal } from 'decimal.js';
import { formatFinancialYear, type FinancialYear } from '../../core/period.js';
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
}): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'line', label: options.first, kind: 'text' },
    ...yearColumns(options.years, options.kind),
  ];
  const rows: ReportRow[] = options.lines.map((line) => ({ cells: cellsOf(line, columns) }));
  if (options.total !== undefined)
    rows.push({
      cells: { line: options.total },
      formula: { terms: options.lines.map((_, row) => ({ row, sign: 1 as const })) },
      strong: true,
    });
  return {
    title: options.title,
    ...(options.note ? { note: options.note } : {}),
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
