/**
 * A pure string lookup remembered per input: names and words repeat within and across
 * articles. The table is cleared when it reaches `limit` entries, so memory stays
 * bounded; answers never depend on what was remembered, so output is the same in any
 * thread and any article order. Here, not in src/text, because the analysis folders
 * may import nothing outside them (the cache's code hash covers exactly those); the
 * reconciliation's look-ups use it too.
 */
export function memoized<T>(lookup: (key: string) => T, limit: number): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    const known = seen.get(key);
    if (known !== undefined || seen.has(key)) return known as T; // one look-up for a defined answer (hot paths)
    const value = lookup(key);
    if (seen.size >= limit) seen.clear();
    seen.set(key, value);
    return value;
  };
}
