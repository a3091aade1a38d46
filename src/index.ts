/** The library API: the same numbers as the CLI, as plain unrounded data. */
export { loadModel, type LoadedModel, type LoadOptions, type InputDigest } from './io/read-model.js';
export { project } from './core/project.js';
export type { Projection, ProjectionOutcome, FinancialYearResult, AcademicYearResult, SettingYear } from './core/projection.js';
export type { Model, Cell, NewPlanRow, CeasingRow, TransitionRow, PlacesRow, FundingRow, FundingLine, Assumptions } from './core/model.js';
export type { Tariff, TariffRate, TariffSetting, Uplift, Reference } from './core/tariff.js';
export type { Issue, Location, Severity } from './core/issue.js';
export type { IssueCode } from './core/codes.js';
export { ISSUE_CODES } from './core/codes.js';
export { toPence, toCount2dp } from './core/rounding.js';
export { loadNff, type LoadedNff } from './io/load-nff.js';
export { calculateNff, type NffOptions, type NffOutcome } from './core/nff/calculate.js';
export type { NffParameters, ParameterValue, ProxyFactorParameter, RolledInGrant } from './core/nff/parameters.js';
export type { AreaFactors } from './core/nff/factors.js';
export type { NffResult, FormulaArea, RolloverArea, SolvedCap } from './core/nff/result.js';
export type { WriteOff, WriteOffResult } from './core/write-off.js';
