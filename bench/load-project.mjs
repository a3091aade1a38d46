// Loads every module `highneeds project` loads, as bin/highneeds loads them (the CLI's bundle,
// dist/bin/, then the project command's chunks), and does no work: it runs `project` on a folder
// that does not exist, which fails at its first read (its error goes to stderr, and the exit code
// is set back to 0). What project's start-up costs before any work, against `node -e 0`
// (bench/run.mjs, the project A/B). Build first (npm run build).
// Usage: node bench/load-project.mjs
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const nowhere = path.join(tmpdir(), `highneeds-no-model-${process.pid}`);
process.argv = [process.argv[0], 'highneeds', 'project', nowhere, '--quiet'];
await import('../dist/bin/main.js');
process.exitCode = 0;
