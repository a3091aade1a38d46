import ExcelJS from 'exceljs/dist/exceljs.min.js';
import type { Decimal } from 'decimal.js';
import {
  isFormulaCell,
  resolvedRows,
  WEB_ADDRESS,
  type ReportRow,
  type ReportTable,
} from '../presentation/table-model.js';
import { fixZipDates } from './zip-dates.js';
import { withThousands } from '../../core/thousands.js';

export interface Sheet {
  readonly name: string;
  readonly tables: readonly ReportTable[];
}

/** No clock in the file: the workbook's own dates are fixed, like its zip entries' (zip-dates.ts). */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));
const MONEY = '£#,##0.00';
const COUNT = '#,##0.00';
const WHOLE = '#,##0';
const SHARE = '0.00%';
/** Text that is a whole number Excel would hold exactly and print the same: no leading zero, no sign, at most 15 digits. */
const WHOLE_TEXT = /^(0|[1-9]\d{0,14})$/;

/**
 * The workbook an officer keeps working in: real numbers with money and count formats, the first
 * table's header row frozen, widths that fit, and every total a formula with its value cached so
 * the sheet shows it before it recalculates. Text is always written as text: no input can become
 * a formula. The same sheets give the same bytes, in any time zone.
 */
export async function writeWorkbook(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'highneeds';
  workbook.lastModifiedBy = 'highneeds';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of sheets) addSheet(workbook, sheet);
  // Level 1: a workbook of figures compresses nearly as well, in a fraction of the time.
  const buffer = await workbook.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  } as Partial<ExcelJS.XlsxWriteOptions>);
  return fixZipDates(new Uint8Array(buffer as ArrayBuffer));
}

function addSheet(workbook: ExcelJS.Workbook, sheet: Sheet): void {
  const ws = workbook.addWorksheet(sheet.name);
  const widths: number[] = [];
  const fit = (c: number, text: string) => {
    widths[c] = Math.min(60, Math.max(widths[c] ?? 8, text.length + 2));
  };
  let row = 1;
  let frozen = 0;
  for (const table of sheet.tables) {
    ws.getCell(row, 1).value = table.title;
    ws.getCell(row, 1).font = { bold: true, size: 12 };
    row += 1;
    if (table.note) {
      ws.getCell(row, 1).value = table.note;
      ws.getCell(row, 1).font = { italic: true };
      row += 1;
    }
    const columns = [
      ...table.columns,
      ...(table.totalColumn
        ? [
            {
              key: table.totalColumn.key,
              label: table.totalColumn.label,
              kind: table.columns.at(-1)!.kind,
            },
          ]
        : []),
    ];
    columns.forEach((column, c) => {
      const cell = ws.getCell(row, c + 1);
      cell.value = column.label;
      cell.font = { bold: true };
      cell.border = { bottom: { style: 'thin' } };
      if (column.kind !== 'text') cell.alignment = { horizontal: 'right' };
      fit(c, column.label.length > 40 ? column.label.slice(0, 40) : column.label);
    });
    if (frozen === 0) frozen = row;
    const first = row + 1;
    const values = resolvedRows(table);
    table.rows.forEach((spec, r) => {
      const at = first + r;
      columns.forEach((column, c) => {
        const value = values[r]![column.key];
        const cell = ws.getCell(at, c + 1);
        if (value === undefined) return;
        if (typeof value === 'string') {
          // A whole number given as text (a band 1, an area code 880, the seed) is written as a
          // number: Excel flags text that looks like a number on every cell. Anything else is a
          // string cell: never run as a formula.
          cell.value = WHOLE_TEXT.test(value) ? Number(value) : value;
          // A source's address is a link, as in the page.
          if (WEB_ADDRESS.test(value)) {
            cell.value = { text: value, hyperlink: value };
            cell.font = { color: { argb: 'FF1D70B8' }, underline: true };
          }
          fit(c, value);
          return;
        }
        const figure = columns
          .filter((k) => k.kind !== 'text')
          .findIndex((k) => k.key === column.key);
        const formula =
          column.key === table.totalColumn?.key
            ? `SUM(${letter(2)}${at}:${letter(table.columns.length)}${at})`
            : isFormulaCell(spec, figure)
              ? formulaText(spec, c, first, figure)
              : undefined;
        const kind = spec.kind ?? column.kind;
        const places = kind === 'share' ? 4 : kind === 'whole' ? 0 : 2;
        const number = Number((value as Decimal).toFixed(places));
        cell.value = formula ? { formula, result: number } : number;
        cell.numFmt =
          kind === 'count' ? COUNT : kind === 'whole' ? WHOLE : kind === 'share' ? SHARE : MONEY;
        fit(c, `£${withThousands((value as Decimal).toFixed(2))} `);
      });
      if (spec.strong) ws.getRow(at).font = { bold: true };
    });
    row = first + table.rows.length + 1;
  }
  widths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  if (frozen) ws.views = [{ state: 'frozen', ySplit: frozen, xSplit: 0 }];
}

/** A formula row's cell: Σ ± the referenced cells, as SUM(range) when they are one run of rows added. */
function formulaText(spec: ReportRow, column: number, first: number, figure: number): string {
  const own = spec.formula!.first;
  const terms = figure === 0 && typeof own === 'object' ? own : spec.formula!.terms;
  const ref = (row: number, previous?: boolean) =>
    `${letter(column + 1 - (previous ? 1 : 0))}${first + row}`;
  const rows = terms.map((t) => t.row);
  const run =
    terms.every((t) => t.sign === 1 && !t.previous) &&
    rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
  if (run && rows.length > 1) return `SUM(${ref(rows[0]!)}:${ref(rows.at(-1)!)})`;
  const text = terms
    .map((t, i) => `${t.sign === -1 ? '-' : i === 0 ? '' : '+'}${ref(t.row, t.previous)}`)
    .join('');
  return text === '' ? '0' : text;
}

/** Column number (1-based) to its letters: 1 → A, 27 → AA. */
function letter(n: number): string {
  let text = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    text = String.fromCharCode(65 + ((k - 1) % 26)) + text;
  return text;
}
