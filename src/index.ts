/** The library API: the same numbers as the CLI, as plain unrounded data. */
export {
  loadModel,
  type LoadedModel,
  type LoadOptions,
  type InputDigest,
} from './io/model-folder.js';
export { project } from './core/project.js';
export { ProjectionCache } from './core/demand/cache.js';
export type {
  Projection,
  ProjectionOutcome,
  FinancialYearResult,
  AcademicYearResult,
  SettingYear,
} from './core/projection.js';
export type {
  Model,
  Cell,
  NewPlanRow,
  CeasingRow,
  TransitionRow,
  PlacesRow,
  PopulationRow,
  CapacityRow,
  FundingRow,
  FundingLine,
  Assumptions,
} from './core/model.js';
export type { Tariff, TariffRate, TariffSetting, Uplift, Reference } from './core/tariff.js';
export type { Issue, Location, Severity } from './core/issue.js';
export type { IssueCode } from './core/codes.js';
export { ISSUE_CODES } from './core/codes.js';
/** What runBatch rejects with for problems in the input: `issues` has every located problem. */
export { InputError } from './core/errors.js';
/** What loadHistory throws for files that cannot make a history, and calibrate for fitYears outside it (the CLI's exit 2). */
export { UsageError } from './core/errors.js';
export { toPence, toCount2dp } from './core/rounding.js';
/** A projection's years are numbers (2026 is FY 2026-27); these give the "2026-27" and "2025/26" labels that the CLI and runBatch print. */
export {
  formatFinancialYear,
  formatAcademicYear,
  parseFinancialYear,
  parseAcademicYear,
  type FinancialYear,
  type AcademicYear,
} from './core/period.js';
export { loadNff, type LoadedNff } from './io/load-nff.js';
/** The input limits loadNff takes (the CLI's from HIGHNEEDS_MAX_* in the environment). */
export { DEFAULT_LIMITS, type Limits } from './io/limits.js';
export { calculateNff, type NffOptions, type NffOutcome } from './core/nff/calculate.js';
export type {
  NffParameters,
  ParameterValue,
  ProxyFactorParameter,
  RolledInGrant,
} from './core/nff/parameters.js';
export type { AreaFactors } from './core/nff/factors.js';
export type { NffResult, FormulaArea, RolloverArea, SolvedCap } from './core/nff/result.js';
export type { WriteOff, WriteOffResult } from './core/write-off.js';
export { projectModel, type ProjectModelOptions, type ProjectedModel } from './io/project-model.js';
export { openNationalArea, type OpenedArea } from './io/national-area.js';
export { projectScenario } from './core/scenario/apply.js';
/** A model folder's scenarios.json read, for simulate, explainRun, projectScenario and breakdownScenario (which take a Scenario, not its id). */
export {
  loadModelScenarios as loadScenarios,
  type ScenariosOptions,
} from './io/library-scenarios.js';
export type { LoadedScenarios } from './io/scenarios-file.js';
export type { Scenario, Lever } from './core/scenario/types.js';
export { simulate, type SimulateOptions, type Simulation } from './core/simulate/simulate.js';
export {
  MEASURES,
  QUANTILES,
  type IntervalRow,
  type Measure,
  type QuantileColumn,
  type ThresholdRow,
} from './core/simulate/intervals.js';
export type { Uncertainty } from './core/uncertainty.js';
export { INTERVAL_COLUMNS, renderIntervalsCsv } from './report/intervals.js';
export {
  runBatch,
  type BatchOptions,
  type BatchResult,
  type BatchRow,
  type AreaResult,
} from './io/batch/run.js';
export { printBatch, type PrintedRow } from './report/batch-print.js';
export type { NationalYear } from './core/batch/national.js';
export { SUMMARY_COLUMNS, summaryRows, type Row } from './report/rows.js';
export { renderCsv } from './report/csv.js';
export {
  BATCH_SUMMARY_COLUMNS,
  NATIONAL_COLUMNS,
  renderBatchSummary,
  renderNational,
  renderPrintedSummary,
} from './report/batch-csv.js';
/** `highneeds explain` as data: a projection with its cost terms, and any figure of it as the tree of its parts (docs/explain.md). */
export { explainRun, type ExplainRun } from './core/explain/run.js';
export { explainFigure, type Explanation, type ExplainRequest } from './core/explain/explain.js';
export type { ExplainFigureRequest } from './core/explain/explain-arguments.js';
export type { ExplainNode, InputValue } from './core/explain/node.js';
export { FIGURE_NAMES, type FigureName } from './core/explain/figures.js';
export {
  breakdown,
  breakdownScenario,
  type BreakdownYear,
  type CategoryYear,
} from './core/breakdown/breakdown.js';
export { AGE_GROUPS, ageGroupOf, type AgeGroup } from './core/breakdown/age-group.js';
/** `highneeds calibrate` and `backtest` as functions (docs/calibration.md): read a history, fit a model to it, backtest the method. */
export { loadHistory } from './io/open-history.js';
export type { HistoryFiles, LoadedHistory } from './io/load-history.js';
export { calibrate, type CalibrateOptions, type Calibration } from './io/calibrate-history.js';
export { backtest, type Backtest } from './io/backtest-history.js';
export type { BacktestRow } from './core/calibrate/backtest.js';
export type { HorizonSummary } from './core/calibrate/backtest-summary.js';
export type {
  Fit,
  FittedRate,
  FittedCeasing,
  FittedTransition,
  FittedNewPlan,
  Level,
} from './core/calibrate/fitted.js';
export type { FitTotal } from './core/calibrate/fit-totals.js';
export type { History, HistoryStep, HistoryState } from './core/calibrate/history.js';
export type { CostRow } from './core/calibrate/calibrated-model.js';
export {
  backtestCsv as renderBacktestCsv,
  summaryCsv as renderBacktestSummaryCsv,
} from './report/backtest.js';
