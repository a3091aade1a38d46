import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './exec.js';

/** A ```ts block of README.md or docs/*.md: where it starts (`README.md:285`) and its code. */
export interface Block {
  readonly name: string;
  readonly source: string;
}

/** README.md and every page of docs/: the files whose shown commands and code the docs tests run. */
export const DOCS = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

function tsBlocks(file: string): Block[] {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!lines[i]!.startsWith('```')) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end += 1;
    if (lines[i] === '```ts')
      blocks.push({ name: `${file}:${i + 1}`, source: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** Every ```ts block of README.md and docs/*.md, in order. */
export const docBlocks = (): Block[] => DOCS.flatMap(tsBlocks);
