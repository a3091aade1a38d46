import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/core/codes.js';
import { catalogueArgs } from '../cli/catalogue-commands.mjs';
import { ROOT } from '../helpers/exec.js';
import { DOC_FILES } from './doc-files.js';

/** docs/errors.md and fixtures/errors/ must keep up with ISSUE_CODES (src/core/codes.ts). */
const CODES = Object.keys(ISSUE_CODES).sort();
const doc = readFileSync(path.join(ROOT, 'docs/errors.md'), 'utf8');
const FIXTURES = path.join(ROOT, 'fixtures/errors');

/** `## CODE` sections: a second-level heading that is a code-like identifier, with its text up to the next heading. */
function codeSections(): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = doc.split(/^## /m).slice(1);
  for (const part of parts) {
    const [heading = '', ...body] = part.split('\n');
    const title = heading.trim();
    if (!/^[A-Z][A-Z0-9_]*$/.test(title)) continue;
    expect(sections.has(title), `docs/errors.md has two sections for ${title}`).toBe(false);
    sections.set(title, body.join('\n'));
  }
  return sections;
}

describe('docs/errors.md', () => {
  const sections = codeSections();

  it('has a ## section for every issue code', () => {
    expect(
      CODES.filter((code) => !sections.has(code)),
      'codes without a section',
    ).toEqual([]);
  });

  it('documents no code that does not exist', () => {
    expect(
      [...sections.keys()].filter((code) => !(code in ISSUE_CODES)),
      'sections for unknown codes',
    ).toEqual([]);
  });

  it('lists the codes in the order of ISSUE_CODES, as it says', () => {
    // Found by this audit: ROW_REPEATED's section stood before TOTALS_ROW's, not after TOTALS_DISAGREE's.
    expect([...sections.keys()]).toEqual(Object.keys(ISSUE_CODES));
  });

  it('gives each code its cause and fix as defined in ISSUE_CODES', () => {
    for (const [code, { cause, fix }] of Object.entries(ISSUE_CODES)) {
      const section = sections.get(code) ?? '';
      expect(section, `${code} cause`).toContain(`**Cause:** ${cause}`);
      expect(section, `${code} fix`).toContain(`**Fix:** ${fix}`);
      expect(section, `${code} example`).toContain(`fixtures/errors/${code}/`);
    }
  });

  it('has the exit codes table', () => {
    for (const row of [
      '| 0 | success',
      '| 1 | invalid input',
      '| 2 | usage',
      '| 3 | internal error',
    ])
      expect(doc).toContain(row);
  });
});

describe('fixtures/errors', () => {
  const folders = readdirSync(FIXTURES).filter((name) =>
    statSync(path.join(FIXTURES, name)).isDirectory(),
  );

  it('has a fixture folder for every issue code', () => {
    expect(
      CODES.filter((code) => !folders.includes(code)),
      'codes without fixtures/errors/<CODE>/',
    ).toEqual([]);
  });

  it('has no fixture for a code that does not exist (shared models start with _)', () => {
    expect(folders.filter((name) => !name.startsWith('_') && !(name in ISSUE_CODES))).toEqual([]);
  });
});

/*
 * A code the docs name in inline code (`NCY_OUT_OF_RANGE`) is one the tool can give: found by this
 * audit, docs/errors.md named `INVALID_NCY`, which no code is, for an NCY that is not a year. The
 * environment variables and the source's constants the docs name are the other words written so.
 */
const NOT_CODES = new Set([
  'NO_COLOR',
  'FORCE_COLOR',
  'BENCH_BASELINE',
  'ISSUE_CODES',
  'WORKER_BUNDLES',
]);

it('every code the docs name in inline code is an issue code', () => {
  const unknown = DOC_FILES.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g)]
      .map((m) => m[1]!)
      .filter(
        (name) => !(name in ISSUE_CODES) && !NOT_CODES.has(name) && !name.startsWith('HIGHNEEDS_'),
      )
      .map((name) => `${file}: ${name}`),
  );
  expect(unknown).toEqual([]);
});

/*
 * The catalogue's introduction says which command each example is printed by: `validate` on the
 * fixture, but for the codes it names (the NFF_ codes and a range of history codes as groups).
 * Found by this audit: the fixtures run with batch, tariffs check and tariffs import were not
 * among them. catalogueArgs is the command test/cli/errors.test.ts runs.
 */
it("the catalogue's introduction names every code whose example is not validate on its fixture", () => {
  const intro = doc.slice(
    doc.indexOf('## The error catalogue'),
    doc.indexOf('Run any of them yourself'),
  );
  const codes = Object.keys(ISSUE_CODES);
  const [first, last] = /the codes of a history, `([A-Z_]+)` to `([A-Z_]+)`/.exec(intro)!.slice(1);
  const history = codes.slice(codes.indexOf(first!), codes.indexOf(last!) + 1);
  const unnamed = codes.filter((code) => {
    const [command, , ...rest] = catalogueArgs(code, ROOT);
    if (command === 'validate' && rest.length === 0) return false;
    return !intro.includes(`\`${code}\``) && !code.startsWith('NFF_') && !history.includes(code);
  });
  expect(unnamed).toEqual([]);
});
