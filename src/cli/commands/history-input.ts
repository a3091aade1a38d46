import { readHistory, type HistoryFiles, type LoadedHistory } from '../../io/load-history.js';
import { limitsFromEnvironment } from '../../io/limits.js';
import { cliIo } from '../cli-io.js';

/** The history options calibrate and backtest share (docs/calibration.md, "Inputs"). */
export type HistoryOptions = HistoryFiles;

/**
 * Reads the history (src/io/load-history.ts) within the limits of the command's environment; throws
 * InputError on any error. calibrate's --fit-years, where given, is the steps that are fitted: ids
 * that change in a step outside them mislead nothing (PERSONS_NOT_FOLLOWED).
 */
export function loadHistory(
  options: HistoryOptions & { readonly fitYears?: string },
  minimumJanuaries: number,
): LoadedHistory {
  const fitted = options.fitYears === undefined ? undefined : fitYearsRange(options.fitYears);
  return readHistory(options, minimumJanuaries, limitsFromEnvironment(cliIo().env), fitted);
}

/**
 * --fit-years FROM-TO as written: its calendar years, or undefined when it is not two years in
 * order. Spaces around the hyphen, or a dash a word processor writes (2019 – 2023), are read as it
 * (found by an officer's trial, pasted from a report).
 */
export function fitYearsRange(text: string): { first: number; last: number } | undefined {
  const years = twoYears(text);
  return years && years.first <= years.last ? years : undefined;
}

/** FROM-TO's two years, in the order written. */
export function twoYears(text: string): { first: number; last: number } | undefined {
  const match = /^(\d{4})\s*[-\u2013]\s*(\d{4})$/.exec(text.trim());
  return match ? { first: Number(match[1]), last: Number(match[2]) } : undefined;
}
