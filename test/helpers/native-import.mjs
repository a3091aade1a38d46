/**
 * import(url) by Node itself. vitest.config.ts leaves this file to Node (server.deps.external), so
 * the import below is Node's own: a module it loads runs as `node` would run it, and shares the
 * modules Node has loaded already (dist/, which the tests run). An import() written in a test file
 * goes through vitest's module runner instead.
 */
export const nativeImport = (url) => import(url);
