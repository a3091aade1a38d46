import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { error, type Issue, type Location, warning } from '../core/issue.js';
import {
  describeByte,
  firstInvalidUtf8,
  hex,
  notTextByte,
  byteOrderMark,
  workbookKind,
} from './utf8.js';
import { asWindows1252, charactersBeyondAscii, windows1252Character } from './windows-1252.js';
import { andList } from '../core/words.js';

/** An input file as read: its text and a SHA-256 of its bytes, for the provenance manifest. */
interface InputFile {
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
}

export type ReadResult =
  | { readonly status: 'missing' }
  | {
      readonly status: 'ok';
      readonly file: InputFile;
      /** READ_AS_WINDOWS_1252 when a CSV was not UTF-8 but a spreadsheet's Windows-1252. */
      readonly warning?: Issue;
    }
  | { readonly status: 'refused'; readonly issue: Issue };

export type ReadBytesResult =
  | { readonly status: 'missing' }
  | {
      readonly status: 'ok';
      /** The bytes as UTF-8; `sha256` is of the file's own bytes. */
      readonly file: { readonly path: string; readonly bytes: Buffer; readonly sha256: string };
      /** READ_AS_WINDOWS_1252 when the file was not UTF-8 but a spreadsheet's Windows-1252. */
      readonly warning?: Issue;
    }
  | { readonly status: 'refused'; readonly issue: Issue };

/**
 * What a reader reads, which says whether a file that is not UTF-8 may be Windows-1252: a CSV may
 * (Excel's "CSV (Comma delimited)"); JSON may not, being UTF-8 by its standard (RFC 8259) and
 * saved from an editor. Said by the reader, not told by the file's name: a tariff Notepad saved
 * as tariff.json.txt in "ANSI" was read as Windows-1252 without a word (found by a review).
 */
export type InputForm = 'csv' | 'json';

/**
 * Reads a file as UTF-8 text (a CSV in Windows-1252 as that, with a warning). A missing file is
 * the caller's to judge (some are optional); a file over the size limit, or one that is not text
 * its form may be, is refused with a located issue.
 */
export function readInput(
  filePath: string,
  display: string,
  maxBytes: number,
  form: InputForm,
): ReadResult {
  const read = readInputBytes(filePath, display, maxBytes, form);
  if (read.status !== 'ok') return read;
  const { path: at, bytes, sha256 } = read.file;
  return {
    status: 'ok',
    file: { path: at, text: bytes.toString('utf8'), sha256 },
    ...(read.warning ? { warning: read.warning } : {}),
  };
}

/** readInput's checks, with the file's bytes (checked to be UTF-8) rather than its text: for a reader that splits the bytes itself. */
export function readInputBytes(
  filePath: string,
  display: string,
  maxBytes: number,
  form: InputForm,
): ReadBytesResult {
  let size: number;
  try {
    const stat = statSync(filePath);
    // A folder, device or pipe is not an input (reading /dev/zero would never end).
    if (!stat.isFile())
      return {
        status: 'refused',
        issue: error('FILE_MISSING', `${display} is not a regular file`, { file: display }),
      };
    size = stat.size;
  } catch {
    // A link to nothing is a file someone meant to give: not "absent", which an optional table may be.
    if (isLink(filePath))
      return {
        status: 'refused',
        issue: error(
          'FILE_MISSING',
          `${display} is a link to a file that does not exist`,
          { file: display },
          'point the link at the file, or remove it if the table is not wanted',
        ),
      };
    return { status: 'missing' };
  }
  if (size > maxBytes) {
    return {
      status: 'refused',
      issue: error(
        'FILE_TOO_LARGE',
        `file is ${size} bytes, over the limit of ${maxBytes}`,
        { file: display },
        'split the file, or raise HIGHNEEDS_MAX_FILE_BYTES for this run',
      ),
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (cause) {
    // Unreadable (permissions, /proc/self/mem's EIO): a problem with the input, not a bug.
    const code = (cause as NodeJS.ErrnoException).code ?? 'an error';
    return {
      status: 'refused',
      issue: error('FILE_MISSING', `${display} cannot be read (${code})`, { file: display }),
    };
  }
  // Node's native check first (a national cohort is tens of megabytes); the scan in JS only to say where a bad file goes wrong.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const line = lineOf(bytes, bad);
    const marked = byteOrderMark(bytes);
    const utf16 = marked === 'UTF-8' ? undefined : marked;
    const workbook = workbookKind(bytes);
    if (workbook)
      return {
        status: 'refused',
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
        status: 'ok',
        file: {
          path: filePath,
          bytes: Buffer.from(windows1252.text, 'utf8'),
          sha256: sha256(bytes),
        },
        warning: readAsWindows1252(windows1252.text, bytes[bad]!, { file: display, line }),
      };
    return {
      status: 'refused',
      issue: error(
        'INVALID_ENCODING',
        utf16
          ? `the file is ${utf16} text (it starts with UTF-16's byte-order mark), not UTF-8`
          : windows1252
            ? `byte ${hex(bytes[bad]!)} at offset ${bad} is not UTF-8, and the file is not text in Windows-1252 either: ${notTextByte(bytes, windows1252.notTextAt)}`
            : `byte ${describeByte(bytes[bad]!)} at offset ${bad} is not UTF-8${marked === 'UTF-8' ? ", though the file starts with UTF-8's byte-order mark" : ''}`,
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
  return {
    status: 'ok',
    file: { path: filePath, bytes, sha256: sha256(bytes) },
  };
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

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

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

/** Paths in messages: relative to the working folder where that is shorter and inside it. */
export function displayPath(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filePath;
}

function isLink(filePath: string): boolean {
  try {
    return lstatSync(filePath).isSymbolicLink();
  } catch {
    return false;
  }
}
