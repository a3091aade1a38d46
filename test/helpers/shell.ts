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

/** A command's arguments with every output it would write (--out, --out-dir, --manifest, batch's --report, init's folder) sent into `dir`. */
export function redirectOutputs(args: readonly string[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return args.map((arg, i) => {
    const previous = args[i - 1];
    if (previous !== undefined && OUTPUTS.has(previous)) return path.join(dir, path.basename(arg));
    if (args[0] === 'init' && i === 1) return path.join(dir, path.basename(arg));
    const inline = /^(--out|--out-dir|--manifest|--report)=(.*)$/.exec(arg);
    return inline ? `${inline[1]}=${path.join(dir, path.basename(inline[2]!))}` : arg;
  });
}
