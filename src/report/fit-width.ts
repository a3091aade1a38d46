/**
 * Fitting a terminal table to a width, without losing a figure.
 *
 * A table that fits, or is given no width (output piped to a file or a program), is laid
 * out as it always was: one line per row, columns two spaces apart. One that does not fit is
 * split into blocks of columns, one under another, each repeating the key columns (the
 * labels, areas or ids that say what a row is) so every block reads on its own. Text too
 * long for the room left (a title, a band label) wraps onto more lines within its column;
 * key text wraps too when the keys would take more than half the width. Figures are never
 * broken or shortened. Only if a single figure column cannot sit beside its keys does the
 * table turn into one record per row, a column per line (where a figure wider than the line
 * itself, the one thing that cannot fit, carries on onto the next).
 */

import { visible } from './visible.js';

interface FitColumn {
  readonly header: string;
  /** Figures align right and are never broken; text aligns left and may wrap. */
  readonly align: 'left' | 'right';
  /** Repeated at the left of every block when the table is split. */
  readonly key?: boolean;
}

export interface FitTable {
  readonly columns: readonly FitColumn[];
  readonly rows: readonly (readonly string[])[];
  /** Colours a padded cell; widths are measured before painting. */
  readonly paint?: (row: number, column: number, padded: string) => string;
}

/** Narrower terminals are treated as this wide: the widest figure and its key must still fit. */
export const MIN_WIDTH = 40;
const GAP = 2;
/** Text is not wrapped into a space narrower than this; it starts a new block instead. */
const MIN_WRAP = 16;
/** A key text column is not wrapped narrower than this. */
const MIN_KEY = 10;

interface Placed {
  readonly index: number;
  readonly width: number;
}

/** The table's lines (no trailing newline); a width of undefined keeps the full layout. */
export function fitTable(given: FitTable, width?: number): string[] {
  // Control characters made visible before anything is measured (src/report/visible.ts).
  const table: FitTable = {
    ...given,
    columns: given.columns.map((column) => ({ ...column, header: visible(column.header) })),
    rows: given.rows.map((row) => row.map(visible)),
  };
  const natural = table.columns.map((column, i) =>
    Math.max(column.header.length, ...table.rows.map((row) => row[i]!.length)),
  );
  const all = natural.map((w, index) => ({ index, width: w }));
  if (width === undefined || span(all) <= width) return renderBlock(table, all);
  const target = Math.max(width, MIN_WIDTH);
  const blocks = splitColumns(table, natural, target);
  if (!blocks) return expanded(table, target);
  return blocks.flatMap((block, i) => [...(i === 0 ? [] : ['']), ...renderBlock(table, block)]);
}

/** Each line of a text no longer than the width, wrapped at spaces with a hanging indent of two. */
export function fitText(text: string, width?: number): string {
  if (width === undefined) return visible(text);
  return text
    .split('\n')
    .map((line) => fitLine(line, width).join('\n'))
    .join('\n');
}

export function fitLine(given: string, width?: number): string[] {
  const line = visible(given);
  if (width === undefined || line.length <= width) return [line];
  const target = Math.max(width, MIN_WIDTH);
  if (line.length <= target) return [line];
  const indent = /^ */.exec(line)![0];
  const hanging = `${indent}  `;
  const lines = wrapWords(
    line.slice(indent.length),
    target - indent.length,
    target - hanging.length,
  );
  return lines.map((text, i) => `${i === 0 ? indent : hanging}${text}`);
}

/**
 * Words packed into lines of at most `width` (`rest` after the first); a word longer than a line
 * is cut, after a hyphen or underscore where one leaves at least a third of the line filled: an id such
 * as `early-help-semh` cut as `early-help-sem` and `h` read as two ids (found by a user trial at 60
 * columns), cut as `early-help-` and `semh` it reads as one.
 */
