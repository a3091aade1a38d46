import { andList } from '../core/words.js';
import { error, type Issue, type Location, warning } from '../core/issue.js';
import type { InputForm } from './files.js';
import { byteOrderMark, describeByte, hex, notTextByte, workbookKind } from './utf8.js';
import { asWindows1252, charactersBeyondAscii, windows1252Character } from './windows-1252.js';

/**
 * A file that is not UTF-8 from the byte `bad` on, as its form may be read: a CSV in Windows-1252
 * (Excel's "CSV (Comma delimited)") as its text in UTF-8, with READ_AS_WINDOWS_1252; anything else
 * refused with INVALID_ENCODING, which names what the file is where it can (UTF-16, a workbook).
 */
export function readNotUtf8(
  bytes: Buffer,
  bad: number,
  display: string,
  form: InputForm,
): { readonly bytes: Buffer; readonly warning: Issue } | { readonly issue: Issue } {
  const line = lineOf(bytes, bad);
  const marked = byteOrderMark(bytes);
  const utf16 = marked === 'UTF-8' ? undefined : marked;
  const workbook = workbookKind(bytes);
  if (workbook)
    return {
      issue: error(
        'INVALID_ENCODING',
        `the file is ${workbook}, not CSV text`,
        { file: display },
        'open it in Excel and save the sheet as "CSV UTF-8 (Comma delimited)"',
      ),
    };
  const json = form === 'json';
  // A CSV Excel saved in Windows-1252 is read as such, with a warning (src/io/windows-1252.ts);
  // not JSON (InputForm), nor a file whose byte-order mark says what it is: a UTF-8 CSV with a
  // row pasted in from a Windows-1252 one was read as "ï»¿" and refused as garbled (TEXT_MANGLED).
  const windows1252 = marked || json ? undefined : asWindows1252(bytes);
  if (windows1252 && 'text' in windows1252)
    return {
      bytes: Buffer.from(windows1252.text, 'utf8'),
      warning: readAsWindows1252(windows1252.text, bytes[bad]!, { file: display, line }),
    };
  return {
    issue: error(
      'INVALID_ENCODING',
      whyNotRead(bytes, bad, marked, windows1252?.notTextAt),
      // At the byte that is not text when there is one, which is what stops the file being
      // read: a NUL far below a "£" Windows-1252 would read was placed at the "£".
      {
        file: display,
        line: windows1252 ? lineOf(bytes, windows1252.notTextAt) : line,
      },
      // A JSON file is not saved from Excel but from an editor, Notepad's "Unicode" being UTF-16
      // (a user trial's model.json was told to save as CSV).
      json
        ? 'save the file as UTF-8 (in Notepad: Save As, Encoding "UTF-8")'
        : utf16
          ? 'save the file as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)", not "Unicode Text")'
          : 'save the file as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")',
    ),
  };
}

/** Why a file that is not UTF-8 is not read: what its byte-order mark says, or which bytes. */
function whyNotRead(
  bytes: Uint8Array,
  bad: number,
  marked: ReturnType<typeof byteOrderMark>,
  notTextAt: number | undefined,
): string {
  if (marked && marked !== 'UTF-8')
    return `the file is ${marked} text (it starts with UTF-16's byte-order mark), not UTF-8`;
  if (notTextAt !== undefined)
    return `byte ${hex(bytes[bad]!)} at offset ${bad} is not UTF-8, and the file is not text in Windows-1252 either: ${notTextByte(bytes, notTextAt)}`;
  return `byte ${describeByte(bytes[bad]!)} at offset ${bad} is not UTF-8${marked === 'UTF-8' ? ", though the file starts with UTF-8's byte-order mark" : ''}`;
}

/**
 * The line a byte is on, counted as the CSV reader counts lines (csvOptions): CR LF, LF and CR
 * each end one. By line feeds alone, a file with CR line ends (Excel for Mac's CSV) had every
 * byte on line 1 (found by a review).
 */
function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i += 1)
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  return line;
}

/**
 * READ_AS_WINDOWS_1252 at the first byte that is not UTF-8: the character it is read as, and the
 * file's other characters beyond ASCII (a few), so that the officer can see they are the ones meant.
 */
function readAsWindows1252(text: string, byte: number, at: Location): Issue {
  const shown = windows1252Character(byte);
  const others = charactersBeyondAscii(text, OTHERS_SHOWN + 1)
    .filter((character) => character !== shown)
    .slice(0, OTHERS_SHOWN)
    .map((character) => `"${character}"`);
  return warning(
    'READ_AS_WINDOWS_1252',
    `the file is not UTF-8, so it is read as Windows-1252, as Excel's "CSV (Comma delimited)" saves it: byte ${hex(byte)} here is "${shown}"${others.length ? `; the file also holds ${andList(others)}` : ''}`,
    at,
    'if those are the characters meant, the file is read as it should be; save it as "CSV UTF-8 (Comma delimited)" to be sure, and this warning goes',
  );
}

/** How many of a Windows-1252 file's other characters beyond ASCII its warning shows. */
const OTHERS_SHOWN = 4;
