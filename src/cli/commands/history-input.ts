import { readHistory, type HistoryFiles, type LoadedHistory } from '../../io/load-history.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { cliIo } from '../cli-io.js';

/** The history options calibrate and backtest share (docs/calibration.md, "Inputs"). */
export type HistoryOptions = HistoryFiles;

/** Reads the history (src/io/load-history.ts) within the limits of the command's environment; throws InputError on any error. */
export function loadHistory(options: HistoryOptions, minimumJanuaries: number): LoadedHistory {
  return readHistory(options, minimumJanuaries, limitsFromEnvironment(cliIo().env));
}
