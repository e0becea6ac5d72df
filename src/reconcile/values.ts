/**
 * Value algebra for reconciliation: dates, instants, intervals and strings compared
 * the way a reviewer would ("an hour and a half" = "90 minutes", "more than two
 * hours" fits 155 minutes, 10:00 ET = 14:00Z). Pure helpers, no state.
 */
import type { ClaimValue, EventType, QuantityValue, TimeValue } from '../types.ts';
import { canonicalName } from '../extract/entity/aliases.ts';
import { CITIES, COUNTRIES, REGIONS } from '../extract/entity/gazetteer.ts';
import { memoized } from '../extract/entity/memo.ts';

// ─── Event types ────────────────────────────────────────────────────────────

/** Types that can describe the same real-world event ("met" / "summit" / "talks"). */
const FAMILY: Record<EventType, string> = {
  phone_call: 'call',
  meeting: 'meeting',
  talks: 'meeting',
  summit: 'meeting',
  agreement: 'agreement',
  ceasefire: 'agreement',
  statement: 'statement',
  attack: 'harm',
  death: 'harm',
  disaster: 'harm',
  arrest: 'arrest',
  election: 'election',
  prisoner_exchange: 'prisoner_exchange',
  other: 'other',
};

export function typeFamily(type: EventType): string {
  return FAMILY[type] ?? 'other';
}

// ─── Dates (YYYY, YYYY-MM, YYYY-MM-DD) ──────────────────────────────────────

/** The calendar date of a time value in its text's own frame, or null. */
export function dateOf(time: TimeValue | null | undefined): string | null {
  if (!time) return null;
  if (time.date) return time.date;
  return time.utc ? time.utc.slice(0, 10) : null;
}

export function yearOf(date: string | null): string | null {
  return date && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
}

/** 1 for YYYY, 2 for YYYY-MM, 3 for YYYY-MM-DD. */
export function dateLevel(date: string): number {
  // The count of dashes plus one, as `date.split('-').length`, without building the parts.
  let level = 1;
  for (let i = date.indexOf('-'); i !== -1; i = date.indexOf('-', i + 1)) level++;
  return level;
}

export const LEVEL_NAME = ['', 'year', 'month', 'day'] as const;

/** One date refines the other ("2025-03" and "2025-03-18"), or they are equal. */
/**
 * Two event records may be the same event: same type family, and dates compatible
 * (an unknown date only matches another unknown date).
 */
export function sameKindAndDate(a: { type: EventType; date: string | null }, b: { type: EventType; date: string | null }): boolean {
  if (typeFamily(a.type) !== typeFamily(b.type)) return false;
  if (a.date === null || b.date === null) return a.date === b.date;
  return datesCompatible(a.date, b.date);
}

