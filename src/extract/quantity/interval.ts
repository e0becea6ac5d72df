/**
 * Agreement between numeric intervals: inclusive bounds, null = unbounded.
 * Two values agree when their intervals share a point ("more than two hours" =
 * [120, ∞) agrees with 155 minutes; "10 to 15 minutes" does not agree with 135).
 * Different units never agree: convert first (durations are already in minutes or days).
 */
import type { Interval } from '../../types.ts';

const lower = (i: Interval): number => i.min ?? -Infinity;
const upper = (i: Interval): number => i.max ?? Infinity;

/** Relative tolerance for float noise (0.1 + 0.2), not for rounding in the text. */
const EPSILON = 1e-9;

function le(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a <= b;
  return a <= b + EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

export function intervalsOverlap(a: Interval, b: Interval): boolean {
  if (a.unit !== b.unit) return false;
  return le(lower(a), upper(b)) && le(lower(b), upper(a));
}

/** `outer` contains all of `inner`. */
export function intervalContains(outer: Interval, inner: Interval): boolean {
  if (outer.unit !== inner.unit) return false;
  return le(lower(outer), lower(inner)) && le(upper(inner), upper(outer));
}

/** Same bounds and unit (up to float noise): used by the evaluation scorer. */
export function intervalsEqual(a: Interval, b: Interval): boolean {
  if (a.unit !== b.unit) return false;
  const same = (x: number | null, y: number | null): boolean => (x === null || y === null ? x === y : le(x, y) && le(y, x));
  return same(a.min, b.min) && same(a.max, b.max);
}
