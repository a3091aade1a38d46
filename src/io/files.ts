import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** An input file as read: its text and a SHA-256 of its bytes, for the provenance manifest. */
export interface InputFile {
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
}

/** Reads a file as UTF-8 text, or returns undefined when there is no such file. */
export function readInput(filePath: string): InputFile | undefined {
  try {
    if (!statSync(filePath).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const bytes = readFileSync(filePath);
  return { path: filePath, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Paths in messages: relative to the working folder where that is shorter and inside it. */
export function displayPath(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filePath;
}
