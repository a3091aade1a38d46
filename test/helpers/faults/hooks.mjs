/**
 * Node module customization hooks (node:module register; test/helpers/faults.ts registers them)
 * that load a fresh copy of dist/ with one module in it replaced by one that fails, for a test of
 * how the tool behaves when something breaks that no input can break (a bug in the core, a full
 * disk, a thread that cannot start). The copy is the built code, loaded by Node itself, as the
 * other tests run it; vi.mock would reach only modules run through vitest's module runner, that
 * is all of src/ transformed again and run some 25-35% slower (vitest.config.ts; issue 18, item 5).
 *
 * An import of dist/X.js?fault=NAME starts the copy: every module of dist/ it imports, directly or
 * not, is loaded with the same query (Node keeps one instance per URL, query included, so the
 * copy shares nothing with the dist/ other tests use), and an import in the copy of the module
 * FAULTS names is given the fault's module instead, which may import the real one.
 */
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
  if (resolved.url.startsWith(DIST)) return { ...resolved, url: withFault(resolved.url, fault) };
  return resolved;
}
