import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { warning, type Issue, type Location } from '../core/issue.js';
import type { Tariff } from '../core/tariff.js';
import { readTariffFile } from '../io/tariff-library.js';
import { tariffJson } from '../report/tariff-json.js';

/**
 * An imported table that keeps the id of a library table it no longer is (found by an officer's
 * trial: the library's example-borough-2025 exported, a band added in the spreadsheet, imported
 * back under the same id and title, and every output, the report's Tariff section among them,
 * then named the authority's own table as the library's illustrative one). An import the same
 * as the library table, byte for byte, is that table, and is not said.
 */
export function libraryIdTaken(
  tariff: Tariff,
  where: Location,
  libraryDir: string,
): Issue | undefined {
  const file = path.join(libraryDir, `${tariff.id}.json`);
  if (!existsSync(file)) return undefined;
  const library = readTariffFile(file).tariff;
  if (library && tariffJson(library) === tariffJson(tariff)) return undefined;
  return warning(
    'TARIFF_ID_TAKEN',
    `the table's id "${tariff.id}" is a library table's, but this table differs from it: outputs would name it as that table`,
    where,
    `give it an id and title of its own, with --id and --title (or in tariff.csv's id and title rows): --id ${shellSafe(tariff.id)}-local`,
  );
}

const shellSafe = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, '-');
