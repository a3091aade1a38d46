import { InputError, UsageError } from '../../core/errors.js';
import { hasErrors, sortIssues, type Issue } from '../../core/issue.js';
import { project } from '../../core/project.js';
import type { Projection } from '../../core/projection.js';
import { displayPath } from '../../io/files.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { loadModel, type LoadedModel } from '../../io/read-model.js';
import { writeOutputAtomically } from '../../io/write-output.js';
import { renderCsv } from '../../report/csv.js';
import { renderJson, type JsonOut } from '../../report/json.js';
import { DETAIL_COLUMNS, detailRows, SUMMARY_COLUMNS, summaryRows } from '../../report/rows.js';
import { renderTable } from '../../report/table.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, spinner, tablePaint } from '../terminal.js';
import { defaultModelDir, toolVersion } from '../version.js';

export type Format = 'table' | 'csv' | 'json';

export interface ProjectOptions {
  readonly format?: Format;
  readonly out?: string;
  readonly detail?: boolean;
  readonly quiet?: boolean;
}

/** `highneeds project [model-dir]`: read, project, render, write. Returns the exit code. */
export function runProject(dirArgument: string | undefined, options: ProjectOptions): number {
  const format: Format = options.format ?? (options.out || !process.stdout.isTTY ? 'csv' : 'table');
  const dir = dirArgument ?? defaultModelDir();
  const progress = spinner(`Reading ${displayPath(dir)}`, { quiet: Boolean(options.quiet), json: format === 'json' }).start();
  const { loaded, projection, issues } = loadAndProject(dir);
  progress.stop();
  if (!projection) throw new InputError(issues);
  if (issues.length) process.stderr.write(formatIssues(issues, issuePaint()));
  const text = render(projection, format, options, loaded, issues);
  if (options.out) writeOutputAtomically(options.out, text, loaded.inputs.map((input) => input.path));
  else process.stdout.write(text);
  return 0;
}

export function loadAndProject(dir: string): { loaded: LoadedModel; projection?: Projection; issues: Issue[] } {
  const loaded = loadModel(dir, { limits: limitsFromEnvironment(process.env) });
  if (!loaded.model) return { loaded, issues: [...loaded.issues] };
  const outcome = project(loaded.model);
  const issues = sortIssues([...loaded.issues, ...outcome.issues]);
  return hasErrors(issues) || !outcome.projection ? { loaded, issues } : { loaded, projection: outcome.projection, issues };
}

function render(projection: Projection, format: Format, options: ProjectOptions, loaded: LoadedModel, issues: readonly Issue[]): string {
  const detail = Boolean(options.detail);
  if (format === 'table') return renderTable(projection, { detail, paint: tablePaint() });
  if (format === 'csv') return detail ? renderCsv(DETAIL_COLUMNS, detailRows(projection)) : renderCsv(SUMMARY_COLUMNS, summaryRows(projection));
  if (format === 'json') {
    const manifest: JsonOut = {
      tool: 'highneeds',
      version: toolVersion(),
      inputs: loaded.inputs.map((input) => ({ path: input.path, sha256: input.sha256 })),
      options: { detail },
    };
    return renderJson(projection, { detail, warnings: issues.map((issue) => `${issue.code}: ${issue.message}`), manifest });
  }
  throw new UsageError(`unknown format ${String(format)}`);
}
