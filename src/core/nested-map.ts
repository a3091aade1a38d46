/**
 * Maps keyed by two strings, nested rather than keyed by one string built from both: on a hot
 * path (every distinct cohort row, every new plan, every series of a year's cost) building a key
 * string costs more than the two lookups.
 */
export class NestedMap<V> {
  private readonly outer = new Map<string, Map<string, Map<string, V>>>();

  /** The map of values under (a, b), keyed by a third string; made empty the first time. */
  under(a: string, b: string): Map<string, V> {
    let byB = this.outer.get(a);
    if (!byB) {
      byB = new Map();
      this.outer.set(a, byB);
    }
    let values = byB.get(b);
    if (!values) {
      values = new Map();
      byB.set(b, values);
    }
    return values;
  }
}
