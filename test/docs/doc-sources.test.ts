import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_FILES } from './doc-files.js';

/** The *.json files of a data folder. */
const jsonFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f));

// tariffs/README.md sent readers to ../shared/domain.md, the team's research notes, which is in
// neither the repository nor the package: a citation must be one a reader has.
// The bench notes are the developers' record of their runs, not a reader's doc.
const DOCS = DOC_FILES.filter((file) => file !== 'bench/RESULTS.md');

// The shipped data's notes are shown to users too (tariffs show, explain, the report's sources).
const DATA = [...jsonFiles('tariffs'), ...jsonFiles('policy'), ...jsonFiles('nff-parameters')];

// The docs cited "domain brief §2.5" and the like (or "the brief", "team brief §4.3") for some 17
// facts, and the tariffs' notes 24 times: the same notes again. Each fact now names its public
// source (a title and address), or says plainly that it has none.
const INTERNAL_NOTES = /domain brief|team(?:'s|’s)? brief|\bthe brief\b|\bbrief §/i;

describe('the docs cite what a reader of the package has', () => {
  it.each(DOCS)('%s names no file outside the repository', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/\.\.\/shared\/|shared\/domain\.md/);
  });

  it.each([...DOCS, ...DATA])('%s cites no internal notes', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const cites = lines.flatMap((line, i) =>
      INTERNAL_NOTES.test(line) ? [`${file}:${i + 1}: ${line.match(INTERNAL_NOTES)?.[0]}`] : [],
    );
    expect(cites).toEqual([]);
  });
});
