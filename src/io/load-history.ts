import * as path from 'node:path';
import type { Decimal } from 'decimal.js';
import type { CostRow } from '../core/calibrate/calibrated-model.js';
import { type History, type HistoryStep, stepsBetween } from '../core/calibrate/history.js';
import { historyGap, missingPopulation } from '../core/calibrate/history-checks.js';
import { yearsOutOfLine } from '../core/calibrate/year-out-of-line.js';
import { parseDecimal } from '../core/decimal.js';
import { InputError, UsageError } from '../core/errors.js';
import type { Need } from '../core/need.js';
import type { IssueCode } from '../core/codes.js';
import { error, hasErrors, type Issue, sortIssues } from '../core/issue.js';
import { type ColumnSpec, readCsvTable } from './csv-table.js';
import { displayPath, readInput } from './files.js';
import type { Limits } from './limits.js';
import { rowsReadable } from './input-reader.js';
import {
  COSTS_COLUMNS,
  costsOfSettings,
  needsWithoutCost,
  readCosts,
  settingsWithoutCost,
} from './read-costs.js';
import { CODES_COLUMNS, CodeReader, NO_CODES, readCodes } from './read-history-codes.js';
import {
  historyPopulationColumns,
  isWitanPopulation,
  readHistoryPopulation,
} from './read-history-population.js';
import { readSnapshots, SNAPSHOTS_COLUMNS } from './read-snapshots.js';
import { checkHistoryLayout } from './history-layout.js';
import { readTransitionsHistoryText } from './read-transitions-history.js';
import { foldRepeatedCells } from './fold-repeated-cells.js';
import { packagePathHint } from './package-path.js';

/** Errors said once per way a column writes them: a year written one unreadable way in every row. */
const FOLDED: ReadonlySet<IssueCode> = new Set(['INVALID_YEAR']);

/** The history files calibrate and backtest read (docs/calibration.md, "Inputs"), as paths. */
export interface HistoryFiles {
  readonly transitions?: string;
  readonly snapshots?: string;
  readonly population?: string;
  readonly codes?: string;
  readonly costs?: string;
  /** Text from the CLI; a library caller may give a number. */
  readonly priorWeight?: string | number;
}

export interface LoadedHistory {
  readonly history: History;
  readonly population: ReadonlyMap<string, Decimal>;
  readonly costs: readonly CostRow[];
  /** Every setting of the history, sorted. */
  readonly settings: readonly string[];
  readonly weight: Decimal;
  readonly issues: readonly Issue[];
  /** The input files as given, for the folder's README. */
  readonly sources: readonly string[];
}

/** --prior-weight: pseudo-observations at the parent's rate, a decimal from 0 (default 1). */
/** How the files and the prior weight are named to whoever gave them: the CLI's options, or the library's fields. */
export interface HistoryWords {
  readonly transitions: string;
  readonly snapshots: string;
  readonly population: string;
  readonly priorWeight: string;
}

const CLI_WORDS: HistoryWords = {
  transitions: '--transitions FILE',
  snapshots: '--snapshots FILE',
  population: '--population FILE',
  priorWeight: '--prior-weight',
};

function priorWeight(given: string | number | undefined, words: HistoryWords): Decimal {
  // A library caller's number (priorWeight: 2) is read as its text, as simulate reads a threshold:
  // the message below asks for "a number such as 1", and 1 stopped with "trim is not a function".
  const text = typeof given === 'number' ? String(given) : given;
  const weight =
    text === undefined || typeof text === 'string' ? parseDecimal((text ?? '1').trim()) : undefined;
  if (!weight || weight.isNegative())
    throw new UsageError(
      `${words.priorWeight} must be a number of pseudo-observations from 0, such as 1, not "${text}"`,
    );
  return weight;
}

/**
 * Reads the history, its population, codes and costs, with every problem found; throws InputError
 * on any error, and UsageError when the files asked for do not make a history (neither or both of
 * transitions and snapshots, no population, a prior weight that is not a number from 0).
 */
