import { UsageError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import type { Projection } from '../../core/projection.js';
import { displayPath } from '../../io/files.js';
import { fromModel, relativeInputs } from '../../io/input-reader.js';
import { scenarioFromScenarios } from '../scenario-spelling.js';
import { findScenario, loadAndProject, readingArea, tariffOptionRecorded } from '../open-model.js';
import { checkOutAndManifest, commitOutputs, stageOutputs } from '../../io/write-output.js';
import { yieldToSignals } from '../interrupt.js';
import { renderCsv } from '../../report/csv.js';
import { issueFromBase } from '../../io/issue-paths.js';
import { jsonText, renderJson, type JsonOut } from '../../report/json.js';
import { buildManifest } from '../../report/manifest.js';
import { DETAIL_COLUMNS, detailRows, SUMMARY_COLUMNS, summaryRows } from '../../report/rows.js';
import { renderTable } from '../../report/table.js';
import {
  breakdown,
  breakdownScenario,
  type BreakdownYear,
} from '../../core/breakdown/breakdown.js';
import { BREAKDOWNS, type BreakdownKind, renderBreakdown } from '../../report/breakdown-rows.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, spinner, tablePaint, tableWidth } from '../terminal.js';
import { type Format, outputFormat, withBom } from '../output-format.js';
import { defaultModelDir, toolVersion } from '../version.js';
import { cliIo } from '../cli-io.js';

export type { Format };

export interface ProjectOptions {
  readonly format?: Format;
  readonly out?: string;
  readonly detail?: boolean;
  readonly quiet?: boolean;
  readonly manifest?: string;
  readonly tariff?: string;
  readonly scenario?: string;
  readonly scenariosFile?: string;
  readonly hnbFrom?: readonly string[];
  /** One area of a national model (src/io/national-area.ts). */
  readonly area?: string;
  readonly bom?: boolean;
  /** The other commands' spelling, taken as --scenario when it names one scenario (src/cli/scenario-spelling.ts). */
  readonly scenarios?: string;
  /** Rows by need or by age group instead of the summary (src/report/breakdown-rows.ts). */
  readonly breakdown?: string;
}

/** `highneeds project [model-dir]`: read, project, render, write. Returns the exit code. */
export async function runProject(
  dirArgument: string | undefined,
  given: ProjectOptions,
): Promise<number> {
  const options: ProjectOptions = { ...given, ...scenarioFromScenarios('project', given) };
  checkOutAndManifest(options.out, options.manifest);
  const format = outputFormat(options);
  if (
    options.breakdown !== undefined &&
    !(BREAKDOWNS as readonly string[]).includes(options.breakdown)
  )
    throw new UsageError(`--breakdown ${options.breakdown}: give need or age-group`);
  // --breakdown replaces the summary that --detail adds to: together, one would be ignored.
  if (options.breakdown !== undefined && options.detail)
    throw new UsageError(
      '--breakdown and --detail do not go together: --breakdown replaces the summary that --detail adds to (for the rows by setting with those by need and age group, give --detail --format json)',
    );
  withBom('', format, options.bom);
  const dir = dirArgument ?? defaultModelDir();
  const progress = (
    await spinner(
      options.area === undefined ? `Reading ${displayPath(dir)}` : readingArea(dir, options.area),
      {
        quiet: Boolean(options.quiet),
        json: format === 'json',
      },
    )
  ).start();
  let loadedRun: Awaited<ReturnType<typeof loadAndProject>>;
  try {
    loadedRun = await loadAndProject(dir, options);
  } finally {
    progress.stop();
  }
  const { open, projection, issues } = loadedRun;
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  const manifest = buildManifest({
    version: toolVersion(),
    inputs: relativeInputs(dir, open.inputs),
    ...(projection.tariff.source ? { tariffSource: fromModel(dir, projection.tariff.source) } : {}),
    projection,
    options: {
      format,
      detail: Boolean(options.detail),
      ...(options.scenario ? { scenario: options.scenario } : {}),
      // --area as areas.csv writes the code, however it was typed.
      ...(options.area !== undefined ? { area: projection.area.code } : {}),
      ...(options.tariff ? { tariff: tariffOptionRecorded(dir, options.tariff) } : {}),
    },
  });
  const split =
    options.breakdown !== undefined || (options.detail && format === 'json')
      ? options.scenario === undefined
        ? breakdown(open.model)
        : breakdownScenario(open.model, findScenario(open, options.scenario))
      : undefined;
  const text = withBom(
    options.breakdown !== undefined
      ? renderBreakdown(
          projection.area.code,
          split!,
          options.breakdown as BreakdownKind,
          format,
          tableWidth(Boolean(options.out)),
        )
      : await render(
          projection,
          format,
          options,
          manifest,
          // From the model folder, as the manifest names files: the same bytes from any working folder.
          issues.map((issue) => issueFromBase(dir, issue)),
          split,
        ),
    format,
    options.bom,
  );
  const inputs = open.inputs.map((input) => input.path);
  const staged = stageOutputs(
    [
      ...(options.manifest ? [{ target: options.manifest, text: jsonText(manifest) }] : []),
      ...(options.out ? [{ target: options.out, text }] : []),
    ],
    inputs,
  );
  // Signals wait while synchronous work runs; let a Ctrl-C that came in during the run be
  // handled here, before anything is renamed into place (src/cli/main.ts removes the temporaries).
  await yieldToSignals();
  await commitOutputs(staged);
  if (!options.out) cliIo().stdout.write(text);
  return 0;
}

async function render(
  projection: Projection,
  format: Format,
  options: ProjectOptions,
  manifest: JsonOut,
  issues: readonly Issue[],
  split?: readonly BreakdownYear[],
): Promise<string> {
  const detail = Boolean(options.detail);
  if (format === 'table')
    return renderTable(projection, {
      detail,
      paint: await tablePaint(),
      width: tableWidth(Boolean(options.out)),
    });
  if (format === 'csv')
    return detail
      ? renderCsv(DETAIL_COLUMNS, detailRows(projection))
      : renderCsv(SUMMARY_COLUMNS, summaryRows(projection));
  if (format === 'json')
    return renderJson(projection, {
      detail,
      warnings: issues,
      manifest,
      ...(split ? { breakdown: split } : {}),
    });
  throw new UsageError(`unknown format ${String(format)}`);
}
