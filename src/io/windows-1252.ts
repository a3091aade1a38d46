/**
 * A CSV Excel saved as "CSV (Comma delimited)": on Windows, in the code page Windows-1252, in
 * which "£" is the one byte 0xA3, "–" 0x96 and "’" 0x92, none of them UTF-8. Excel offers "CSV
 * UTF-8" as another entry of the same list, and a finance officer who picks the first (Excel's
 * default) has a file every character of which is known: it is read as Windows-1252, with a
 * warning that names the characters so read (READ_AS_WINDOWS_1252), rather than refused.
 */

/**
 * The characters of bytes 0x80 to 0x9F, where Windows-1252 differs from ISO-8859-1 (Unicode's
 * mapping, https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT; the five
 * bytes it leaves undefined are never decoded: see notText). Bytes 0xA0 to 0xFF are the code
 * points of the same number. Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 instead
 * (0x96 as the control U+0096, not "–"), so the table is here; src/io/normalise.ts reads
 * garbled text (TEXT_MANGLED) back by it too.
 */
export const CHARACTERS_80_TO_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Bytes as Windows-1252 text: ISO-8859-1, with 0x80 to 0x9F from the table above. */
const decode = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CHARACTERS_80_TO_9F[c.charCodeAt(0) - 0x80]!);

/**
 * Whether a byte is never part of text in Windows-1252: a control character other than tab, line
 * feed and carriage return (NUL above all, which no text file holds), DEL, or one of the five
 * bytes the code page leaves without a character (0x81, 0x8D, 0x8F, 0x90, 0x9D). A file that
 * holds one is not a spreadsheet's text in this code page (a compressed file, another code page
 * such as Mac Roman's "è", 0x8F).
 */
function notText(byte: number): boolean {
  if (byte < 0x20) return byte !== 0x09 && byte !== 0x0a && byte !== 0x0d;
  return (
    byte === 0x7f ||
    byte === 0x81 ||
    byte === 0x8d ||
    byte === 0x8f ||
    byte === 0x90 ||
    byte === 0x9d
  );
}

/** The text of bytes read as Windows-1252, or where the first byte that is not text in it is. */
export function asWindows1252(
  bytes: Uint8Array,
): { readonly text: string } | { readonly notTextAt: number } {
  for (let i = 0; i < bytes.length; i += 1) if (notText(bytes[i]!)) return { notTextAt: i };
  return { text: decode(bytes) };
}

/** The character one byte is in Windows-1252. */
export const windows1252Character = (byte: number): string => decode(Uint8Array.of(byte));

/**
 * The characters beyond ASCII a text holds, each once, in the order they first come: at most
 * `most`. Found by the regular expression, not a walk over every character: a 52 MB file with one
 * "£" took 0.4 to 0.8 s to walk, 0.04 s to search (A/B in one run, at a review).
 */
export function charactersBeyondAscii(text: string, most: number): string[] {
  const seen = new Set<string>();
  for (const [character] of text.matchAll(/[^\0-\x7f]/gu)) {
    seen.add(character);
    if (seen.size === most) break;
  }
  return [...seen];
}
