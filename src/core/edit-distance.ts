/** Levenshtein distance between two short texts, or more than `limit` once it is certain to be. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How many letters a typed name may be from a name it is a slip for: two, and fewer for a short
 * one (a letter in four), so that `s4` is not offered `s1`, `s2` and `s3` (found by a review).
 */
export const nearReach = (typed: string): number => Math.min(2, Math.floor(typed.length / 4));

/** The names of `known` that `typed` is likely a slip for: within nearReach. */
export function nearNames(known: readonly string[], typed: string): string[] {
  const reach = nearReach(typed);
  if (reach === 0) return [];
  return known.filter((name) => name !== typed && editDistance(name, typed, reach) <= reach);
}
