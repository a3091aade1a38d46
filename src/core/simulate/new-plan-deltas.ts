import type { Adjustments } from '../adjustments.js';
import { toDouble } from '../demand/count.js';
import type { DemandInputs } from '../demand/inputs.js';
import type { DemandPlan } from '../demand/plan.js';
import { ONE } from '../decimal.js';
import type { Model, NewPlanRow } from '../model.js';
import type { AcademicYear } from '../period.js';
import { uncertainFigure, type UncertainFigure } from './draw-rate.js';
import { joinerEntries } from './joiner-entries.js';
import type { NewPlanLeverRanges } from './new-plan-lever-ranges.js';
import type { Uniform } from './stream.js';

/** Where one uncertain new-plans row adds plans: a cell, and per projected year what one unit of its figure adds. */
interface RowReach {
  readonly figure: UncertainFigure;
  readonly cell: number;
  /** By year index: plans per unit of the figure (the growth factor, 1, or the population), 0 where the row does not apply. */
  readonly perUnit: Float64Array;
}

/**
 * A draw's expected new plans: each year's joiners (YearPlan.joiners) with every uncertain
 * new-plans row's drawn figure in place of its own, by the rules of src/core/new-plans.ts (a
 * count without academic_year grows by newPlansGrowth, a rate is per head of the year's
 * population, a row for one year replaces the every-year rows of its cell that year). A scenario's
 * new-plan lever splits a cell's plans into shares; each share takes its part of the change.
 */
export class NewPlanDeltas {
  private readonly rows: RowReach[];
  /** Each joiner entry's cell and share, by year index. */
  private readonly entryCell: Int32Array[];
  private readonly entryShare: Float64Array[];
  private readonly delta: Float64Array;

  constructor(
    model: Model,
    plan: DemandPlan,
    inputs: DemandInputs,
    adjustments: Adjustments,
    /** A scenario's new-plans levers with a range: each entry's share is then drawn too. */
    private readonly leverRanges?: NewPlanLeverRanges,
  ) {
    const years = plan.years.map((y) => y.academicYear);
    const cellIndex = new Map(inputs.newPlans.cells.map((cell, i) => [cellKey(cell), i]));
    this.rows = reaches(model, years, cellIndex);
    const entries = joinerEntries(inputs, years, adjustments);
    this.entryCell = entries.map((entry) => entry.cell);
    this.entryShare = entries.map((entry) => entry.share);
    this.delta = new Float64Array(inputs.newPlans.cells.length);
  }

  /** Fills `joining` (by year index, in joiner order) with this draw's expected new plans; false when they are the plan's, every draw. */
  draw(u: Uniform, plan: DemandPlan, joining: Float64Array[]): boolean {
    if (this.rows.length === 0 && !this.leverRanges) return false;
    const drawn = this.rows.map((row) => row.figure.draw(u) - row.figure.value);
    plan.years.forEach((year, y) => {
      this.delta.fill(0);
      this.rows.forEach((row, r) => {
        this.delta[row.cell]! += drawn[r]! * row.perUnit[y]!;
      });
      const out = joining[y]!;
      if (this.leverRanges) return this.leverRanges.joining(y, this.delta, out);
      const cells = this.entryCell[y]!;
      const shares = this.entryShare[y]!;
      for (let j = 0; j < out.length; j += 1)
        out[j] = Math.max(0, year.joiners.counts[j]! + this.delta[cells[j]!]! * shares[j]!);
    });
    return true;
  }
}

const cellKey = (cell: Pick<NewPlanRow, 'ncy' | 'setting' | 'band' | 'need'>): string =>
  `${cell.ncy}\u0000${cell.setting}\u0000${cell.band}\u0000${cell.need}`;

function reaches(
  model: Model,
  years: readonly AcademicYear[],
  cellIndex: ReadonlyMap<string, number>,
): RowReach[] {
  const fixedCells = new Set(
    model.newPlans
      .filter((row) => row.academicYear !== undefined)
      .map((row) => `${row.academicYear}\u0000${cellKey(row)}`),
  );
  const people = new Map(
    (model.population ?? []).map((p) => [
      `${p.academicYear}\u0000${p.ncy}`,
      toDouble(p.population),
    ]),
  );
  // The growth factor of each year, compounded in Decimal as src/core/new-plans.ts does.
  const grown: number[] = [];
  let factor = ONE;
  for (const _ of years) {
    grown.push(toDouble(factor));
    factor = factor.times(ONE.plus(model.assumptions.newPlansGrowth));
  }
  return model.newPlans.flatMap((row) => {
    if (!row.uncertainty) return [];
    const figure = uncertainFigure(row.count ?? row.rate!, row.uncertainty);
    const perUnit = Float64Array.from(years, (ay, y) => {
      const fixed = row.academicYear !== undefined;
      if (fixed ? row.academicYear !== ay : fixedCells.has(`${ay}\u0000${cellKey(row)}`)) return 0;
      if (row.rate !== undefined) return people.get(`${ay}\u0000${row.ncy}`) ?? 0;
      return fixed ? 1 : grown[y]!;
    });
    return [{ figure, cell: cellIndex.get(cellKey(row))!, perUnit }];
  });
}
