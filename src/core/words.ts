/** A count with its noun: "1 draw", "2 draws", "1,000 draws" (a noun whose plural adds an s; the count as a number or as printed). */
export const counted = (n: number | string, noun: string): string =>
  `${n} ${noun}${String(n) === '1' ? '' : 's'}`;

/** A list in words: "", "a", "a and b", "a, b and c". */
export const andList = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** At most this many codes are listed; the rest are counted. */
const LISTED = 8;

/**
 * Codes in order, "N01, N02 and N04"; past eight, the rest counted ("… and 145 more"). A code with
 * a line in `lineOf` is followed by it: "N02 (line 14)".
 */
export function listed(
  codes: readonly string[],
  lineOf: ReadonlyMap<string, number> = new Map(),
): string {
  const sorted = [...codes]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((code) => (lineOf.has(code) ? `${code} (line ${lineOf.get(code)})` : code));
  return sorted.length > LISTED
    ? andList([...sorted.slice(0, LISTED), `${sorted.length - LISTED} more`])
    : andList(sorted);
}
