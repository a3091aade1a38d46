import { described } from './scenario/scenario-argument.js';

/** An options interface's names, each once: `Record<keyof T, true>` fails to compile when one is missed or misspelt. */
export type OptionNames<T> = Readonly<Record<keyof T, true>>;

/**
 * A library caller's options, checked before they are read: an object holding only the names
 * the function takes. A name it does not take was dropped without a word (found by a user
 * trial): `simulate(model, { threshold })` gave no threshold rows, `runBatch(dir, { scenario })`
 * ran every scenario, and `projectModel(dir, 'mitigated')` projected the model as given. Throws a
 * TypeError naming what to pass. Only at the library's door: the CLI's own calls pass their
 * options through unchecked (src/io/open-model.ts picks the load options from its own).
 */
export function checkOptionNames<T>(
  caller: string,
  options: unknown,
  names: OptionNames<T>,
  example: string,
): void {
  if (options === undefined) return;
  const known = Object.keys(names);
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(
      `${caller}: options must be an object such as ${example}, not ${described(options)}`,
    );
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    const meant = known.find((k) => sameWord(k, name));
    throw new TypeError(
      `${caller}: there is no option "${name}"${meant ? `; did you mean "${meant}"?` : ''} (options: ${known.join(', ')})`,
    );
  }
}

/** One name a slip for another: in another case, singular for plural, or cut short (tariff for tariffFile). */
function sameWord(known: string, written: string): boolean {
  const a = known.toLowerCase().replace(/s$/, '');
  const b = written.toLowerCase().replace(/s$/, '');
  return a === b || (b.length >= 4 && a.startsWith(b)) || (a.length >= 4 && b.startsWith(a));
}

/** A list of file paths, as `hnbFrom` takes them: one path alone was a TypeError deep inside ("flatMap is not a function"). */
export function checkPaths(caller: string, name: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return;
  throw new TypeError(
    `${caller}: ${name} must be an array of file paths, such as ${JSON.stringify(typeof value === 'string' ? [value] : ['nff-2026-27.csv'])}, not ${described(value)}`,
  );
}

/**
 * One file or folder path, as `tariffFile`, `libraryDir` and `policyDir` take it: a number, or an
 * empty string, reached Node's own path functions, whose TypeError named none of the caller's
 * options ('The "paths[0]" argument must be of type string', found by an analyst's trial).
 */
export function checkPath(caller: string, name: string, value: unknown): void {
  if (value === undefined || (typeof value === 'string' && value !== '')) return;
  throw new TypeError(
    `${caller}: ${name} must be a file or folder path, such as "tariff.json", not ${value === '' ? 'an empty string' : described(value)}`,
  );
}