export function datesCompatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Whole days between two YYYY-MM-DD dates (absolute), or null if either is coarser. */
export function dayDistance(a: string, b: string): number | null {
  if (dateLevel(a) !== 3 || dateLevel(b) !== 3) return null;
  return Math.abs(dayNumber(a) - dayNumber(b));
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, at midnight UTC (a whole number; NaN when it does not parse). */
export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00Z`) / 86_400_000;
}

/**
 * Dates that cannot be the same event's date: different years, or different days
 * (or months) within a year. Adjacent days are tolerated when `adjacentOk`, since a
 * late-evening event in one zone is the next morning in another.
 */
export function datesContradict(a: string, b: string, adjacentOk = false): boolean {
  if (datesCompatible(a, b)) return false;
  const d = dayDistance(a, b);
  if (d !== null && d <= 1 && adjacentOk) return false;
  return true;
}

/** Does `date` fall within ±`days` of `around` (both YYYY-MM-DD)? */
export function withinDays(date: string, around: string, days: number): boolean {
  const d = dayDistance(date, around.slice(0, 10));
  return d !== null && d <= days;
}

// ─── Instants ───────────────────────────────────────────────────────────────

export function instantMs(utc: string): number {
  const ms = Date.parse(utc);
  return Number.isNaN(ms) ? Date.parse(utc.replace(/Z$/, ':00Z')) : ms;
}

/** `2025-03-18T14:00Z` → `14:00Z`, for messages. */
export function clockOf(utc: string): string {
  const m = /T(\d{2}:\d{2})/.exec(utc);
  return m ? `${m[1]}Z` : utc;
}

/** The wall-clock time the text itself said (`HH:MM` from the TIMEX3 value), if any. */
export function wallClock(time: TimeValue): string | null {
  const m = /T(\d{2}:\d{2})/.exec(time.timex);
  return m ? m[1]! : null;
}

// ─── Value kinds ────────────────────────────────────────────────────────────

export function isTimeValue(v: unknown): v is TimeValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'timex' in v;
}

export function isQuantity(v: ClaimValue): v is QuantityValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'unit' in v && !('timex' in v);
}

// ─── Intervals ──────────────────────────────────────────────────────────────

interface Bounds {
  lo: number;
  hi: number;
}

/**
 * The interval a quantity really states. "about N" is widened by 10 % (at least one
 * unit) so that "about 90 minutes" and "an hour and a half" agree; open ends are ±∞.
 */
export function boundsOf(q: QuantityValue): Bounds {
  let lo = q.min ?? -Infinity;
  let hi = q.max ?? Infinity;
  if (q.qualifier === 'about') {
    const slack = Math.max(1, Math.abs((q.min ?? q.max ?? 0) * 0.1));
    lo -= slack;
    hi += slack;
  }
  // "more than 2 hours" = (120, ∞): treated as [120, ∞) — news rounds, never a conflict.
  return { lo, hi };
}

export function intervalsOverlap(a: QuantityValue, b: QuantityValue): boolean {
  if (a.unit && b.unit && a.unit !== b.unit) return true; // incomparable units: never an alarm
  const x = boundsOf(a);
  const y = boundsOf(b);
  return Math.max(x.lo, y.lo) <= Math.min(x.hi, y.hi);
}

/** The common part of two overlapping quantities, as stated (no 'about' widening kept). */
export function intersectIntervals(a: QuantityValue, b: QuantityValue): QuantityValue {
  const min = maxNullable(a.min, b.min);
  const max = minNullable(a.max, b.max);
  if (min !== null && max !== null && min > max) {
    // Overlap came only from 'about' slack: keep the more precise one.
    return intervalWidth(a) <= intervalWidth(b) ? a : b;
  }
  const qualifier =
    min !== null && max !== null
      ? min === max
        ? a.qualifier === 'about' && b.qualifier === 'about'
          ? 'about'
          : 'exact'
        : 'range'
      : min !== null
        ? a.min === min && a.max === null
          ? a.qualifier
          : b.qualifier
        : max !== null
          ? a.max === max && a.min === null
            ? a.qualifier
            : b.qualifier
          : 'range';
  const out: QuantityValue = { min, max, unit: a.unit || b.unit, qualifier };
  const what = a.what ?? b.what;
  if (what !== undefined) out.what = what;
  return out;
}

export function intervalWidth(q: QuantityValue): number {
  if (q.min === null || q.max === null) return Infinity;
  return q.max - q.min + (q.qualifier === 'about' ? Math.max(1, q.min * 0.2) : 0);
}

/** A quantity with an open upper end ("at least 20", "more than two hours"). */
export function isLowerBound(q: QuantityValue): boolean {
  return q.min !== null && q.max === null;
}

function maxNullable(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function minNullable(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

// ─── Strings ────────────────────────────────────────────────────────────────

/**
 * Lower-case, diacritics folded, punctuation squeezed: for comparing names and places.
 * Names repeat across a dump (millions of calls on 100k articles): short texts are
 * remembered (memo.ts; the answer never depends on the table). Plain text (ASCII and
 * typographic punctuation, see PLAIN: 98% of real leads) skips the Unicode steps, which
 * change nothing there but the separators: its letters and digits are exactly [a-z0-9]
 * once lower-cased.
 */
export function fold(text: string): string {
  return text.length <= FOLD_MEMO_CHARS ? foldShort(text) : foldText(text);
}

/** Texts up to this long are names, places, attributions: few and repeated. Longer ones (sentences) are not remembered. */
const FOLD_MEMO_CHARS = 80;

function foldText(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * ASCII and the typographic punctuation of news text (no-break space, dashes, curly quotes,
 * ellipsis, guillemets, bullets): none of it is a letter, a digit or a mark, nor decomposes
 * into one, so it ends up in the squeezed separators whichever way it is folded.
 */
export const PLAIN = /^[\x00-\x7f\u00a0\u00ab\u00b7\u00bb\u2010-\u2015\u2018-\u201f\u2022\u2026]*$/;
const foldShort = memoized(foldText, 200_000);

/**
 * How two place names relate, without a place hierarchy:
 * - 'same': equal after aliases and folding, or one name contains the other as whole
 *   words ("Helsinki" / "Helsinki, Finland");
 * - 'different': both are known places of the same level (two cities, two countries):
 *   they cannot be one event's location;
 * - 'unknown': anything else — a country and a city ("Ukraine" / "Kyiv"), a venue and
 *   a city ("the Elysee Palace" / "Paris"), an unlisted name. One may contain the
 *   other, so it is never a contradiction.
 */
export type PlaceRelation = 'same' | 'different' | 'unknown';

export function placeRelation(a: string, b: string): PlaceRelation {
  const x = fold(canonicalName(a));
  const y = fold(canonicalName(b));
  if (x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `)) return 'same';
  const lx = placeLevel(x);
  return lx !== null && lx === placeLevel(y) ? 'different' : 'unknown';
}

