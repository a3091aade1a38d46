import type { Decimal } from 'decimal.js';
import type { Cell, Model } from './model.js';
import type { AcademicYear } from './period.js';

/** Where a cell is: what a scenario's filters read. */
export type CellPlace = Pick<Cell, 'ncy' | 'need' | 'setting' | 'band'>;

/** A place without its NCY: what a lane of the projection shares across its NCYs. */
export type LanePlace = Omit<CellPlace, 'ncy'>;

/** NCYs `from` to `to`, both included. */
export interface NcyRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Changes a scenario makes inside a projection, where a change to the model's data alone
 * cannot express them (src/core/scenario/levers.ts builds these). All optional: a projection
 * without adjustments is the model as given.
 */
export interface Adjustments {
  /** A multiplier on ceasing rates, by group of cells and year. */
  readonly ceasing?: CeasingChange;
  /**
   * Where the new plans of one cell go in AY `ay`: shares of its plans, each to a setting and band
   * (the shares need not add up to 1: a lever can make more or fewer plans); undefined, as given.
   */
  readonly newPlans?: (ay: AcademicYear, cell: CellPlace) => readonly NewPlanShare[] | undefined;
  /**
   * Optional: false for a cell whose plans `newPlans` leaves as given in every AY, so that a
   * projection asks once per cell rather than once per cell and AY. Must agree with it.
   */
  readonly newPlansReach?: (cell: CellPlace) => boolean;
  /** Moves of existing pupils in AY `ay`, after its new plans join, applied in order; none, or an empty list, moves nobody. */
  readonly moves?: (ay: AcademicYear) => readonly PlacementMove[];
  /** Commissioned places added to (or, negative, removed from) a place-funded setting in AY `ay`. */
  readonly extraPlaces?: (ay: AcademicYear, setting: string) => Decimal | undefined;
  /**
   * The model as it was before the scenario (src/core/scenario/apply.ts). funding.csv's
   * hnb_deductions are the DfE's for the area as it is: the "dfe" places they were stated for are
   * this model's, so that the places a scenario's moved pupils fill are added to them
   * (src/core/dfe-places.ts). Absent: the projection's own, less its places levers.
   */
  readonly before?: Model;
}

/**
 * A scenario's change to ceasing rates, in two parts so that a projection asks about each state
 * once, not once a year: which group a cell is in (0: no change), and each group's multiplier on
 * the rate at the end of AY `ay` (the product is kept within 0–1).
 */
export interface CeasingChange {
  /** May read `cell` only during the call: the projection reuses one object for every state. */
  readonly groupOf: (cell: CellPlace) => number;
  /**
   * Optional: the same groups a place at a time, as the runs of NCYs in a group other than 0, so
   * that a projection asks once per lane rather than once per state. Must agree with groupOf.
   */
  readonly groupsAt?: (place: LanePlace) => readonly (NcyRange & { readonly group: number })[];
  readonly factor: (group: number, ay: AcademicYear) => Decimal;
}

/** A share of one cell's new plans, joining in a setting and band (an expected count, so a double). */
export interface NewPlanShare {
  readonly setting: string;
  readonly band: string;
  readonly share: number;
  /**
   * How the levers made the share, in lever order: it is 1 times, for each step, 1 + f (a
   * new-plans lever scaled it), 1 − f (a shift-new-plans lever left it) or f (one sent it here),
   * with f the lever's share × profile in the year. A simulation redraws f (lever ranges). Scenario
   * levers always say (src/core/scenario/levers.ts); adjustments made in code may leave it out.
   */
  readonly steps?: readonly NewPlanStep[];
}

/** One lever's part in a new-plan share: its index among the scenario's levers, and what it did. */
export interface NewPlanStep {
  readonly lever: number;
  readonly role: 'scaled' | 'stayed' | 'shifted';
}

/**
 * A share of the pupils who match moving to another placement. A pupil moved to another setting is
 * priced by the tariff of the new placement: any bespoke cost stays behind, shrinking with the
 * pupils who stay; one moved to another band of the same setting keeps their fee.
 */
export interface PlacementMove {
  /** Whether a cell's pupils are among those who move. Given one object for every state: it must not keep it. */
  readonly matches: (cell: CellPlace) => boolean;
  /**
   * Optional: the NCYs at which `matches` holds for a place, when they are one range (undefined:
   * none), so that a projection asks once per lane rather than once per state. Must agree with it.
   */
  readonly ncysAt?: (place: LanePlace) => NcyRange | undefined;
  /** The share of the matching pupils who move, 0–1. */
  readonly fraction: Decimal;
  readonly toSetting: string;
  /** Absent: pupils keep their band. */
  readonly toBand?: string;
  /** The lever it comes from, as an index into the scenario's levers (simulate redraws a ranged one's fraction). */
  readonly lever?: number;
}
