import { windows1252Character } from './windows-1252.js';

/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1.
 * (TextDecoder's fatal mode says only that a file is bad, not where.)
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** A byte as a person looking at the file in a hex viewer would find it: 0xA3. */
export const hex = (byte: number): string =>
  `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Names a stray byte the way a person would recognise it: Windows-1252 is what Excel and older
 * Notepad write (a JSON input, which is not read as Windows-1252, names its character).
 */
export function describeByte(byte: number): string {
  const character = windows1252Character(byte);
  return /[\p{L}\p{N}\p{S}\p{P}]/u.test(character)
    ? `${hex(byte)} ("${character}" in Windows-1252)`
    : hex(byte);
}

/** Why the byte at `at` is no text in Windows-1252 (src/io/windows-1252.ts), with where it is. */
export function notTextByte(bytes: Uint8Array, at: number): string {
  const byte = bytes[at]!;
  return `byte ${hex(byte)} at offset ${at} ${byte < 0x20 || byte === 0x7f ? 'is a control character' : 'has no character in it'}`;
}

/**
 * What a file's byte-order mark says it is in, if it starts with one. UTF-16 is what Excel's
 * "Unicode Text" saves: such a file fails the UTF-8 check at its first byte, 0xFF or 0xFE, which
 * on its own would read as a stray Windows-1252 character. UTF-8's starts Excel's "CSV UTF-8": a
 * byte in such a file that is not UTF-8 is no sign that the file is in another code page.
 */
export function byteOrderMark(bytes: Uint8Array): 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/**
 * The spreadsheet a file's first bytes say it is, if one: a workbook saved under a .csv name (or
 * renamed), whose first stray byte would otherwise be named as a Windows-1252 character and the
 * advice be to save it as UTF-8 (found by an officer's trial). .xlsx and .ods are zip archives
 * ("PK\x03\x04"); Excel 97–2003's .xls is an OLE2 compound file (D0 CF 11 E0).
 */
export function workbookKind(
  bytes: Uint8Array,
): 'a workbook (.xlsx)' | 'an Excel 97-2003 workbook (.xls)' | undefined {
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a workbook (.xlsx)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an Excel 97-2003 workbook (.xls)';
  return undefined;
}
