import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_FILES } from './doc-files.js';

/*
 * Every relative link of the docs leads somewhere, and every #anchor to a heading that is there:
 * a reader following "docs/simulate.md#lever-ranges" from the README must land on that section,
 * not at the top of the file after a heading was renamed.
 */
const DOCS = DOC_FILES;

/** The text outside fenced code blocks and inline code, where a link is a link. */
const prose = (text: string): string =>
  text.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's anchor for a heading: lower case, punctuation but `-` and `_` dropped, spaces to `-`. */
const slug = (heading: string): string =>
  heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

/** Every anchor a markdown file has: its headings' slugs (a repeat gets -1, -2 …) and explicit ids. */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of text.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const [, id] of text.matchAll(/<a (?:name|id)="([^"]+)"/g)) anchors.add(id!);
  return anchors;
}

const links = DOCS.flatMap((file) =>
  [...prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .map((target) => ({ file, target })),
);

describe('the links of README.md and docs/ lead where they say', () => {
  it('finds links to check', () => {
    expect(links.length).toBeGreaterThan(50);
  });

  for (const file of DOCS) {
    const own = links.filter((link) => link.file === file);
    if (own.length === 0) continue;
    it(`${file}: every relative link's file and #anchor is there`, () => {
      const broken = own.filter(({ target }) => {
        const [where, anchor] = target.split('#') as [string, string | undefined];
        const goal = where === '' ? file : path.join(path.dirname(file), decodeURI(where));
        if (!existsSync(goal)) return true;
        if (anchor === undefined) return false;
        if (statSync(goal).isDirectory() || !goal.endsWith('.md')) return true;
        return !anchorsOf(goal).has(decodeURIComponent(anchor));
      });
      expect(broken.map((link) => link.target)).toEqual([]);
    });
  }
});

/*
 * A section named in words, `docs/methodology.md, "Cost"` (in the docs, the messages and hints
 * shown to users, and the comments that cite a doc for a rule), is a heading of that file or a
 * bold label opening a paragraph or item. Found by this audit: seven citations in src/ named
 * sections that were renamed or never written ("Places", "How a draw is made", "The history").
 */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));

const CITING = [...DOCS, ...sourceFiles('src')];

/** The sections a file has: its headings and its bold labels, lower case, code marks dropped. */
function sectionsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  return [
    ...[...text.matchAll(/^#{1,6} +(.+)$/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/^(?:[-*] |\d+\. )?\*\*([^*]+)\*\*/gm)].map((m) => m[1]!),
  ].map((s) => s.replace(/`/g, '').toLowerCase());
}

const citations = CITING.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      // A list cites each of its sections: (docs/methodology.md, "Cost", "Place funding", …).
      // README alone is the top-level README (README, "Output"): found by this audit, three
      // citations of README sections that are not there ("Inputs", "model.json", "project options").
      [
        ...line.matchAll(/([\w/-]+\.md|\bREADME\b)\)?,? ("[^"]{3,80}"(?:, "[^"]{3,80}")*)/g),
      ].flatMap((m) =>
        [...m[2]!.matchAll(/"([^"]+)"/g)].map((name) => ({
          at: `${file}:${i + 1}`,
          doc: m[1] === 'README' ? 'README.md' : m[1]!,
          section: name[1]!,
        })),
      ),
    ),
);

/** Where a cited doc is: as written from the repository root or beside the citing file, else in docs/. */
const docOf = (at: string, doc: string): string | undefined =>
  [
    doc,
    path.join(path.dirname(at.split(':')[0]!), doc),
    path.join('docs', path.basename(doc)),
  ].find((candidate) => existsSync(candidate));

describe('a section cited by name is in the file cited', () => {
  it('finds citations to check', () => {
    expect(citations.length).toBeGreaterThan(40);
  });

  it('each cited section is a heading or bold label of its file', () => {
    const missing = citations.filter(({ at, doc, section }) => {
      const file = docOf(at, doc);
      const wanted = section.toLowerCase();
      return !file || !sectionsOf(file).some((s) => s.startsWith(wanted));
    });
    expect(missing.map((c) => `${c.at}: ${c.doc}, "${c.section}"`)).toEqual([]);
  });
});

/*
 * A file or folder of the repository named in the docs (`src/core/place-cost.ts`,
 * `fixtures/demand-example`) is there: a rename or a removal in the code must take its mentions
 * along. Placeholders (`tariffs/ID.json`, `<year>`, `*`) and a fixture that is missing on purpose
 * are left out.
 */
const MISSING_ON_PURPOSE = new Set(['fixtures/errors/FILE_MISSING/cohort.csv']);
const PATH =
  /(?<![\w/.-])((?:src|test|fixtures|bench|scripts|templates|tariffs|policy|nff-parameters|docs)\/[\w./-]*[\w/])/g;

describe('the files the docs name are in the repository', () => {
  const named = DOCS.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(PATH)]
      // A glob (`test/golden/worked-example.*`) names files by pattern.
      .filter((m) => !/^\.?\*/.test(m.input.slice(m.index + m[0].length)))
      .map((m) => m[1]!)
      .filter((p) => !/YYYY|\bID\b|\.\.\.|\/data\//.test(p) && !MISSING_ON_PURPOSE.has(p))
      .map((p) => ({ file, path: p })),
  );

  it('finds names to check', () => {
    expect(named.length).toBeGreaterThan(300);
  });

  it('each is a file or folder', () => {
    const missing = named.filter(({ path: p }) => !existsSync(p));
    expect(missing.map(({ file, path: p }) => `${file}: ${p}`)).toEqual([]);
  });
});
