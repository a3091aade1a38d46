// Loads every module `highneeds project` loads, as it loads them (the CLI, then the project
// command), and exits without reading a model: what project's start-up costs before any work,
// against `node -e 0` (bench/run.mjs, the project A/B). Build first (npm run build).
// Usage: node bench/load-project.mjs
await import('../dist/cli/run.js');
await import('../dist/cli/commands/project.js');
