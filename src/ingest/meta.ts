import type { ArticleMeta } from '../types.ts';

/**
 * Validation and normalization of metadata values, shared by front matter,
 * manifests, JSON records and HTML pages.
 */

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * An ISO 8601 date or date-time, normalized (`2025-03-18 14:02:00` → `2025-03-18T14:02:00`,
 * `+0300` → `+03:00`), or null when the value is not one or names an impossible
 * day (2025-02-30) or time (25:00).
 */
export function normalizePublished(raw: string): string | null {
  const m = ISO_DATE_TIME.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return date;
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return null;
  let offset = zone ?? '';
  if (offset && offset !== 'Z') {
    const sign = offset[0]!;
    const digits = offset.slice(1).replace(':', '');
    if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2)) > 59) return null;
    offset = `${sign}${digits.slice(0, 2)}:${digits.slice(2)}`;
  }
  return `${date}T${h}:${mi}${s !== undefined ? `:${s}${frac ?? ''}` : ''}${offset}`;
}

const FIXED_OFFSET = /^(?:Z|UTC|GMT|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/** True for an IANA zone the runtime knows (`Europe/Moscow`) or a fixed offset (`+03:00`). */
export function isValidTimezone(zone: string): boolean {
  if (FIXED_OFFSET.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A metadata value as a trimmed non-empty string (numbers accepted, e.g. `title: 1984`). */
export function metaString(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A metadata value that could not be used; `key` is the name it was given under. */
export type MetaIssue = { field: keyof ArticleMeta; key: string; message: string; severity: 'error' | 'warning' };

/**
 * Reads the six metadata fields from a plain object (front matter, manifest entry),
 * validating `published` and `timezone`. Invalid values are dropped (so they can be
 * inferred) and reported as issues: a bad date is an error (the user stated something
 * unusable), an unknown time zone a warning.
 */
export function readMetaFields(
  source: Record<string, unknown>,
  aliases: Partial<Record<keyof ArticleMeta, string[]>> = {},
): { meta: Partial<ArticleMeta>; issues: MetaIssue[] } {
  const meta: Partial<ArticleMeta> = {};
  const issues: MetaIssue[] = [];
  const fields: (keyof ArticleMeta)[] = ['outlet', 'published', 'title', 'url', 'timezone', 'language'];
  for (const field of fields) {
    const key = [field, ...(aliases[field] ?? [])].find((k) => source[k] !== undefined && source[k] !== null);
    if (key === undefined) continue;
    const raw = source[key];
    const value = metaString(raw);
    if (value === null) {
      if (typeof raw !== 'string') issues.push({ field, key, severity: 'warning', message: `${key}: expected a string, ignored` });
      continue;
    }
    if (field === 'published') {
      const iso = normalizePublished(value);
      if (iso === null) {
        issues.push({
          field,
          key,
          severity: 'error',
          message: `invalid ${key} date "${value}" (expected an existing ISO date or date-time like 2025-03-18 or 2025-03-18T14:00:00Z)`,
        });
        continue;
      }
      meta.published = iso;
    } else if (field === 'timezone') {
      if (!isValidTimezone(value)) {
        issues.push({ field, key, severity: 'warning', message: `unknown ${key} "${value}" ignored (expected an IANA zone or an offset like +03:00)` });
        continue;
      }
      meta.timezone = value;
    } else {
      meta[field] = value;
    }
  }
  return { meta, issues };
}
