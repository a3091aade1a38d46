import type { Decimal } from 'decimal.js';
import type { Issue } from './issue.js';
import type { AcademicYear, FinancialYear } from './period.js';
import type { YearIncome } from './ledger.js';
import type { Reference } from './tariff.js';
import type { WriteOffResult } from './write-off.js';

export interface SettingYear {
  readonly setting: string;
  /** Pupils in the setting in the AY holding the FY's January. */
  readonly pupilsJanuary: Decimal;
  readonly spendTopUp: Decimal;
  /** Place funding the authority pays: settings whose placeFundedBy is "la". */
  readonly spendPlace: Decimal;
  /** Place funding the DfE pays directly and deducts from the HNB ("dfe" settings): for information, not spend. */
  readonly placeDfe: Decimal;
}

/** One spend.csv line in one FY: as given, or grown from its last given year. */
export interface OtherSpendLine {
  readonly line: string;
  readonly s251?: string;
  readonly amount: Decimal;
  readonly basis: 'given' | 'grown';
}

export interface FinancialYearResult {
  readonly financialYear: FinancialYear;
  readonly pupilsJanuary: Decimal;
  readonly spendTopUp: Decimal;
  readonly spendPlace: Decimal;
  /** spend.csv's lines: the high-needs spend besides top-ups and places. */
  readonly spendOther: Decimal;
  readonly otherSpend: readonly OtherSpendLine[];
  /** top-ups + places + other. */
  readonly spendTotal: Decimal;
  /** Place funding of "dfe" settings (for information: the computed deductions are made of it). */
  readonly placeDfe: Decimal;
  readonly income: YearIncome;
  readonly inYearBalance: Decimal;
  readonly cumulativeBalance: Decimal;
  /** What carrying the deficit costs the general fund this FY: outside the DSG balance. */
  readonly generalFundFinancing: Decimal;
  readonly settings: readonly SettingYear[];
}

/** One setting's pupils over one AY step: opening + newPlans + movedIn + overflowIn − ceased − movedOut − overflowOut − agedOut = closing. */
export interface SettingFlows {
  readonly opening: Decimal;
  readonly newPlans: Decimal;
  readonly ceased: Decimal;
  /** Transitions and a scenario's moves, into and out of the setting (a change of band within it counts both ways). */
  readonly movedIn: Decimal;
  readonly movedOut: Decimal;
  /** Pupils above a setting's capacity, sent to its overflow setting. */
  readonly overflowIn: Decimal;
  readonly overflowOut: Decimal;
  readonly agedOut: Decimal;
  readonly closing: Decimal;
}

/** Pupil flows over one AY step, in total and by setting; opening + newPlans − ceased − agedOut = closing. */
export interface Flows {
  readonly opening: Decimal;
  readonly newPlans: Decimal;
  readonly ceased: Decimal;
  readonly agedOut: Decimal;
  /** Pupils who changed lane by a transition or a scenario's move. */
  readonly moved: Decimal;
  /** Pupils sent to an overflow setting. */
  readonly overflowed: Decimal;
  readonly closing: Decimal;
  readonly bySetting: ReadonlyMap<string, SettingFlows>;
}

export interface AcademicYearResult {
  readonly academicYear: AcademicYear;
  readonly pupils: Decimal;
  /** Flows into this AY from the one before; absent for the base year. */
  readonly flows?: Flows;
  readonly pupilsBySetting: ReadonlyMap<string, Decimal>;
  /** Commissioned places charged for each place-funded setting. */
  readonly placesBySetting: ReadonlyMap<string, Decimal>;
}

/** The whole projection as plain, unrounded data. Renderers round at output. */
export interface Projection {
  readonly area: { readonly code: string; readonly name: string };
  readonly baseYear: AcademicYear;
  readonly firstYear: FinancialYear;
  readonly horizon: FinancialYear;
  readonly openingBalance: Decimal;
  readonly tariff: {
    readonly id: string;
    readonly title: string;
    readonly references: readonly Reference[];
    /** Where the tariff was read from, when it came from a file. */
    readonly source?: string;
    /** The distinct effectiveFrom dates of the tariff rows actually charged, in order. */
    readonly effectiveDatesUsed: readonly string[];
  };
  readonly years: readonly FinancialYearResult[];
  readonly academicYears: readonly AcademicYearResult[];
  /** The 2026 write-off as applied, when the model has one paid inside the projection. */
  readonly writeOff?: WriteOffResult;
  /** The last FY of the statutory override, when the model says (Model.overrideEnd). */
  readonly overrideEnd?: FinancialYear;
  /** The general-fund financing rate, when the model gives one. */
  readonly financingRate?: Decimal;
}

export interface ProjectionOutcome {
  /** Present when no error stopped the projection. */
  readonly projection?: Projection;
  readonly issues: readonly Issue[];
}