/** Could both be the location of one event? Only 'different' places cannot. */
export function placesCompatible(a: string, b: string): boolean {
  return placeRelation(a, b) !== 'different';
}

type PlaceLevel = 'country' | 'city' | 'region';

const PLACE_LEVELS: ReadonlyMap<string, PlaceLevel | null> = (() => {
  const levels = new Map<string, PlaceLevel | null>();
  const add = (names: readonly string[], level: PlaceLevel): void => {
    for (const name of names) {
      const key = fold(canonicalName(name));
      const known = levels.get(key);
      // A name on two lists (Singapore, Luxembourg, Hong Kong) has no single level.
      levels.set(key, known === undefined || known === level ? level : null);
    }
  };
  add(COUNTRIES, 'country');
  add(CITIES, 'city');
  add(REGIONS, 'region');
  return levels;
})();

/** The level of a folded canonical place name from the gazetteer's lists, or null. */
function placeLevel(folded: string): PlaceLevel | null {
  return PLACE_LEVELS.get(folded) ?? null;
}

// ─── Generic comparison of claim values ─────────────────────────────────────

/**
 * Could both values be true of the same event? Instants must be equal; a date-only
 * time is compatible with any instant on a compatible date (that is imprecision,
 * not disagreement); intervals must overlap; strings must match or contain.
 */
export function valuesCompatible(a: ClaimValue, b: ClaimValue): boolean {
  if (isTimeValue(a) && isTimeValue(b)) {
    if (a.utc && b.utc) return instantMs(a.utc) === instantMs(b.utc);
    const da = dateOf(a);
    const db = dateOf(b);
    return da === null || db === null || datesCompatible(da, db) || !datesContradict(da, db, true);
  }
  if (isQuantity(a) && isQuantity(b)) return intervalsOverlap(a, b);
  if (typeof a === 'string' && typeof b === 'string') return placesCompatible(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return true; // participant lists are unioned
  return true; // different kinds are not comparable: never an alarm
}

/** The value both state, the more specific where one refines the other. */
export function intersectValues(a: ClaimValue, b: ClaimValue): ClaimValue {
  if (isQuantity(a) && isQuantity(b)) return intersectIntervals(a, b);
  return specificity(a) <= specificity(b) ? a : b;
}

/** Smaller is more specific: used to pick representatives and canonical values. */
export function specificity(v: ClaimValue): number {
  if (isTimeValue(v)) {
    if (v.utc) return 0;
    const d = dateOf(v);
    return d ? [0, 365, 31, 1][dateLevel(d)] ?? 400 : 1000;
  }
  if (isQuantity(v)) return intervalWidth(v);
  if (typeof v === 'string') return -v.length; // "Helsinki, Finland" is more specific than "Finland"
  return 0;
}

/** A short display form of a value for messages ("14:00Z", "≥120 minute", "2025-03-18"). */
export function displayValue(v: ClaimValue): string {
  if (isTimeValue(v)) return v.utc ?? dateOf(v) ?? v.timex;
  if (isQuantity(v)) {
    const unit = v.unit ? ` ${v.unit}` : '';
    if (v.min !== null && v.max !== null) return v.min === v.max ? `${v.min}${unit}` : `${v.min}–${v.max}${unit}`;
    if (v.min !== null) return `≥${v.min}${unit}`;
    if (v.max !== null) return `≤${v.max}${unit}`;
    return `?${unit}`;
  }
  if (Array.isArray(v)) return v.join(', ');
  return v;
}

/** A canonical string for a value, to de-duplicate and sort deterministically. */
export function valueKey(v: ClaimValue): string {
  if (isTimeValue(v)) return `t:${v.utc ?? ''}:${dateOf(v) ?? ''}:${v.timex}`;
  if (isQuantity(v)) return `q:${v.min}:${v.max}:${v.unit}:${v.qualifier}`;
  if (Array.isArray(v)) return `l:${[...v].sort().join('|')}`;
  return `s:${fold(v)}`;
}
