import * as path from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { explainFigure } from '../../core/explain/explain.js';
import { explainRequest } from '../../core/explain/request.js';
import { explainRun } from '../../core/explain/run.js';
import { hasErrors, type Issue, sortIssues } from '../../core/issue.js';
import { unknownScenario } from '../../io/open-model.js';
import { applyScenario } from '../../core/scenario/apply.js';
import { checkOutputOption } from '../../io/write-output.js';
import { renderExplainJson } from '../../report/explain-json.js';
import { renderExplainTable } from '../../report/explain-table.js';
import { cliIo } from '../cli-io.js';
import { writeOrPrint } from '../write-or-print.js';
import { type ModelOptions, openModel } from '../open-model.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, tableWidth } from '../terminal.js';
import { defaultModelDir } from '../version.js';
import { shellWord } from '../shell-word.js';

export interface ExplainCommandOptions extends ModelOptions {
  readonly year?: string;
  readonly figure?: string;
  readonly setting?: string;
  readonly scenario?: string;
  readonly format?: 'table' | 'json';
  readonly out?: string;
}

/** `highneeds explain [model-dir] --year --figure`: read, check the request, project with the trace, render. */
export async function runExplain(
  dirArgument: string | undefined,
  options: ExplainCommandOptions,
): Promise<number> {
  checkOutputOption('--out', options.out);
  const extension = options.out === undefined ? '' : path.extname(options.out).toLowerCase();
  // What explain writes is a text table or JSON; a .xlsx or .csv holding text would mislead.
  if (!['', '.json', '.txt'].includes(extension))
    throw new UsageError(
      `--out ${options.out}: explain writes a text table or JSON, not a ${extension} file; give a .txt or .json name`,
    );
  if (options.format === 'table' && extension === '.json')
    throw new UsageError(`--out ${options.out} names a JSON file but --format is table`);
  const format = options.format ?? (extension === '.json' ? 'json' : 'table');
  const open = await openModel(dirArgument ?? defaultModelDir(), {
    ...options,
    reading: { quiet: false, json: format === 'json' },
  });
  const scenario =
    options.scenario === undefined
      ? undefined
      : open.scenarios.find((s) => s.id === options.scenario);
  const usage: Issue[] = [];
  if (options.scenario !== undefined && !scenario)
    usage.push(unknownScenario(open.scenarios, options.scenario, { file: '--scenario' }));
  // A scenario that switches tariff may bring settings of its own.
  const tariff = (scenario ? applyScenario(open.model, scenario).model : open.model).tariff;
  const checked = explainRequest(
    open.model,
    tariff.settings.map((s) => s.id),
    options,
  );
  usage.unshift(...checked.issues);
  if (usage.length || !checked.request)
    throw new UsageError('explain: bad --figure, --year, --setting or --scenario', usage);
  const { run, issues: projected } = explainRun(open.model, scenario);
  const issues = sortIssues([...open.issues, ...projected]);
  if (hasErrors(issues) || !run) throw new InputError(issues);
  if (issues.length) cliIo().stderr.write(formatIssues(issues, await issuePaint()));
  const explanation = explainFigure(run, checked.request);
  const text =
    format === 'json'
      ? renderExplainJson(explanation)
      : renderExplainTable(
          explanation,
          tableWidth(Boolean(options.out)),
          options.area === undefined ? undefined : explanation.area.code,
          dirArgument === undefined ? undefined : shellWord(dirArgument),
        );
  await writeOrPrint(
    text,
    options.out,
    open.inputs.map((input) => input.path),
  );
  return 0;
}
