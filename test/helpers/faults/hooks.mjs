/**
 * Node module customization hooks (node:module register; test/helpers/faults.ts registers them)
 * that load a fresh copy of dist/ with one module in it replaced by one that fails, for a test of
 * how the tool behaves when something breaks that no input can break (a bug in the core, a full
 * disk, a thread that cannot start). The copy is the built code, loaded by Node itself, as the
 * other tests run it; vi.mock would reach only modules run through vitest's module runner, that
 * is all of src/ transformed again and run some 25-35% slower (vitest.config.ts; issue 18, item 5).
 *
 * An import of dist/X.js?fault=NAME starts the copy: every module of dist/ it imports, directly or
 * not, that imports the module FAULTS names, directly or not, is loaded with the same query (Node
 * keeps one instance per URL, query included), and an import in the copy of the module FAULTS
 * names is given the fault's module instead, which may import the real one. A module of dist/ that
 * cannot reach the replaced one runs the same code in the copy as outside it, so the copy imports
 * the one the other tests use: fresh, the engine ran cold in each copy, interpreted until V8
 * compiled it again, some 0.5 s of CPU for each run of report or batch (issue 18, item 5). What
 * reaches what is read from the import statements of dist/ (dependsOn, below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';

const DIST = new URL('../../../dist/', import.meta.url).href;

/** Each fault: the module it replaces, and the module in this folder that replaces it. */
const FAULTS = {
  'internal-error': {
    replaces: `${DIST}core/project.js`,
    by: new URL('./internal-error.mjs', import.meta.url).href,
  },
  'full-disk': { replaces: 'node:fs', by: new URL('./full-disk.mjs', import.meta.url).href },
  'file-in-use': { replaces: 'node:fs', by: new URL('./file-in-use.mjs', import.meta.url).href },
  'national-in-use': {
    replaces: 'node:fs',
    by: new URL('./national-in-use.mjs', import.meta.url).href,
  },
  'outputs-in-use': {
    replaces: 'node:fs',
    by: new URL('./outputs-in-use.mjs', import.meta.url).href,
  },
  'renames-logged': {
    replaces: 'node:fs',
    by: new URL('./renames-logged.mjs', import.meta.url).href,
  },
  'rename-refused': {
    replaces: 'node:fs',
    by: new URL('./rename-refused.mjs', import.meta.url).href,
  },
  'workers-fail': {
    replaces: 'node:worker_threads',
    by: new URL('./workers-fail.mjs', import.meta.url).href,
  },
};

/** The URL without its query. */
const bare = (url) => url.replace(/[?#].*$/, '');

function withFault(url, fault) {
  const faulty = new URL(url);
  faulty.searchParams.set('fault', fault);
  return faulty.href;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const parent = context.parentURL;
  const fault = parent?.startsWith('file:') ? new URL(parent).searchParams.get('fault') : null;
  if (fault === null) return resolved;
  if (!Object.hasOwn(FAULTS, fault)) throw new Error(`no fault named ${fault} (${parent})`);
  const { replaces, by } = FAULTS[fault];
  // The fault's module itself imports the real one.
  if (bare(resolved.url) === replaces && bare(parent) !== by)
    return { url: withFault(by, fault), format: 'module', shortCircuit: true };
  if (resolved.url.startsWith(DIST) && dependsOn(bare(resolved.url), replaces))
    return { ...resolved, url: withFault(resolved.url, fault) };
  return resolved;
}

/**
 * What a module of dist/ imports (static, re-exported and import('...') alike), as URLs: a module
 * of dist/ or node:NAME. Read from the file's text, so a string in it that looks like an import
 * only makes a module a copy that need not be one; an import() of a name made at run time, which
 * this could not follow, makes the module depend on everything (dependsOn).
 */
function importsOf(url) {
  const text = readFileSync(new URL(url), 'utf8');
  const named = [
    ...text.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(?\s*['"]([^'"]+)['"]/g),
  ].map((match) => match[1]);
  const opaque = /\bimport\s*\(\s*[^'"\s]/.test(text);
  const urls = named.flatMap((specifier) => {
    if (specifier.startsWith('.')) return [new URL(specifier, url).href];
    if (specifier.startsWith('node:')) return [specifier];
    return isBuiltin(specifier) ? [`node:${specifier}`] : [];
  });
  return { urls, opaque };
}

/** The modules of dist/ that reach each replaced module (memo: dist/ is built before any test). */
const reaching = new Map();

/** Whether the module of dist/ at `url` imports `target`, directly or through other modules of dist/. */
function dependsOn(url, target) {
  if (!reaching.has(target)) {
    // Each module's importers, then every module from which `target` is reached, walking back from it.
    const importers = new Map();
    const opaque = [];
    for (const file of readdirSync(new URL(DIST), { recursive: true })) {
      if (!file.endsWith('.js')) continue;
      const at = new URL(file, DIST).href;
      const imports = importsOf(at);
      if (imports.opaque) opaque.push(at);
      for (const next of imports.urls) importers.set(next, [...(importers.get(next) ?? []), at]);
    }
    const found = new Set(opaque);
    const queue = [target, ...opaque];
    while (queue.length > 0)
      for (const importer of importers.get(queue.pop()) ?? [])
        if (!found.has(importer)) {
          found.add(importer);
          queue.push(importer);
        }
    reaching.set(target, found);
  }
  return reaching.get(target).has(url);
}
