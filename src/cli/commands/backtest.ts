import { backtestSteps } from '../../core/calibrate/backtest.js';
import { summarise } from '../../core/calibrate/backtest-summary.js';
import { checkOutputOption } from '../../io/write-output.js';
import { writeOrPrint } from '../write-or-print.js';
import { backtestCsv, backtestJson, backtestTable, summaryCsv } from '../../report/backtest.js';
import { type Format, outputFormat, withBom } from '../output-format.js';
import { cliIo } from '../cli-io.js';
import { finishWithTurns } from '../interrupt.js';
import { formatIssues } from '../print-issues.js';
import { issuePaint, tableWidth } from '../terminal.js';
import { intervalSource } from './backtest-intervals.js';
import { type HistoryOptions, loadHistory } from './history-input.js';

export interface BacktestOptions extends HistoryOptions {
  readonly format?: Format;
  readonly out?: string;
  readonly summary?: boolean;
  readonly draws?: string;
  readonly seed?: string;
  readonly bom?: boolean;
}

/** `highneeds backtest`: rolling-origin projections of the history against what happened (docs/calibration.md). */
export async function runBacktest(options: BacktestOptions): Promise<number> {
  checkOutputOption('--out', options.out);
  const format = outputFormat(options);
  withBom('', format, options.bom);
  const intervals = intervalSource(options.draws, options.seed);
  const loaded = loadHistory(options, 3);
  checkOutputOption('--out', options.out, loaded.sources);
  // A step at a time, with a turn between steps: --draws can keep it busy for minutes, and a
  // Ctrl-C is heard only between turns (src/cli/interrupt.ts).
  const rows = await finishWithTurns(
    backtestSteps(loaded.history, {
      weight: loaded.weight,
      population: loaded.population,
      settings: loaded.settings,
      ...(intervals ? { intervals } : {}),
    }),
  );
  const summary = summarise(rows);
  if (loaded.issues.length) cliIo().stderr.write(formatIssues(loaded.issues, await issuePaint()));
  const text = withBom(
    format === 'json'
      ? backtestJson(rows, summary, loaded.issues)
      : format === 'table'
        ? backtestTable(rows, summary, tableWidth(Boolean(options.out)))
        : options.summary
          ? summaryCsv(summary)
          : backtestCsv(rows),
    format,
    options.bom,
  );
  await writeOrPrint(text, options.out, loaded.sources);
  return 0;
}
