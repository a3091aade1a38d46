import * as path from 'node:path';

/** `tariffs import` of the five files `tariffs export --csv --out-dir DIR` writes, with `more` after them. */
export const importArgs = (dir: string, ...more: string[]): string[] => [
  'tariffs',
  'import',
  path.join(dir, 'rates.csv'),
  '--settings',
  path.join(dir, 'settings.csv'),
  '--bands',
  path.join(dir, 'bands.csv'),
  '--references',
  path.join(dir, 'references.csv'),
  '--meta',
  path.join(dir, 'tariff.csv'),
  ...more,
];
