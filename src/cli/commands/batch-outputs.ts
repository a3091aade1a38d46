import * as path from 'node:path';
import type { Issue } from '../../core/issue.js';
import { relativeInputs } from '../../io/input-reader.js';
import { issueFromBase } from '../../io/issue-paths.js';
import type { AreaResult, BatchResult } from '../../io/batch/run.js';
import { commitOutputs, makeOutputDir, stageOutputs } from '../../io/write-output.js';
import { renderFailures, renderNational, renderPrintedSummary } from '../../report/batch-csv.js';
import type { printBatch } from '../../report/batch-print.js';
import { renderPrintedCsv } from '../../report/csv.js';
import { INTERVAL_COLUMNS } from '../../report/intervals.js';
import { batchIntervalRows, printIntervals } from '../../report/national-intervals.js';
import { jsonText } from '../../report/json.js';
import { buildBatchManifest } from '../../report/manifest.js';
import { reportWarnings } from '../report-warnings.js';
import { yieldToSignals } from '../interrupt.js';
import { toolVersion } from '../version.js';
import type { BatchCommandOptions } from './batch.js';
import { staleOutputs } from './batch-earlier-outputs.js';
import { nationalReport } from './batch-national-report.js';
import { OUTPUTS } from './batch-output-names.js';

/** What a finished batch writes from: its result, as printed, and what the run was asked. */
export interface BatchOutputs extends ReturnType<typeof printBatch> {
  /** The national folder, as given. */
  readonly dir: string;
  readonly options: BatchCommandOptions;
  readonly result: BatchResult;
  readonly failed: readonly AreaResult[];
  /** How many of the failed are codes areas.csv does not list (UNKNOWN_AREA), not areas. */
  readonly unlisted: number;
  readonly warnings: readonly Issue[];
  /** An earlier batch's outputs in --out-dir (batch-output-checks.ts). */
  readonly earlier: { readonly ours: readonly string[] };
  readonly draws?: { readonly count: number; readonly seed: number };
}

/**
 * Writes a batch's outputs, all or none: summary.csv, national.csv, failures.csv, manifest.json,
 * intervals.csv with --draws and the national report with --report; an earlier batch's outputs
 * this run does not write are removed.
 */
export async function writeBatchOutputs({
  dir,
  options,
  result,
  printed,
  national,
  failed,
  unlisted,
  warnings,
  earlier,
  draws,
}: BatchOutputs): Promise<string[]> {
  makeOutputDir(options.outDir, '--out-dir');
  const manifest = buildBatchManifest({
    version: toolVersion(),
    // Relative to the national folder, in path order (provenance is in order of the paths as displayed).
    inputs: relativeInputs(dir, result.provenance).sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    ),
    scenarios: result.scenarios,
    areas: {
      modelled: result.areas.length - failed.length,
      failed: failed.length - unlisted,
      unlisted,
    },
    ...(draws ? { draws } : {}),
    // Relative to the out-dir, where the manifest is: the same whatever the working folder.
    ...(options.report !== undefined
      ? { report: path.relative(path.resolve(options.outDir), path.resolve(options.report)) || '.' }
      : {}),
  });
  // Its paths as the manifest names them, not from the working folder: the same inputs, the same bytes.
  const failures = failed.map((area) => ({
    ...area,
    issues: area.issues.map((issue) => issueFromBase(dir, issue)),
  }));
  const bom = options.bom ? '\uFEFF' : '';
  const texts = [
    `${bom}${renderPrintedSummary(printed)}`,
    `${bom}${renderNational(national)}`,
    `${bom}${renderFailures(failures)}`,
    jsonText(manifest),
  ];
  // Worked out once: intervals.csv prints them and the national report shows the same figures.
  const intervals = result.intervals && batchIntervalRows(result.intervals);
  if (options.report !== undefined) makeOutputDir(options.report, '--report');
  const report =
    options.report === undefined
      ? []
      : await nationalReport(options.report, result, national, manifest, failures, {
          warnings: reportWarnings(dir, warnings),
          ...(intervals && draws
            ? { ranges: { ...intervals, draws: draws.count, seed: draws.seed } }
            : {}),
        });
  const staged = stageOutputs(
    [
      ...OUTPUTS.map((name, i) => ({ target: path.join(options.outDir, name), text: texts[i]! })),
      ...(intervals
        ? [
            {
              target: path.join(options.outDir, 'intervals.csv'),
              text: `${bom}${renderPrintedCsv(INTERVAL_COLUMNS, printIntervals(intervals))}`,
            },
          ]
        : []),
      ...report,
    ],
    result.inputs,
  );
  await yieldToSignals();
  await commitOutputs(
    staged,
    staleOutputs(
      options.outDir,
      earlier.ours,
      new Set(staged.map((output) => path.resolve(output.target))),
    ),
  );
  return staged.map((output) => output.target);
}
