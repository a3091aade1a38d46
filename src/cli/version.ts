import { readFileSync } from 'node:fs';

/** The tool's version from package.json, for --version and the provenance manifest. */
export function toolVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

export const defaultModelDir = (): string =>
  new URL('../../fixtures/example/', import.meta.url).pathname;

/** The tariff library shipped with the tool. */
export const defaultTariffDir = (): string => new URL('../../tariffs/', import.meta.url).pathname;
