import type { Decimal } from 'decimal.js';
import type { Model } from '../model.js';
import type { Lever, Scenario } from '../scenario/types.js';
import type { RangeUncertainty, Uncertainty } from '../uncertainty.js';

/** One rate file's rows that say how sure they are, by how: drawn in every draw. */
export interface DrawnRows {
  readonly file: 'ceasing.csv' | 'transitions.csv' | 'new-plans.csv';
  /** Rows with `observed` and `exposure`: drawn from a Beta. */
  readonly observed: number;
  /** Rows with `low` and `high`: drawn from a triangular or uniform distribution. */
  readonly ranged: number;
}

/** A scenario's lever whose share (a places lever: its places) is drawn from its range. */
export interface DrawnLever {
  readonly id: string;
  readonly kind: Lever['kind'];
  readonly figure: 'share' | 'places';
  /** The lever's own figure, which project uses and a triangular range takes as its mode. */
  readonly value: Decimal;
  readonly range: RangeUncertainty;
}

/**
 * What a simulation draws beside the pupils and new plans (docs/simulate.md, "Where the
 * uncertainty comes from"): the rate rows and the scenario's levers that give their uncertainty.
 * Without any, the ranges are pupil-by-pupil chance alone, which a reader must be told: an
 * analyst's trial found simulate silent on which rates and levers were drawn.
 */
export interface DrawnInputs {
  /** Only the files with such rows, in the order above. */
  readonly rows: readonly DrawnRows[];
  /** In the scenario's lever order (its base chain's first). */
  readonly levers: readonly DrawnLever[];
}

export function drawnInputs(model: Model, scenario?: Scenario): DrawnInputs {
  const files = [
    ['ceasing.csv', model.ceasing],
    ['transitions.csv', model.transitions],
    ['new-plans.csv', model.newPlans],
  ] as const;
  const count = (rows: readonly { uncertainty?: Uncertainty }[], kind: Uncertainty['kind']) =>
    rows.filter((row) => row.uncertainty?.kind === kind).length;
  return {
    rows: files
      .map(([file, rows]) => ({
        file,
        observed: count(rows, 'posterior'),
        ranged: count(rows, 'range'),
      }))
      .filter((rows) => rows.observed + rows.ranged > 0),
    levers: (scenario?.levers ?? []).flatMap((lever): DrawnLever[] => {
      if (lever.kind === 'funding' || !lever.range) return [];
      const value = lever.kind === 'places' ? lever.places : lever.share;
      // A tariff lever that switches tables has no share, and a range on it is refused on reading.
      if (!value) return [];
      const figure = lever.kind === 'places' ? 'places' : 'share';
      return [{ id: lever.id, kind: lever.kind, figure, value, range: lever.range }];
    }),
  };
}
