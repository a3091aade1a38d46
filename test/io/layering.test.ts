import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

/** Every .ts file under a folder of src/, with the src/ folders each imports from. */
function importsOf(folder: string): { file: string; layers: string[] }[] {
  const dir = path.join(ROOT, 'src', folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => {
      const file = path.join(dir, name);
      const specifiers = [
        ...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g),
      ].map((match) => match[1]!);
      const layers = specifiers.map(
        (specifier) =>
          path
            .relative(path.join(ROOT, 'src'), path.resolve(path.dirname(file), specifier))
            .split(path.sep)[0]!,
      );
      return { file: path.relative(ROOT, file), layers };
    });
}

/** The pipeline's layers (../shared/style.md §1, the house style's layout): core is pure, io adapts files to it, report renders; neither reaches up or sideways. */
describe('layering', () => {
  it('src/io imports nothing from src/report or src/cli (rounding and rendering happen once, in src/report)', () => {
    const files = importsOf('io');
    expect(files.length).toBeGreaterThan(20);
    expect(
      files.filter(({ layers }) => layers.some((layer) => layer === 'report' || layer === 'cli')),
    ).toEqual([]);
  });

  // Found by the house-style review: report/national-intervals.ts took AreaIntervals from src/io.
  it('src/report imports nothing from src/io or src/cli (its renderers are pure)', () => {
    expect(
      importsOf('report').filter(({ layers }) =>
        layers.some((layer) => layer === 'io' || layer === 'cli'),
      ),
    ).toEqual([]);
  });

  it('src/core imports nothing from src/io, src/report or src/cli', () => {
    expect(
      importsOf('core').filter(({ layers }) =>
        layers.some((layer) => layer === 'io' || layer === 'report' || layer === 'cli'),
      ),
    ).toEqual([]);
  });
});