export function readHistory(
  options: HistoryFiles,
  minimumJanuaries: number,
  limits: Limits,
  /** The calendar years of the steps to be fitted (calibrate's --fit-years); all when not given. */
  fitted?: { readonly first: number; readonly last: number },
  words: HistoryWords = CLI_WORDS,
): LoadedHistory {
  if (Boolean(options.transitions) === Boolean(options.snapshots))
    throw new UsageError(
      `give the history as ${words.transitions} or as ${words.snapshots} (one of them)`,
    );
  if (!options.population)
    throw new UsageError(`${words.population} is required: new plans are fitted per head of it`);
  const weight = priorWeight(options.priorWeight, words);
  const issues: Issue[] = [];
  const text = (file: string) => {
    const display = displayPath(path.resolve(file));
    const read = readInput(path.resolve(file), display, limits.maxFileBytes, 'csv');
    if (read.status === 'missing') {
      issues.push(
        error('FILE_MISSING', `${file} was not found`, { file: display }, packagePathHint(file)),
      );
      return undefined;
    }
    if (read.status === 'refused') {
      issues.push(read.issue);
      return undefined;
    }
    if (read.warning) issues.push(read.warning);
    return { text: read.file.text, display };
  };
  const table = (file: string, spec: ColumnSpec | ((text: string) => ColumnSpec)) => {
    const read = text(file);
    if (!read) return undefined;
    const display = read.display;
    const csv = readCsvTable(
      read.text,
      display,
      typeof spec === 'function' ? spec(read.text) : spec,
      limits,
    );
    issues.push(...csv.issues);
    // A table that cannot be read or lacks a required column is not read row by row: each row
    // would repeat that one problem (as a model folder's tables, src/io/input-reader.ts).
    return rowsReadable(csv.issues) ? { csv, display } : undefined;
  };
  const populationColumns = (text: string) =>
    historyPopulationColumns(text, isWitanPopulation(text));
  const codesTable = options.codes ? table(options.codes, CODES_COLUMNS) : undefined;
  // The history is read through the map: without it every local code would be reported unknown.
  // The other files are still read as tables (there, readable, their columns), not row by row, so
  // that each one's problem is said with the map's (found by a probe: four paths mistyped were
  // said one run at a time, the codes' first).
  if (options.codes && !codesTable) {
    if (options.transitions) text(options.transitions);
    else table(options.snapshots!, SNAPSHOTS_COLUMNS);
    table(options.population, populationColumns);
    if (options.costs) table(options.costs, COSTS_COLUMNS);
    throw new InputError(sortIssues(issues));
  }
  const codes = codesTable
    ? new CodeReader(readCodes(codesTable.csv, issues), codesTable.display)
    : new CodeReader(NO_CODES);
  const historyFile = (options.transitions ?? options.snapshots)!;
  const historyText = text(historyFile);
  if (historyText)
    checkHistoryLayout(
      historyText.text,
      options.transitions ? 'transitions' : 'snapshots',
      historyFile,
    );
  let steps: HistoryStep[] = [];
  /** Snapshots' Januaries as given, to find one missing between others. */
  let januaries: number[] | undefined;
  if (historyText && options.transitions)
    steps = readTransitionsHistoryText(
      historyText.text,
      historyText.display,
      limits,
      codes,
      issues,
    );
  else if (historyText) {
    const csv = readCsvTable(historyText.text, historyText.display, SNAPSHOTS_COLUMNS, limits);
    issues.push(...csv.issues);
    const read = rowsReadable(csv.issues)
      ? readSnapshots(csv, codes, issues, fitted)
      : { steps: [], januaries: [] };
    steps = read.steps;
    januaries = read.januaries;
  }
  let witan = false;
  const populationTable = table(options.population, (text) => {
    witan = isWitanPopulation(text);
    return historyPopulationColumns(text, witan);
  });
  const population = populationTable
    ? readHistoryPopulation(populationTable.csv, witan, issues)
    : new Map<string, Decimal>();
  const costsTable = options.costs ? table(options.costs, COSTS_COLUMNS) : undefined;
  const located = costsTable ? readCosts(costsTable.csv, codes, issues) : [];
  codes.foldUnknownNeeds(issues);
  foldRepeatedCells(issues, FOLDED);
  // A loop, not Math.min(...years): a spread of 300,000 arguments overflows the stack.
  let first = Infinity;
  let last = -Infinity;
  for (const step of steps) {
    first = Math.min(first, step.year);
    last = Math.max(last, step.year + 1);
  }
  if (hasErrors(issues)) {
    // The population the rows read need is said with their errors, not after they are fixed
    // (found by a user trial): a population read whole, for the steps that were read.
    const populationRead =
      populationTable &&
      !issues.some((i) => i.severity === 'error' && i.location?.file === populationTable.display);
    if (populationRead && steps.length > 0)
      missingPopulation({ steps, first, last }, population, populationTable.display, issues);
    throw new InputError(sortIssues(issues));
  }
  if (steps.length === 0 || last - first + 1 < minimumJanuaries) {
    const held = steps.length
      ? `holds ${last - first + 1} Januaries (${first} to ${last})`
      : 'has no year of changes: no two consecutive Januaries';
    const needs =
      minimumJanuaries === 2
        ? 'calibrate needs at least two, to see one year of changes'
        : `backtest needs at least ${minimumJanuaries}, to fit on one year and test on a later one`;
    issues.push(
      error('HISTORY_TOO_SHORT', `the history ${held}; ${needs}`, { file: historyText!.display }),
    );
    throw new InputError(sortIssues(issues));
  }
  historyGap(steps, januaries, first, last, historyText!.display, issues);
  if (hasErrors(issues)) throw new InputError(sortIssues(issues));
  const history: History = { steps, first, last };
  missingPopulation(history, population, populationTable!.display, issues);
  if (hasErrors(issues)) throw new InputError(sortIssues(issues));
  // Only the years fitted are compared: the step of a change of system that --fit-years leaves
  // out (the way round ids that changed) is all plans ended and new, and no fault of the fit.
  yearsOutOfLine(
    fitted ? { ...history, steps: stepsBetween(history, fitted.first, fitted.last) } : history,
    issues,
  );
  // The needs the history's pupils have in each setting: those a cost must price.
  const needsBySetting = new Map<string, Set<Need>>();
  for (const s of steps)
    for (const state of [s.from, s.to])
      if (state)
        needsBySetting.set(
          state.setting,
          (needsBySetting.get(state.setting) ?? new Set<Need>()).add(state.need),
        );
  const sorted = [...needsBySetting.keys()].sort();
  const costs = costsOfSettings(located, sorted, issues, codesTable?.display);
  if (hasErrors(issues)) throw new InputError(sortIssues(issues));
  // Without --costs every setting is £0, as the folder's README says: nothing to warn of.
  if (costsTable)
    issues.push(
      ...settingsWithoutCost(
        located,
        sorted,
        { costs: costsTable.display, codes: codesTable?.display },
        (setting) => codes.settingAt(setting),
      ),
      ...needsWithoutCost(located, needsBySetting, costsTable.display),
    );
  return {
    history,
    population,
    costs,
    settings: sorted,
    weight,
    issues: sortIssues(issues),
    sources: [
      historyFile,
      options.population,
      ...(options.codes ? [options.codes] : []),
      ...(options.costs ? [options.costs] : []),
    ],
  };
}
