import type { Model } from '../model.js';
import type { DemandInputs } from './inputs.js';
import type { PlanParts } from './plan.js';
import type { RuleBook } from './rule-book.js';

/** A value that depends on a model's inputs and rules, its capacity and the order of its tariff's settings. */
export interface Keyed<T> {
  readonly book: RuleBook;
  readonly capacity: Model['capacity'];
  readonly overflowSetting: string | undefined;
  readonly settings: string;
  readonly value: T;
}

/**
 * The value kept for a model's inputs (by identity: cohort, new plans, population, base year,
 * horizon and growth) whose rules, capacity, overflow setting and tariff settings' order are also
 * the same; made and kept if there is none. Everything a plan's lanes, rates and vectors depend on.
 */
export function keyed<T>(
  store: WeakMap<DemandInputs, Keyed<T>[]>,
  model: Model,
  parts: PlanParts,
  make: () => T,
): T {
  const entries = store.get(parts.inputs) ?? [];
  const settings = model.tariff.settings.map((s) => s.id).join('\u0000');
  const hit = entries.find(
    (e) =>
      e.book === parts.book &&
      e.capacity === model.capacity &&
      e.overflowSetting === model.overflowSetting &&
      e.settings === settings,
  );
  if (hit) return hit.value;
  const value = make();
  store.set(parts.inputs, [
    ...entries,
    {
      book: parts.book,
      capacity: model.capacity,
      overflowSetting: model.overflowSetting,
      settings,
      value,
    },
  ]);
  return value;
}
