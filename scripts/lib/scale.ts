/** Predicting a run's cost at a size not measured, from runs that were. */

export interface ScalePoint {
  n: number;
  ms: number;
  rssKB: number;
}

export interface ScaleGuess {
  ms: number;
  rssKB: number;
  /** Time ∝ n^exponent (never below 1: a pipeline does not get cheaper per article). */
  exponent: number;
}

/**
 * Time: a power law through the two largest points (linear from a single point).
 * Memory: linear through the two largest points (proportional from a single one).
 */
export function extrapolate(points: readonly ScalePoint[], n: number): ScaleGuess {
  if (points.length === 0) throw new Error('no measured point to extrapolate from');
  const sorted = [...points].sort((a, b) => a.n - b.n);
  const last = sorted[sorted.length - 1]!;
  const prev = sorted.length > 1 ? sorted[sorted.length - 2]! : null;
  if (!prev || prev.n === last.n) return { ms: (last.ms * n) / last.n, rssKB: (last.rssKB * n) / last.n, exponent: 1 };
  const exponent = Math.max(1, Math.log(last.ms / prev.ms) / Math.log(last.n / prev.n));
  const rssSlope = Math.max(0, (last.rssKB - prev.rssKB) / (last.n - prev.n));
  return { ms: last.ms * (n / last.n) ** exponent, rssKB: last.rssKB + rssSlope * (n - last.n), exponent };
}

/** The sizes to try, smallest first: a pilot, 100k, then the target (duplicates and sizes above it dropped). */
export function largeSizes(target: number, pilot = 20_000): number[] {
  return [...new Set([Math.min(pilot, target), 100_000, target])].filter((n) => n <= target).sort((a, b) => a - b);
}
