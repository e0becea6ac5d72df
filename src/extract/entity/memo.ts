/**
 * A pure string lookup remembered per input: names and words repeat within and across
 * articles. The table is cleared when it reaches `limit` entries, so memory stays
 * bounded; answers never depend on what was remembered, so output is the same in any
 * thread and any article order.
 */
export function memoized<T>(lookup: (key: string) => T, limit: number): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    if (seen.has(key)) return seen.get(key)!;
    const value = lookup(key);
    if (seen.size >= limit) seen.clear();
    seen.set(key, value);
    return value;
  };
}
