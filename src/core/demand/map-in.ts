/** The map `outer` holds under `key`, made (empty) if there is none: one level of a look-up by several keys. */
export function mapIn<K, V extends Map<unknown, unknown>>(outer: Map<K, V>, key: K): V {
  let map = outer.get(key);
  if (!map) {
    map = new Map() as V;
    outer.set(key, map);
  }
  return map;
}
