import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RunResult } from './exec.js';
import { cli } from './run-cli.js';

export interface ExampleReport {
  /** The run: its exit code and what it wrote (it is --quiet). */
  readonly run: RunResult;
  /** The report's file, report.html: read it, never change it (other files read it too). */
  readonly file: string;
  readonly html: string;
}

/** Where the worker keeps its run: on globalThis, as every test file of a worker shares it. */
const HELD = Symbol.for('highneeds.test.example-report');

/**
 * `highneeds report fixtures/example --out DIR/report.html --quiet`, run once in a worker
 * process and shared by the test files it runs that read the shipped example's HTML report as
 * it is (vitest.config.ts: the files of a worker share its modules). Seven files ran it each, a
 * third to half a second of CPU a run (issue 18, item 5); the same command gives the same bytes,
 * which test/report/html-report.test.ts checks against a run of its own. A file that needs the
 * command's own run (other options, another output, its messages) runs it itself.
 */
export function exampleReport(): Promise<ExampleReport> {
  const state = globalThis as { [HELD]?: Promise<ExampleReport> };
  state[HELD] ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-example-report-'));
    // The folder outlives every test file of the worker, so it goes when the worker does.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'report.html');
    const run = await cli(['report', 'fixtures/example', '--out', file, '--quiet']);
    return { run, file, html: run.code === 0 ? readFileSync(file, 'utf8') : '' };
  })();
  return state[HELD];
}
