import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { realPath } from './inside-folders.js';

/**
 * How provenance (manifest.json, a report's Inputs sheet and Provenance section) names a file
 * read as an input. A file of highneeds's own library is named `highneeds:` and its path in the
 * package (`highneeds:tariffs/example-borough-2025.json`): the manifest's `version` says which
 * release shipped it and the SHA-256 which bytes. Where the package is installed (global npm, a
 * checkout, the npx cache) is no part of the name: a user trial found library files recorded as
 * `../../../…/tariffs/…`, so the same model and version wrote different bytes from each install,
 * and a report sent on showed the user's folders.
 */
const LIBRARY_PREFIX = 'highneeds:';

/** The package's folders that hold its library (package.json's "files" ships each). */
const LIBRARY_FOLDERS: readonly string[] = ['tariffs', 'policy', 'templates', 'nff-parameters'];

/**
 * The package's root: src/io and dist/io sit two levels below it. The one place that finds the
 * package from a module's own location (scripts/build.mjs checks that no other module does): its
 * files are found from here, as paths (fileURLToPath; a URL's pathname kept "%20" for a space, so
 * an install under "OneDrive - Borough Council" found neither its example nor its tariffs).
 */
export const packageRoot = (): string => fileURLToPath(new URL('../../', import.meta.url));

/** A file or folder the package ships (package.json's "files"), by its path in the package. */
export const packageFile = (...parts: string[]): string => path.join(packageRoot(), ...parts);

/** `highneeds:FOLDER/FILE` for a file of the package's library, else undefined. On real paths, as the package's own are. */
export function libraryName(file: string, root = packageRoot()): string | undefined {
  const parts = below(realPath(root), realPath(file));
  return parts && parts.length > 1 && LIBRARY_FOLDERS.includes(parts[0]!)
    ? `${LIBRARY_PREFIX}${parts.join('/')}`
    : undefined;
}

/**
 * A file as provenance records it: a library file by its library name; any other file relative
 * to `base` (the model folder, a national model's folder, the nff factors file's folder), with
 * "/" between names. A file outside `base` keeps a relative path too (`../allocations.csv`), not
 * an absolute one: a project folder copied whole to another machine then records the same bytes,
 * and a report sent on does not show the user's home folder; the SHA-256 identifies the file.
 */
export function provenanceName(base: string, file: string): string {
  return (
    libraryName(file) ??
    path.relative(path.resolve(base), path.resolve(file)).split(path.sep).join('/')
  );
}

/** The names of `file` below `folder`, or undefined when it is not below it. */
function below(folder: string, file: string): string[] | undefined {
  const relative = path.relative(folder, file);
  if (relative === '' || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  return parts[0] === '..' ? undefined : parts;
}
