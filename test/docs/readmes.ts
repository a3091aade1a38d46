import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** Every README.md under dir, at any depth. */
export const readmes = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'README.md')
    .map((f) => path.join(dir, f))
    .sort();
