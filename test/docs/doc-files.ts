import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/** Every README.md under dir, at any depth. */
const readmes = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'README.md')
    .map((f) => path.join(dir, f))
    .sort();

/** The docs a reader has: README.md, docs/, the bench results and every README of the data and fixtures. */
export const DOC_FILES: readonly string[] = [
  'README.md',
  'bench/RESULTS.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f)),
  ...readmes('tariffs'),
  ...readmes('nff-parameters'),
  ...readmes('policy'),
  ...readmes('templates'),
  ...readmes('fixtures'),
].filter((file) => existsSync(file));
