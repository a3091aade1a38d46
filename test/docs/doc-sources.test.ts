import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// tariffs/README.md sent readers to ../shared/domain.md, the team's research notes, which is in
// neither the repository nor the package: a citation must be one a reader has.
const DOCS = [
  'README.md',
  'tariffs/README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f)),
];

describe('the docs cite what a reader of the package has', () => {
  it.each(DOCS)('%s names no file outside the repository', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/\.\.\/shared\/|shared\/domain\.md/);
  });
});