export function wrapWords(text: string, width: number, rest = width): string[] {
  const lines: string[] = [];
  let line = '';
  const room = () => (lines.length === 0 ? width : rest);
  for (const word of text.split(' ').filter((w) => w !== '')) {
    let remaining = word;
    if (line !== '' && line.length + 1 + remaining.length <= room()) {
      line += ` ${remaining}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (remaining.length > room()) {
      lines.push(remaining.slice(0, cutAt(remaining, room())));
      remaining = remaining.slice(lines[lines.length - 1]!.length);
    }
    line = remaining;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Where a word too long for a line of `room` is cut: after its last hyphen or underscore in the line, if that fills a third of it. */
function cutAt(word: string, room: number): number {
  const head = word.slice(0, room);
  const after = Math.max(head.lastIndexOf('-'), head.lastIndexOf('_')) + 1;
  return after * 3 >= room ? after : room;
}

const span = (placed: readonly Placed[]): number =>
  placed.reduce((total, p) => total + p.width, 0) + GAP * Math.max(placed.length - 1, 0);

/** Blocks of columns, keys first in each; undefined when a figure column cannot fit beside the keys. */
function splitColumns(
  table: FitTable,
  natural: readonly number[],
  width: number,
): Placed[][] | undefined {
  const keys = fitKeys(table, natural, Math.floor(width / 2));
  if (!keys) return undefined;
  const room = width - (keys.length ? span(keys) + GAP : 0);
  const blocks: Placed[][] = [];
  let current: Placed[] = [];
  const close = () => {
    if (current.length) blocks.push([...keys, ...current]);
    current = [];
  };
  for (const [index, column] of table.columns.entries()) {
    if (column.key) continue;
    const need = natural[index]!;
    const left = room - (current.length ? span(current) + GAP : 0);
    if (need <= left) {
      current.push({ index, width: need });
      continue;
    }
    if (column.align === 'right' && need > room) return undefined;
    if (column.align === 'left' && need > room && left >= MIN_WRAP) {
      current.push({ index, width: left });
      close();
      continue;
    }
    close();
    current.push({ index, width: Math.min(need, room) });
    if (need >= room) close();
  }
  close();
  return blocks.length ? blocks : [keys];
}

/** The key columns' widths: text keys narrowed (widest first) until the keys take at most `limit`. */
function fitKeys(table: FitTable, natural: readonly number[], limit: number): Placed[] | undefined {
  const keys: { index: number; width: number }[] = table.columns.flatMap((column, index) =>
    column.key ? [{ index, width: natural[index]! }] : [],
  );
  while (keys.length && span(keys) > limit) {
    const widest = keys
      .filter((k) => table.columns[k.index]!.align === 'left' && k.width > MIN_KEY)
      .sort((a, b) => b.width - a.width)[0];
    if (!widest) return undefined;
    widest.width = Math.max(MIN_KEY, widest.width - (span(keys) - limit));
  }
  return keys;
}

function renderBlock(table: FitTable, placed: readonly Placed[]): string[] {
  const cellLines = (text: string, p: Placed) =>
    text.length <= p.width ? [text] : wrapIndented(text, p.width);
  const lines = (cells: readonly string[][], row?: number): string[] => {
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) =>
      placed
        .map((p, i) => {
          const text = cells[i]![k] ?? '';
          const padded =
            table.columns[p.index]!.align === 'right'
              ? text.padStart(p.width)
              : text.padEnd(p.width);
          return row !== undefined && table.paint && text !== ''
            ? table.paint(row, p.index, padded)
            : padded;
        })
        .join(' '.repeat(GAP))
        .trimEnd(),
    );
  };
  return [
    ...lines(placed.map((p) => cellLines(table.columns[p.index]!.header, p))),
    ...table.rows.flatMap((row, r) =>
      lines(
        placed.map((p) => cellLines(row[p.index]!, p)),
        r,
      ),
    ),
  ];
}

/**
 * A cell's text wrapped to the width, keeping its leading spaces on every line (explain's parts
 * are indented under their parent: a user trial found them flush left at 80 columns; a further
 * indent would read as a child part); an indent that would leave less than half the width is
 * dropped.
 */
function wrapIndented(text: string, width: number): string[] {
  const indent = /^ */.exec(text)![0];
  if (indent === '' || indent.length * 2 > width) return wrapWords(text, width);
  return wrapWords(text.slice(indent.length), width - indent.length).map(
    (line) => `${indent}${line}`,
  );
}

/** One record per row, a column per line: the layout of last resort. */
function expanded(table: FitTable, width: number): string[] {
  const label = Math.min(
    Math.max(...table.columns.map((c) => c.header.length)),
    Math.floor(width / 3),
  );
  const valueWidth = width - label - GAP;
  return table.rows.flatMap((row, r) => [
    ...(r === 0 ? [] : ['']),
    ...table.columns.flatMap((column, i) => {
      const head =
        column.header.length <= label
          ? [column.header.padEnd(label)]
          : [...wrapWords(column.header, width), ''.padEnd(label)];
      const values = wrapWords(row[i]!, valueWidth).map((text) =>
        table.paint ? table.paint(r, i, text) : text,
      );
      const first = head.length - 1;
      return [
        ...head.slice(0, first),
        ...values.map((text, k) =>
          `${k === 0 ? head[first]! : ''.padEnd(label)}${' '.repeat(GAP)}${text}`.trimEnd(),
        ),
      ];
    }),
  ]);
}
