import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { error, type Issue } from '../core/issue.js';
import { readNotUtf8 } from './not-utf8.js';
import { firstInvalidUtf8 } from './utf8.js';

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
    const read = readNotUtf8(bytes, bad, display, form);
    if ('issue' in read) return { status: 'refused', issue: read.issue };
    return {
      status: 'ok',
      file: { path: filePath, bytes: read.bytes, sha256: sha256(bytes) },
      warning: read.warning,
    };
  }
  return {
    status: 'ok',
    file: { path: filePath, bytes, sha256: sha256(bytes) },
  };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

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
