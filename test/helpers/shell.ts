import { mkdirSync } from 'node:fs';
import * as path from 'node:path';

const OUTPUTS = new Set(['--out', '--out-dir', '--manifest', '--report']);

/** Shell words of one command line, up to a comment, pipe, redirection or `&&`; quotes as sh reads them. */
export function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      return { words, comment: line.slice(i + 1).trim() };
    } else if ((c === '|' || c === '>' || c === '&' || c === ';') && word === undefined) {
      return { words, comment: '' };
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return { words, comment: '' };
}

/** The output an argument names (after --out, --out-dir, --manifest, batch's --report, init's folder, or as --out=PATH): its text before the path, and the path. */
function outputAt(
  args: readonly string[],
  i: number,
): { before: string; file: string } | undefined {
  const previous = args[i - 1];
  if ((previous !== undefined && OUTPUTS.has(previous)) || (args[0] === 'init' && i === 1))
    return { before: '', file: args[i]! };
  const inline = /^(--out|--out-dir|--manifest|--report)=(.*)$/.exec(args[i]!);
  return inline ? { before: `${inline[1]}=`, file: inline[2]! } : undefined;
}

/** A command's arguments with every output it would write named in `dir` (which is not made). */
function outputsIn(args: readonly string[], dir: string): string[] {
  return args.map((arg, i) => {
    const output = outputAt(args, i);
    return output ? `${output.before}${path.join(dir, path.basename(output.file))}` : arg;
  });
}

/** A command's arguments with every output it would write sent into `dir`, made if need be. */
export function redirectOutputs(args: readonly string[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return outputsIn(args, dir);
}

/** The file names of a command's outputs. */
export function outputNames(args: readonly string[]): string[] {
  return args.flatMap((_, i) => {
    const output = outputAt(args, i);
    return output ? [path.basename(output.file)] : [];
  });
}

/** The same key for two commands that do the same: the same arguments, outputs of the same names. */
export function sameRunKey(args: readonly string[]): string {
  return JSON.stringify(outputsIn(args, ''));
}
