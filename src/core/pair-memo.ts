/**
 * A value memoised by a pair of objects and held weakly by both: for caches keyed by the
 * identity of model parts that are never changed (a cohort and its rules, a tariff and a lever),
 * so that a rerun (a scenario, goal-seek, the next area) finds what the last one made.
 */
export class PairMemo<A extends object, B extends object, V> {
  private readonly byFirst = new WeakMap<A, WeakMap<B, V>>();

  get(first: A, second: B, make: () => V): V {
    let bySecond = this.byFirst.get(first);
    if (!bySecond) {
      bySecond = new WeakMap();
      this.byFirst.set(first, bySecond);
    }
    let value = bySecond.get(second);
    if (value === undefined) {
      value = make();
      bySecond.set(second, value);
    }
    return value;
  }
}
