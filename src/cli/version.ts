import { readFileSync } from 'node:fs';
import { packageFile } from '../io/provenance-name.js';

/** The tool's version from package.json, for --version and the provenance manifest. */
export function toolVersion(): string {
  const text = readFileSync(packageFile('package.json'), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

export const defaultModelDir = (): string => packageFile('fixtures', 'example');

/** The tariff library shipped with the tool. */
export const defaultTariffDir = (): string => packageFile('tariffs');
